import { randomUUID } from 'node:crypto';
import type { Row } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import { fromHundredths, toHundredths } from '../../domain/points';
import type { ResidentRepository, StoredLedgerEntry } from '../../domain/residents/repository';
import type { SqlExecutor } from '../../platform/db/database';
import { provenanceArgs, provenanceOf } from './residents-rows';
import { chunks, optionalText, placeholders } from '../../platform/db/sql';

type Ledger = Pick<ResidentRepository, 'ledgerEntries' | 'ledgerEntriesOf' | 'appendLedgerEntry' | 'lockLedger' | 'ledgerRevision'>;

const COLUMNS = 'id, resident_id, indicator, kind, points_hundredths, earned_on, ref, benefit, source_kind, source, recorded_at, evidence';

/** Residents' points ledgers on libsql (part of `createLibsqlResidentRepository`). */
export function residentLedger(db: SqlExecutor): Ledger {
  return {
    async ledgerEntries(residentId, indicator) {
      const result = await db.execute({
        sql: `SELECT ${COLUMNS} FROM ledger_entries WHERE resident_id = ? ${indicator === undefined ? '' : 'AND indicator = ?'}
              ORDER BY earned_on, rowid`,
        args: indicator === undefined ? [residentId] : [residentId, indicator],
      });
      return result.rows.map(toEntry);
    },

    async ledgerEntriesOf(ids) {
      const out = new Map<string, StoredLedgerEntry[]>();
      for (const id of ids) out.set(id, []);
      for (const part of chunks([...new Set(ids)])) {
        const result = await db.execute({
          sql: `SELECT ${COLUMNS} FROM ledger_entries WHERE resident_id IN (${placeholders(part.length)}) ORDER BY earned_on, rowid`,
          args: part,
        });
        for (const row of result.rows) out.get(String(row.resident_id))?.push(toEntry(row));
      }
      return out;
    },

    async appendLedgerEntry(residentId, entry) {
      const id = entry.id ?? `led-${randomUUID()}`;
      const hundredths = toHundredths(entry.points);
      if (!(hundredths > 0) || Math.abs(hundredths - entry.points * 100) > 1e-6) {
        throw new JifenError('validation_failed', { en: 'Ledger: points must be a positive multiple of 0.01', zh: '积分必须大于 0，最多保留两位小数' }, [{ path: 'points', message: 'must be a positive multiple of 0.01' }]);
      }
      await db.execute({
        sql: `INSERT INTO ledger_entries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [id, residentId, entry.indicator, entry.kind, hundredths, entry.earnedOn, entry.ref ?? null, entry.benefit ?? null, ...provenanceArgs(entry.provenance)],
      });
      await db.execute({ sql: 'UPDATE residents SET ledger_revision = ledger_revision + 1 WHERE id = ?', args: [residentId] });
      return {
        id,
        residentId,
        indicator: entry.indicator,
        kind: entry.kind,
        points: fromHundredths(hundredths),
        earnedOn: entry.earnedOn,
        ...(entry.ref ? { ref: entry.ref } : {}),
        ...(entry.benefit ? { benefit: entry.benefit } : {}),
        provenance: entry.provenance,
      };
    },

    async lockLedger(residentId, revision) {
      const result = await db.execute({
        sql: 'UPDATE residents SET ledger_revision = ledger_revision + 1 WHERE id = ? AND ledger_revision = ?',
        args: [residentId, revision],
      });
      return result.rowsAffected === 1;
    },

    async ledgerRevision(residentId) {
      const row = (await db.execute({ sql: 'SELECT ledger_revision FROM residents WHERE id = ?', args: [residentId] })).rows[0];
      if (!row) throw new JifenError('not_found', { en: `Residents: no resident "${residentId}"`, zh: '没有这位居民' }, [{ path: 'residentId', message: 'no such resident' }]);
      return Number(row.ledger_revision);
    },
  };
}

function toEntry(row: Row): StoredLedgerEntry {
  const ref = optionalText(row.ref);
  const benefit = optionalText(row.benefit);
  return {
    id: String(row.id),
    residentId: String(row.resident_id),
    indicator: String(row.indicator),
    kind: row.kind === 'spend' ? 'spend' : 'earn',
    points: fromHundredths(Number(row.points_hundredths)),
    earnedOn: String(row.earned_on),
    ...(ref ? { ref } : {}),
    ...(benefit ? { benefit } : {}),
    provenance: provenanceOf(row),
  };
}
