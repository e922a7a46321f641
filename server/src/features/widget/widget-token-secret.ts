import { randomBytes } from 'node:crypto';
import type { Client } from '@libsql/client';
import { inTransaction } from '../../platform/db/database';

const NAME = 'widget-token-hs256';

/**
 * The key of residents' widget tokens (HS256), kept apart from the key that signs statements: only Jifen
 * verifies widget tokens, so the key is a secret it shares with no one, stored in the database (every
 * server on one database accepts the tokens of the others) and created on first start.
 *
 * @example
 * const secret = await loadWidgetTokenSecret(client, new Date());
 */
export async function loadWidgetTokenSecret(client: Client, now: Date): Promise<Uint8Array> {
  const value = await inTransaction(client, async (tx) => {
    const found = (await tx.execute({ sql: 'SELECT value FROM jifen_secrets WHERE name = ?', args: [NAME] })).rows[0];
    if (found) return String(found.value);
    const fresh = randomBytes(32).toString('base64url');
    await tx.execute({ sql: 'INSERT INTO jifen_secrets (name, value, created_at) VALUES (?, ?, ?)', args: [NAME, fresh, now.toISOString()] });
    return fresh;
  });
  return new TextEncoder().encode(value);
}
