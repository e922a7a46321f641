import type { SqlExecutor } from '../../platform/db/database';

/** A signed-in session as stored: the SHA-256 of its id, never the id itself. */
export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
}

/**
 * Staff sessions in libsql.
 *
 * @example
 * await createSessionStore(tx).insert({ idHash, userId, createdAt: now, lastSeenAt: now });
 */
export function createSessionStore(db: SqlExecutor) {
  return {
    async insert(session: SessionRecord): Promise<void> {
      await db.execute({
        sql: 'INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
        args: [session.idHash, session.userId, session.createdAt, session.lastSeenAt],
      });
    },

    async find(idHash: string): Promise<SessionRecord | undefined> {
      const row = (
        await db.execute({ sql: 'SELECT id_hash, user_id, created_at, last_seen_at FROM sessions WHERE id_hash = ?', args: [idHash] })
      ).rows[0];
      return (
        row && {
          idHash: String(row.id_hash),
          userId: String(row.user_id),
          createdAt: String(row.created_at),
          lastSeenAt: String(row.last_seen_at),
        }
      );
    },

    async touch(idHash: string, lastSeenAt: string): Promise<void> {
      await db.execute({ sql: 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?', args: [lastSeenAt, idHash] });
    },

    async delete(idHash: string): Promise<boolean> {
      return (await db.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [idHash] })).rowsAffected > 0;
    },

    /** Ends every session of a user (disabled, password changed). */
    /** Ends every session of a user, except the one whose id hash is `keep` (the caller's own). */
    async deleteForUser(userId: string, keep?: string): Promise<number> {
      return (await db.execute({ sql: 'DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?', args: [userId, keep ?? null] })).rowsAffected;
    },

    /** Removes sessions idle since before `idleBefore` or started before `startedBefore`. */
    async deleteExpired(idleBefore: string, startedBefore: string): Promise<number> {
      return (
        await db.execute({ sql: 'DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?', args: [idleBefore, startedBefore] })
      ).rowsAffected;
    },
  };
}
