import type { SqlExecutor } from '../../platform/db/database';

/**
 * Whether the service credential that issued a token is still in force. Tokens a `resident-app`
 * credential issued (resident tokens, widget tokens) end when that credential is revoked: every use checks
 * its issuer here. The answer is kept for `CREDENTIAL_STATUS_TTL_MS` of the caller's clock, so a busy
 * widget does not read the database on every request; a revocation on this server takes effect at once
 * (`forgetCredentialStatus`), one made on another server sharing the database within that time.
 */

/** How long an answer is kept, by the clock the caller passes. */
export const CREDENTIAL_STATUS_TTL_MS = 30_000;

/** Issuers that are not service credentials: the demo page's own tokens. */
const NOT_CREDENTIALS = new Set(['demo']);

type Cache = Map<string, { active: boolean; checkedAt: number }>;
// One cache per database client: every route and resolver on that client sees the same answers.
const caches = new WeakMap<object, Cache>();

const cacheOf = (db: SqlExecutor): Cache => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
};

/**
 * Whether the credential `id` exists and is not revoked, as of `now`.
 *
 * @example
 * if (!(await credentialInForce(client, grant.issuedBy, now()))) throw new JifenError('unauthorized', '…');
 */
export async function credentialInForce(db: SqlExecutor, id: string, now: Date): Promise<boolean> {
  if (NOT_CREDENTIALS.has(id)) return true;
  const cache = cacheOf(db);
  const at = now.getTime();
  const known = cache.get(id);
  if (known && at >= known.checkedAt && at - known.checkedAt < CREDENTIAL_STATUS_TTL_MS) return known.active;
  const row = (await db.execute({ sql: 'SELECT revoked_at FROM service_credentials WHERE id = ?', args: [id] })).rows[0];
  const active = row !== undefined && row.revoked_at === null;
  cache.set(id, { active, checkedAt: at });
  return active;
}

/** Drops what is known of `id` (after revoking it here), so the next use reads the database. */
export function forgetCredentialStatus(db: SqlExecutor, id: string): void {
  cacheOf(db).delete(id);
}
