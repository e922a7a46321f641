import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Row } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { SqlExecutor } from '../../platform/db/database';

/** What a service credential may do: push a source's feed, or issue resident tokens for the resident app. */
export type CredentialPurpose = 'feed' | 'resident-app';

export interface ServiceCredential {
  id: string;
  purpose: CredentialPurpose;
  /** The feed source (`hrss`, `police`…) or the app's name. */
  source: string;
  label: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

const PREFIX = 'jifen_sc_';
const COLUMNS = 'id, purpose, source, label, created_at, created_by, revoked_at, revoked_by';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Issues a credential: answers it with its secret token, which is shown this once — only its SHA-256 is
 * stored (the token carries 256 random bits, so a fast hash is enough).
 *
 * @example
 * const { credential, token } = await issueCredential(tx, { purpose: 'feed', source: 'hrss', label: '人社局', createdBy: 'u1', at });
 */
export async function issueCredential(
  db: SqlExecutor,
  input: { purpose: CredentialPurpose; source: string; label: string; createdBy: string; at: string },
): Promise<{ credential: ServiceCredential; token: string }> {
  const id = `sc-${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const secret = randomBytes(32).toString('base64url');
  await db.execute({
    sql: `INSERT INTO service_credentials (id, purpose, source, label, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [id, input.purpose, input.source, input.label, sha256(secret), input.at, input.createdBy],
  });
  const credential: ServiceCredential = { id, purpose: input.purpose, source: input.source, label: input.label, createdAt: input.at, createdBy: input.createdBy };
  return { credential, token: `${PREFIX}${id}.${secret}` };
}

/** Every credential, newest first, without secrets. */
export async function listCredentials(db: SqlExecutor): Promise<ServiceCredential[]> {
  const result = await db.execute(`SELECT ${COLUMNS} FROM service_credentials ORDER BY created_at DESC, id`);
  return result.rows.map(toCredential);
}

/** Revokes a credential; `not_found` when unknown, `conflict` when already revoked. */
export async function revokeCredential(db: SqlExecutor, id: string, by: string, at: string): Promise<ServiceCredential> {
  const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM service_credentials WHERE id = ?`, args: [id] })).rows[0];
  if (!row) throw new JifenError('not_found', { en: `Credentials: no credential "${id}"`, zh: '没有这个凭证' }, [{ path: 'id', message: 'no such credential' }]);
  if (row.revoked_at !== null) throw new JifenError('conflict', { en: `Credentials: ${id} is already revoked`, zh: '这个凭证已经停用' });
  await db.execute({ sql: 'UPDATE service_credentials SET revoked_at = ?, revoked_by = ? WHERE id = ?', args: [at, by, id] });
  return { ...toCredential(row), revokedAt: at, revokedBy: by };
}

/**
 * The credential a bearer token stands for, when it is genuine and not revoked; undefined otherwise.
 *
 * @example
 * const credential = await findCredential(client, 'jifen_sc_sc-1a2b….secret');
 */
export async function findCredential(db: SqlExecutor, token: string): Promise<ServiceCredential | undefined> {
  if (!isServiceToken(token)) return undefined;
  const [id, secret] = token.slice(PREFIX.length).split('.', 2);
  if (!id || !secret) return undefined;
  const row = (await db.execute({ sql: `SELECT ${COLUMNS}, secret_hash FROM service_credentials WHERE id = ?`, args: [id] })).rows[0];
  if (!row || row.revoked_at !== null) return undefined;
  const expected = Buffer.from(String(row.secret_hash), 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return toCredential(row);
}

/**
 * The credential a bearer token stands for, when it is genuine, not revoked and meant for `purpose`
 * (and for `source`, when given). Undefined otherwise: callers answer 401 without saying why.
 *
 * @example
 * const credential = await verifyCredential(client, token, 'feed', 'hrss');
 */
export async function verifyCredential(
  db: SqlExecutor,
  token: string,
  purpose: CredentialPurpose,
  source?: string,
): Promise<ServiceCredential | undefined> {
  const credential = await findCredential(db, token);
  if (!credential || credential.purpose !== purpose || (source !== undefined && credential.source !== source)) return undefined;
  return credential;
}

/** Whether a bearer token is shaped like a service credential (`jifen_sc_…`). */
export function isServiceToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

function toCredential(row: Row): ServiceCredential {
  return {
    id: String(row.id),
    purpose: row.purpose === 'resident-app' ? 'resident-app' : 'feed',
    source: String(row.source),
    label: String(row.label),
    createdAt: String(row.created_at),
    createdBy: String(row.created_by),
    ...(row.revoked_at === null ? {} : { revokedAt: String(row.revoked_at) }),
    ...(row.revoked_by === null ? {} : { revokedBy: String(row.revoked_by) }),
  };
}
