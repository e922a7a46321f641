import { randomBytes } from 'node:crypto';
import type { Client } from '@libsql/client';
import { inTransaction } from '../../platform/db/database';

const NAME = 'resident-token-hs256';

/**
 * The key that signs residents' API tokens (HS256): `fromEnv` (`JIFEN_RESIDENT_TOKEN_SECRET`, at least 32
 * characters) when given, else the one stored in the database, else a new random one stored there — so
 * every server on one database accepts the tokens of the others.
 *
 * @example
 * const secret = await loadResidentTokenSecret(client, process.env.JIFEN_RESIDENT_TOKEN_SECRET, new Date());
 */
export async function loadResidentTokenSecret(client: Client, fromEnv: string | undefined, now: Date): Promise<Uint8Array> {
  if (fromEnv && fromEnv.trim().length >= 32) return new TextEncoder().encode(fromEnv.trim());
  const value = await inTransaction(client, async (tx) => {
    const found = (await tx.execute({ sql: 'SELECT value FROM jifen_secrets WHERE name = ?', args: [NAME] })).rows[0];
    if (found) return String(found.value);
    const fresh = randomBytes(32).toString('base64url');
    await tx.execute({ sql: 'INSERT INTO jifen_secrets (name, value, created_at) VALUES (?, ?, ?)', args: [NAME, fresh, now.toISOString()] });
    return fresh;
  });
  return new TextEncoder().encode(value);
}
