import type { Row } from '@libsql/client';
import { z } from 'zod';
import type { ResidentRepository } from '../../domain/residents/repository';
import type { StoredScore } from '../../domain/residents/types';
import { insertRows } from '../../platform/db/bulk-insert';
import type { SqlExecutor } from '../../platform/db/database';
import { chunks, placeholders } from '../../platform/db/sql';

type Scores = Pick<ResidentRepository, 'saveScore' | 'saveScores' | 'getScore' | 'getScores'>;

const summarySchema = z.object({
  groups: z.record(z.string(), z.number()),
  indicators: z.record(z.string(), z.number()),
  scenarios: z.record(z.string(), z.object({ eligible: z.boolean(), score: z.number(), shortBy: z.number() })),
});

const COLUMNS = 'resident_id, rule_set_id, version, hash, as_of, total, vetoed, summary, scored_at';

/** Residents' stored scores on libsql (part of `createLibsqlResidentRepository`). */
export function residentScores(db: SqlExecutor): Scores {
  return {
    async saveScore(score) {
      const summary = summaryOf(score);
      await db.execute({
        sql: `INSERT INTO resident_scores (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (resident_id, rule_set_id) DO UPDATE SET version = excluded.version, hash = excluded.hash,
                as_of = excluded.as_of, total = excluded.total, vetoed = excluded.vetoed, summary = excluded.summary,
                scored_at = excluded.scored_at`,
        args: [score.residentId, score.ruleSetId, score.version, score.hash, score.asOf, score.total, score.vetoed ? 1 : 0, summary, score.scoredAt],
      });
    },

    async saveScores(scores) {
      await insertRows(
        db,
        'resident_scores',
        COLUMNS.split(', '),
        scores.map((s) => [s.residentId, s.ruleSetId, s.version, s.hash, s.asOf, s.total, s.vetoed ? 1 : 0, summaryOf(s), s.scoredAt]),
        `ON CONFLICT (resident_id, rule_set_id) DO UPDATE SET version = excluded.version, hash = excluded.hash, as_of = excluded.as_of,
           total = excluded.total, vetoed = excluded.vetoed, summary = excluded.summary, scored_at = excluded.scored_at`,
      );
    },

    async getScore(residentId, ruleSetId) {
      const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM resident_scores WHERE resident_id = ? AND rule_set_id = ?`, args: [residentId, ruleSetId] })).rows[0];
      return row && toScore(row);
    },

    async getScores(ids, ruleSetId) {
      const out = new Map<string, StoredScore>();
      for (const part of chunks([...new Set(ids)])) {
        const result = await db.execute({
          sql: `SELECT ${COLUMNS} FROM resident_scores WHERE rule_set_id = ? AND resident_id IN (${placeholders(part.length)})`,
          args: [ruleSetId, ...part],
        });
        for (const row of result.rows) out.set(String(row.resident_id), toScore(row));
      }
      return out;
    },
  };
}

const summaryOf = (s: StoredScore) => JSON.stringify({ groups: s.groups, indicators: s.indicators, scenarios: s.scenarios });

function toScore(row: Row): StoredScore {
  const summary = summarySchema.parse(JSON.parse(String(row.summary)));
  return {
    residentId: String(row.resident_id),
    ruleSetId: String(row.rule_set_id),
    version: Number(row.version),
    hash: String(row.hash),
    asOf: String(row.as_of),
    total: Number(row.total),
    vetoed: Number(row.vetoed) === 1,
    ...summary,
    scoredAt: String(row.scored_at),
  };
}
