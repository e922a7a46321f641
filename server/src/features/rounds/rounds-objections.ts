import type { RoundRepository } from '../../domain/rounds/repository';
import type { SqlExecutor } from '../../platform/db/database';
import { OBJECTION_COLUMNS, frozen, toObjection } from './rounds-rows';

type Objections = Pick<
  RoundRepository,
  'insertObjection' | 'getObjection' | 'listObjections' | 'listOverdueObjections' | 'countOpenObjections' | 'updateObjection'
>;

/** Objections to published rankings on libsql (part of `createLibsqlRoundRepository`). */
export function roundObjections(db: SqlExecutor): Objections {
  return {
    async insertObjection(o) {
      try {
        const result = await db.execute({
          sql: `INSERT INTO round_objections (${OBJECTION_COLUMNS.split(', ').slice(1).join(', ')})
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          args: [
            o.roundId,
            o.residentId,
            o.applicationId,
            o.reason,
            o.evidenceRef ?? null,
            o.filedAt,
            o.filedOn,
            o.filedBy,
            o.answerBy,
            o.status,
            o.answeredBy ?? null,
            o.answeredAt ?? null,
            o.answer ?? null,
            o.correction ? JSON.stringify(o.correction) : null,
          ],
        });
        return { id: Number(result.rows[0]?.id), ...o };
      } catch (error) {
        return frozen(error);
      }
    },

    async getObjection(roundId, id) {
      const row = (await db.execute({ sql: `SELECT ${OBJECTION_COLUMNS} FROM round_objections WHERE round_id = ? AND id = ?`, args: [roundId, id] }))
        .rows[0];
      return row && toObjection(row);
    },

    async listObjections(roundId) {
      const result = await db.execute({ sql: `SELECT ${OBJECTION_COLUMNS} FROM round_objections WHERE round_id = ? ORDER BY id`, args: [roundId] });
      return result.rows.map(toObjection);
    },

    async listOverdueObjections(today) {
      const result = await db.execute({
        sql: `SELECT ${OBJECTION_COLUMNS} FROM round_objections WHERE status = 'open' AND answer_by < ? ORDER BY answer_by, id`,
        args: [today],
      });
      return result.rows.map(toObjection);
    },

    async countOpenObjections(roundId) {
      const result = await db.execute({ sql: `SELECT count(*) AS n FROM round_objections WHERE round_id = ? AND status = 'open'`, args: [roundId] });
      return Number(result.rows[0]?.n ?? 0);
    },

    async updateObjection(o) {
      try {
        await db.execute({
          sql: `UPDATE round_objections SET status = ?, answered_by = ?, answered_at = ?, answer = ?, correction = ? WHERE id = ? AND round_id = ?`,
          args: [o.status, o.answeredBy ?? null, o.answeredAt ?? null, o.answer ?? null, o.correction ? JSON.stringify(o.correction) : null, o.id, o.roundId],
        });
      } catch (error) {
        frozen(error);
      }
    },
  };
}
