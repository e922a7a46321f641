import type { SqlExecutor } from '../../platform/db/database';

/**
 * Sign-in attempts still counted against a key (`user:<name>`, `address:<ip>` or `pair:<name>|<ip>`), in the database so that
 * every server sharing it counts the same attempts.
 *
 * @example
 * const attempts = createLoginAttempts(tx);
 * const ids = await attempts.record(['user:li', 'address:10.0.0.7'], now);
 */
export function createLoginAttempts(db: SqlExecutor) {
  return {
    /** How many attempts a key has made since `since`, and the oldest and newest of them (epoch ms). */
    async since(key: string, since: string): Promise<{ count: number; oldest?: number; newest?: number }> {
      const row = (
        await db.execute({
          sql: 'SELECT count(*) AS n, min(at) AS oldest, max(at) AS newest FROM login_attempts WHERE key = ? AND at >= ?',
          args: [key, since],
        })
      ).rows[0];
      const count = Number(row?.n ?? 0);
      if (count === 0 || row?.oldest === null || row?.oldest === undefined) return { count };
      return { count, oldest: Date.parse(String(row.oldest)), newest: Date.parse(String(row.newest)) };
    },

    /** Counts one attempt against every key; answers the row ids (to forget them after a success). */
    async record(keys: readonly string[], at: string): Promise<number[]> {
      const ids: number[] = [];
      for (const key of keys) {
        const result = await db.execute({ sql: 'INSERT INTO login_attempts (key, at) VALUES (?, ?)', args: [key, at] });
        ids.push(Number(result.lastInsertRowid));
      }
      return ids;
    },

    async forget(ids: readonly number[]): Promise<void> {
      for (const id of ids) await db.execute({ sql: 'DELETE FROM login_attempts WHERE id = ?', args: [id] });
    },

    /** Forgets every attempt against a key (a successful sign-in clears its username). */
    async clear(key: string): Promise<void> {
      await db.execute({ sql: 'DELETE FROM login_attempts WHERE key = ?', args: [key] });
    },

    async prune(before: string): Promise<void> {
      await db.execute({ sql: 'DELETE FROM login_attempts WHERE at < ?', args: [before] });
    },
  };
}
