import type { LedgerEntry } from '../../domain/ledger/ledger';
import { fromHundredths } from '../../domain/points';
import type { FactValue } from '../../domain/scoring/types';
import type { SqlExecutor } from '../../platform/db/database';
import { factValuesOf } from '../residents';

/**
 * Every resident's record as population work reads it, all at once: registration date, current fact
 * values and ledger entries, row by row in id order. `revision` is the population revision it was read at.
 */
export interface PopulationSnapshot {
  readonly revision: string;
  readonly ids: readonly string[];
  /** Row r: the resident's residence registration date, if recorded. */
  readonly registrations: readonly (string | undefined)[];
  /** Row r: the current value of each fact (cleared facts left out). */
  readonly values: readonly Readonly<Record<string, FactValue>>[];
  /** By row, residents with ledger entries only: every entry, in date order. */
  readonly ledgers: ReadonlyMap<number, readonly LedgerEntry[]>;
}

/**
 * A revision of the residents' records that changes whenever anything population scoring reads changes,
 * read in one cheap statement (four index look-ups, no scan): fact history and ledgers are append-only,
 * so their highest row ids move with every change; a new resident moves the residents' highest row id;
 * the other writes to a resident's registration date come with a fact-history entry (objections) or a
 * feed call (feeds).
 *
 * @example
 * await populationRevision(client); // '18342.5120.20000.3'
 */
export async function populationRevision(db: SqlExecutor): Promise<string> {
  const row = (
    await db.execute(`SELECT
      (SELECT coalesce(max(seq), 0) FROM fact_history) AS facts,
      (SELECT coalesce(max(rowid), 0) FROM ledger_entries) AS ledger,
      (SELECT coalesce(max(rowid), 0) FROM residents) AS residents,
      (SELECT coalesce(max(rowid), 0) FROM feed_calls) AS feeds`)
  ).rows[0];
  return [row?.facts, row?.ledger, row?.residents, row?.feeds].map((n) => String(n ?? 0)).join('.');
}

/** Residents read per statement: pages keep each result set small. */
const PAGE = 5_000;

/**
 * Reads every resident's record (see `PopulationSnapshot`) in pages by id. Labelled with the revision read
 * before the first page, so that a change made while it reads makes the next revision differ and the
 * snapshot is read again.
 *
 * @example
 * const snapshot = await loadPopulation(client); // { revision, ids: ['res-000001', …], … }
 */
export async function loadPopulation(db: SqlExecutor): Promise<PopulationSnapshot> {
  const revision = await populationRevision(db);
  const ids: string[] = [];
  const registrations: (string | undefined)[] = [];
  const values: Record<string, FactValue>[] = [];
  for (let after = ''; ; ) {
    const { rows } = await db.execute({
      sql: `SELECT r.id, r.residence_registration_date AS registration,
              (SELECT json_group_object(h.fact, json(h.value)) FROM resident_facts f JOIN fact_history h ON h.seq = f.seq
               WHERE f.resident_id = r.id AND h.value IS NOT NULL) AS facts
            FROM residents r WHERE r.id > ? ORDER BY r.id LIMIT ?`,
      args: [after, PAGE],
    });
    for (const row of rows) {
      ids.push(String(row.id));
      registrations.push(typeof row.registration === 'string' ? row.registration : undefined);
      values.push(typeof row.facts === 'string' ? factValuesOf(row.facts) : {});
    }
    if (rows.length < PAGE) break;
    after = ids[ids.length - 1]!;
  }
  return { revision, ids, registrations, values, ledgers: await loadLedgers(db, ids) };
}

async function loadLedgers(db: SqlExecutor, ids: readonly string[]): Promise<Map<number, LedgerEntry[]>> {
  const rowOf = new Map<string, number>();
  const ledgers = new Map<number, LedgerEntry[]>();
  for (let after = 0; ; ) {
    const { rows } = await db.execute({
      sql: `SELECT rowid, id, resident_id, indicator, kind, points_hundredths, earned_on FROM ledger_entries WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      args: [after, PAGE * 4],
    });
    if (rows.length > 0 && rowOf.size === 0) ids.forEach((id, r) => rowOf.set(id, r));
    for (const row of rows) {
      const r = rowOf.get(String(row.resident_id));
      if (r === undefined) continue;
      let list = ledgers.get(r);
      if (!list) ledgers.set(r, (list = []));
      list.push({
        id: String(row.id),
        indicator: String(row.indicator),
        kind: row.kind === 'spend' ? 'spend' : 'earn',
        points: fromHundredths(Number(row.points_hundredths)),
        earnedOn: String(row.earned_on),
      });
    }
    if (rows.length < PAGE * 4) break;
    after = Number(rows[rows.length - 1]!.rowid);
  }
  // As the repository reads a ledger: by date, then in the order written (the sort is stable).
  for (const list of ledgers.values()) list.sort((a, b) => (a.earnedOn < b.earnedOn ? -1 : a.earnedOn > b.earnedOn ? 1 : 0));
  return ledgers;
}

