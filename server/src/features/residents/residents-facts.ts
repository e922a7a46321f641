import type { Row } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { ResidentRepository } from '../../domain/residents/repository';
import type { FactRecord } from '../../domain/residents/types';
import type { FactValue } from '../../domain/scoring/types';
import type { SqlExecutor } from '../../platform/db/database';
import { factValueOf, factValuesOf, provenanceArgs, provenanceOf } from './residents-rows';
import { chunks, placeholders } from '../../platform/db/sql';

type Facts = Pick<ResidentRepository, 'currentFacts' | 'currentValues' | 'factHistory' | 'appendFacts'>;

const HISTORY = 'h.seq, h.resident_id, h.fact, h.value, h.source_kind, h.source, h.recorded_at, h.evidence';

/** Residents' fact history and current facts on libsql (part of `createLibsqlResidentRepository`). */
export function residentFacts(db: SqlExecutor): Facts {
  return {
    async currentFacts(ids) {
      const out = new Map<string, Record<string, FactRecord>>();
      for (const id of ids) out.set(id, {});
      for (const part of chunks([...new Set(ids)])) {
        const result = await db.execute({
          sql: `SELECT ${HISTORY} FROM resident_facts f JOIN fact_history h ON h.seq = f.seq
                WHERE f.resident_id IN (${placeholders(part.length)}) AND h.value IS NOT NULL`,
          args: part,
        });
        for (const row of result.rows) {
          const record = toRecord(row);
          const facts = out.get(String(row.resident_id));
          if (facts) facts[record.fact] = record;
        }
      }
      return out;
    },

    async currentValues(ids) {
      const out = new Map<string, Record<string, FactValue>>();
      for (const id of ids) out.set(id, {});
      for (const part of chunks([...new Set(ids)])) {
        // One JSON object per resident rather than one row per fact: far fewer rows to carry.
        const result = await db.execute({
          sql: `SELECT f.resident_id, json_group_object(h.fact, json(h.value)) AS facts
                FROM resident_facts f JOIN fact_history h ON h.seq = f.seq
                WHERE f.resident_id IN (${placeholders(part.length)}) AND h.value IS NOT NULL GROUP BY f.resident_id`,
          args: part,
        });
        for (const row of result.rows) out.set(String(row.resident_id), factValuesOf(String(row.facts)));
      }
      return out;
    },

    async factHistory(residentId, fact) {
      const result = await db.execute({
        sql: `SELECT ${HISTORY} FROM fact_history h WHERE h.resident_id = ? ${fact === undefined ? '' : 'AND h.fact = ?'} ORDER BY h.seq`,
        args: fact === undefined ? [residentId] : [residentId, fact],
      });
      return result.rows.map(toRecord);
    },

    async appendFacts(residentId, changes, provenance) {
      const exists = await db.execute({ sql: 'SELECT 1 FROM residents WHERE id = ?', args: [residentId] });
      if (exists.rows.length === 0) throw new JifenError('not_found', { en: `Residents: no resident "${residentId}"`, zh: '没有这位居民' }, [{ path: 'residentId', message: 'no such resident' }]);
      const written: FactRecord[] = [];
      for (const change of changes) {
        const inserted = await db.execute({
          sql: `INSERT INTO fact_history (resident_id, fact, value, source_kind, source, recorded_at, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
          args: [residentId, change.fact, change.value === null ? null : JSON.stringify(change.value), ...provenanceArgs(provenance)],
        });
        const seq = Number(inserted.rows[0]?.seq);
        await db.execute({
          sql: `INSERT INTO resident_facts (resident_id, fact, seq) VALUES (?, ?, ?)
                ON CONFLICT (resident_id, fact) DO UPDATE SET seq = excluded.seq`,
          args: [residentId, change.fact, seq],
        });
        written.push({ seq, fact: change.fact, value: change.value, provenance });
      }
      if (written.length > 0) {
        await db.execute({ sql: 'UPDATE residents SET updated_at = ? WHERE id = ?', args: [provenance.at, residentId] });
      }
      return written;
    },
  };
}


function toRecord(row: Row): FactRecord {
  return { seq: Number(row.seq), fact: String(row.fact), value: factValueOf(row.value), provenance: provenanceOf(row) };
}
