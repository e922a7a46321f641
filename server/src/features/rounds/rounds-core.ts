import { LibsqlError } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { RoundRepository } from '../../domain/rounds/repository';
import type { SqlExecutor } from '../../platform/db/database';
import { APPLICATION_COLUMNS, ROUND_COLUMNS, frozen, roundArgs, toApplication, toRound } from './rounds-rows';

type Core = Pick<
  RoundRepository,
  | 'insertRound'
  | 'getRound'
  | 'listRounds'
  | 'updateRound'
  | 'insertApplication'
  | 'getApplication'
  | 'findChildApplication'
  | 'listApplications'
  | 'listResidentApplications'
  | 'countApplications'
  | 'childNames'
  | 'updateApplication'
>;

const UPDATABLE = ROUND_COLUMNS.split(', ').slice(1);

/** Rounds and their applications on libsql (part of `createLibsqlRoundRepository`). */
export function roundsCore(db: SqlExecutor): Core {
  return {
    async insertRound(round) {
      const result = await db.execute({
        sql: `INSERT INTO rounds (${UPDATABLE.join(', ')}) VALUES (${UPDATABLE.map(() => '?').join(', ')}) RETURNING id`,
        args: roundArgs(round),
      });
      return { id: Number(result.rows[0]?.id), ...round };
    },

    async getRound(id) {
      const row = (await db.execute({ sql: `SELECT ${ROUND_COLUMNS} FROM rounds WHERE id = ?`, args: [id] })).rows[0];
      return row && toRound(row);
    },

    async listRounds(filter = {}) {
      const where: string[] = [];
      const args: string[] = [];
      if (filter.status) where.push('status = ?'), args.push(filter.status);
      if (filter.ruleSetId) where.push('rule_set_id = ?'), args.push(filter.ruleSetId);
      if (filter.scenarioId) where.push('scenario_id = ?'), args.push(filter.scenarioId);
      const result = await db.execute({
        sql: `SELECT ${ROUND_COLUMNS} FROM rounds ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC`,
        args,
      });
      return result.rows.map(toRound);
    },

    async updateRound(round) {
      try {
        await db.execute({
          sql: `UPDATE rounds SET ${UPDATABLE.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
          args: [...roundArgs(round), round.id],
        });
      } catch (error) {
        frozen(error);
      }
    },

    async insertApplication(application) {
      try {
        const result = await db.execute({
          sql: `INSERT INTO round_applications (${APPLICATION_COLUMNS.split(', ').slice(1).join(', ')})
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          args: [
            application.roundId,
            application.residentId,
            application.childId ?? null,
            application.spouseId ?? null,
            application.status,
            application.submittedAt,
            application.submittedBy,
            application.decidedBy ?? null,
            application.decidedAt ?? null,
            application.reason ?? null,
          ],
        });
        return { id: Number(result.rows[0]?.id), ...application };
      } catch (error) {
        if (error instanceof LibsqlError && /UNIQUE/i.test(`${error.code} ${error.message}`)) {
          const field = application.childId ? 'childId' : 'residentId';
          throw new JifenError('conflict', { en: `Rounds: ${application.childId ? 'this child' : 'this resident'} has already applied to round ${application.roundId}`, zh: `${application.childId ? '这位子女' : '这位居民'}已在本轮申请过` }, [
            { path: field, message: 'has already applied to this round' },
          ]);
        }
        return frozen(error);
      }
    },

    async getApplication(roundId, id) {
      const row = (
        await db.execute({ sql: `SELECT ${APPLICATION_COLUMNS} FROM round_applications WHERE round_id = ? AND id = ?`, args: [roundId, id] })
      ).rows[0];
      return row && toApplication(row);
    },

    async findChildApplication(roundId, childId) {
      const row = (
        await db.execute({ sql: `SELECT ${APPLICATION_COLUMNS} FROM round_applications WHERE round_id = ? AND child_id = ?`, args: [roundId, childId] })
      ).rows[0];
      return row && toApplication(row);
    },

    async listApplications(roundId, filter = {}) {
      const where = ['round_id = ?'];
      const args: (string | number)[] = [roundId];
      if (filter.status) where.push('status = ?'), args.push(filter.status);
      if (filter.residentId) where.push('resident_id = ?'), args.push(filter.residentId);
      const result = await db.execute({ sql: `SELECT ${APPLICATION_COLUMNS} FROM round_applications WHERE ${where.join(' AND ')} ORDER BY id`, args });
      return result.rows.map(toApplication);
    },

    async listResidentApplications(residentId) {
      const result = await db.execute({
        sql: `SELECT ${APPLICATION_COLUMNS} FROM round_applications WHERE resident_id = ? OR spouse_id = ? ORDER BY id DESC`,
        args: [residentId, residentId],
      });
      return result.rows.map(toApplication);
    },

    async countApplications(roundId, status) {
      const result = await db.execute({ sql: 'SELECT count(*) AS n FROM round_applications WHERE round_id = ? AND status = ?', args: [roundId, status] });
      return Number(result.rows[0]?.n ?? 0);
    },

    async childNames(roundId) {
      const result = await db.execute({
        sql: 'SELECT a.id, c.name FROM round_applications a JOIN children c ON c.id = a.child_id WHERE a.round_id = ?',
        args: [roundId],
      });
      return new Map(result.rows.map((row) => [Number(row.id), String(row.name)]));
    },

    async updateApplication(a) {
      try {
        await db.execute({
          sql: `UPDATE round_applications SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND round_id = ?`,
          args: [a.status, a.decidedBy ?? null, a.decidedAt ?? null, a.reason ?? null, a.id, a.roundId],
        });
      } catch (error) {
        frozen(error);
      }
    },
  };
}
