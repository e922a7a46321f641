import type { InValue, Row } from '@libsql/client';
import { fromHundredths, toHundredths } from '../../domain/points';
import type { RoundRepository } from '../../domain/rounds/repository';
import type { RankingEntry, RankingInput, RankingRevision } from '../../domain/rounds/types';
import type { Facts } from '../../domain/scoring/types';
import type { SqlExecutor } from '../../platform/db/database';
import { frozen } from './rounds-rows';

type Rankings = Pick<
  RoundRepository,
  'saveRanking' | 'getRanking' | 'listRevisions' | 'saveRankingInputs' | 'getRankingInputs' | 'replaceRankingInput'
>;

// Rows travel as one JSON array per statement and SQLite unpacks them (`json_each`): one bound parameter
// instead of thousands, which is what makes storing a list of 100,000 applicants quick.
const ROWS_PER_INSERT = 5_000;

const ENTRY_COLUMNS = [
  'round_id', 'application_id', 'ord', 'resident_id', 'position', 'score_hundredths', 'eligible', 'admitted', 'tied',
  'spouse_counted', 'previous_position', 'masked_name', 'masked_permit',
] as const;
const INPUT_COLUMNS = ['round_id', 'application_id', 'resident_id', 'facts', 'spouse_id', 'spouse_facts', 'masked_name', 'masked_permit'] as const;

/** Ranking revisions, the current ranked list and its inputs on libsql (part of `createLibsqlRoundRepository`). */
export function roundRankings(db: SqlExecutor): Rankings {
  const insertRows = async (table: string, columns: readonly string[], rows: InValue[][]) => {
    const select = columns.map((_, i) => `value ->> ${i}`).join(', ');
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const slice = rows.slice(i, i + ROWS_PER_INSERT);
      await db.execute({ sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(?)`, args: [JSON.stringify(slice)] });
    }
  };

  return {
    async saveRanking(roundId, revision, entries) {
      try {
        await db.execute({
          sql: `INSERT INTO round_rankings (round_id, revision, ranked_at, version, cause, objection_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          args: [roundId, revision.revision, revision.rankedAt, revision.version, revision.cause, revision.objectionId ?? null, revision.hash],
        });
        await db.execute({ sql: 'DELETE FROM round_ranking_entries WHERE round_id = ?', args: [roundId] });
        await insertRows('round_ranking_entries', ENTRY_COLUMNS, entries.map((e, ord) => entryArgs(roundId, ord, e)));
      } catch (error) {
        frozen(error);
      }
    },

    async getRanking(roundId) {
      const result = await db.execute({ sql: `SELECT ${ENTRY_COLUMNS.join(', ')} FROM round_ranking_entries WHERE round_id = ? ORDER BY ord`, args: [roundId] });
      return result.rows.map(toEntry);
    },

    async listRevisions(roundId) {
      const result = await db.execute({
        sql: 'SELECT revision, ranked_at, version, cause, objection_id, hash FROM round_rankings WHERE round_id = ? ORDER BY revision',
        args: [roundId],
      });
      return result.rows.map(toRevision);
    },

    async saveRankingInputs(roundId, inputs) {
      try {
        await insertRows('round_ranking_inputs', INPUT_COLUMNS, inputs.map((input) => inputArgs(roundId, input)));
      } catch (error) {
        frozen(error);
      }
    },

    async getRankingInputs(roundId) {
      const result = await db.execute({
        sql: `SELECT ${INPUT_COLUMNS.join(', ')} FROM round_ranking_inputs WHERE round_id = ? ORDER BY application_id`,
        args: [roundId],
      });
      return result.rows.map(toInput);
    },

    async replaceRankingInput(roundId, input) {
      try {
        await db.execute({
          sql: `UPDATE round_ranking_inputs SET resident_id = ?, facts = ?, spouse_id = ?, spouse_facts = ?, masked_name = ?, masked_permit = ?
                WHERE round_id = ? AND application_id = ?`,
          args: [...inputArgs(roundId, input).slice(2), roundId, input.applicationId],
        });
      } catch (error) {
        frozen(error);
      }
    },
  };
}

function entryArgs(roundId: number, ord: number, e: RankingEntry): InValue[] {
  return [
    roundId,
    e.applicationId,
    ord,
    e.residentId,
    e.position ?? null,
    toHundredths(e.score),
    e.eligible ? 1 : 0,
    e.admitted ? 1 : 0,
    e.tied ? 1 : 0,
    e.spouseCounted ? 1 : 0,
    e.previousPosition ?? null,
    e.maskedName,
    e.maskedPermit,
  ];
}

function toEntry(row: Row): RankingEntry {
  return {
    applicationId: Number(row.application_id),
    residentId: String(row.resident_id),
    ...(row.position === null ? {} : { position: Number(row.position) }),
    score: fromHundredths(Number(row.score_hundredths)),
    eligible: Number(row.eligible) === 1,
    admitted: Number(row.admitted) === 1,
    tied: Number(row.tied) === 1,
    spouseCounted: Number(row.spouse_counted) === 1,
    ...(row.previous_position === null ? {} : { previousPosition: Number(row.previous_position) }),
    maskedName: String(row.masked_name),
    maskedPermit: String(row.masked_permit),
  };
}

function toRevision(row: Row): RankingRevision {
  return {
    revision: Number(row.revision),
    rankedAt: String(row.ranked_at),
    version: Number(row.version),
    cause: String(row.cause) === 'objection' ? 'objection' : 'closed',
    ...(row.objection_id === null ? {} : { objectionId: Number(row.objection_id) }),
    hash: String(row.hash),
  };
}

function inputArgs(roundId: number, input: RankingInput): InValue[] {
  return [
    roundId,
    input.applicationId,
    input.residentId,
    JSON.stringify(input.facts),
    input.spouse?.residentId ?? null,
    input.spouse ? JSON.stringify(input.spouse.facts) : null,
    input.maskedName,
    input.maskedPermit,
  ];
}

function toInput(row: Row): RankingInput {
  return {
    applicationId: Number(row.application_id),
    residentId: String(row.resident_id),
    facts: JSON.parse(String(row.facts)) as Facts,
    ...(row.spouse_id === null ? {} : { spouse: { residentId: String(row.spouse_id), facts: JSON.parse(String(row.spouse_facts)) as Facts } }),
    maskedName: String(row.masked_name),
    maskedPermit: String(row.masked_permit),
  };
}
