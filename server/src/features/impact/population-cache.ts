import { factTableBuilder } from '../../domain/compiled/facts/fact-table';
import type { ResidentTable } from '../../domain/compiled/population';
import { factReading } from '../../domain/residents/fact-reading';
import { scoringFacts } from '../../domain/residents/scoring-facts';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import type { SqlExecutor } from '../../platform/db/database';
import { loadPopulation, populationRevision, type PopulationSnapshot } from './population-snapshot';

/** The whole population's facts as several rule-set versions read them, all from one read of the records. */
export interface PopulationFacts {
  /** The population revision the facts were read at. */
  revision: string;
  /** One table per rule set asked for, in the same order; rows are the same residents in every table. */
  tables: ResidentTable[];
  /** The row of a resident in every table, or undefined. */
  rowOf(id: string): number | undefined;
  /** Whether nothing had to be read from the database. */
  fromCache: boolean;
}

export interface PopulationCache {
  /**
   * The residents' facts as each rule set reads them at `asOf` (`scoringFacts`: current facts,
   * registration date, ledger balances at `asOf`), for the population as it is now.
   */
  facts(db: SqlExecutor, asOf: string, ruleSets: readonly ResolvedRuleSet[]): Promise<PopulationFacts>;
}

/** Records turned into facts per turn of the event loop, so that a large population does not stall the server. */
const SLICE = 25_000;

/**
 * Keeps the population's fact tables in memory for repeated population work (draft impact), for the
 * current population revision (read per call: one cheap statement). A table is one date and one way of
 * reading facts (`factReading`): versions that read facts alike share it. The last `tables` tables (2 by
 * default: a draft that reads facts differently needs two) are kept; the records they were built from are
 * not (they would double the memory), so a call asking for a table not held reads the records again, and
 * builds every table it asked for from that one read. A new revision drops every table.
 *
 * Memory: a table holds no record per resident, only packed dictionary codes (under 100 bytes per
 * resident: `npm run bench` prints the figure), plus the ids; the read of the records it is built from
 * costs far more while it lasts.
 *
 * @example
 * const cache = createPopulationCache();
 * const { tables: [before, after] } = await cache.facts(client, '2026-06-30', [published, draft]);
 */
export function createPopulationCache(options: { tables?: number } = {}): PopulationCache {
  const limit = Math.max(2, options.tables ?? 2);
  let state: { revision: string; tables: Map<string, ResidentTable>; reading: Map<string, Promise<ResidentTable[]>> } | undefined;
  const rows = new WeakMap<ResidentTable, Map<string, number>>();
  const rowOf = (table: ResidentTable, id: string) => {
    let index = rows.get(table);
    // Built on first use only (a round's applicants): an index of 500,000 ids costs tens of megabytes.
    if (!index) rows.set(table, (index = new Map(table.ids.map((x, r) => [x, r]))));
    return index.get(id);
  };

  return {
    async facts(db, asOf, ruleSets) {
      const revision = await populationRevision(db);
      if (state?.revision !== revision) state = { revision, tables: new Map(), reading: new Map() };
      const held = state;
      // A call finishing on an older revision fills only that revision's (dropped) state.
      const keys = ruleSets.map((rs) => `${asOf}\n${factReading(rs)}`);
      let tables = keys.map((key) => held.tables.get(key));
      const fromCache = tables.every((t) => t !== undefined);
      if (!fromCache) {
        // Calls asking for the same tables at once share one read.
        const together = keys.join('\n\n');
        let reading = held.reading.get(together);
        if (!reading) {
          reading = readTables(db, keys, ruleSets, asOf).finally(() => held.reading.delete(together));
          held.reading.set(together, reading);
        }
        const built = await reading;
        built.forEach((table, i) => held.tables.set(keys[i]!, table));
        tables = built;
      }
      for (const key of keys) {
        // Most recently used last; the oldest go first.
        const table = held.tables.get(key);
        if (!table) continue;
        held.tables.delete(key);
        held.tables.set(key, table);
      }
      while (held.tables.size > Math.max(limit, new Set(keys).size)) held.tables.delete(held.tables.keys().next().value!);
      const out = tables.filter((t): t is ResidentTable => t !== undefined);
      return { revision, tables: out, rowOf: (id) => (out[0] ? rowOf(out[0], id) : undefined), fromCache };
    },
  };
}

/** One read of the records, and a table per distinct key from it. */
async function readTables(db: SqlExecutor, keys: readonly string[], ruleSets: readonly ResolvedRuleSet[], asOf: string): Promise<ResidentTable[]> {
  const snapshot = await loadPopulation(db);
  const built = new Map<string, ResidentTable>();
  const out: ResidentTable[] = [];
  for (const [i, key] of keys.entries()) {
    let table = built.get(key);
    if (!table) built.set(key, (table = await buildTable(snapshot, ruleSets[i]!, asOf)));
    out.push(table);
  }
  return out;
}

/** The snapshot's records as `rs` reads them at `asOf`, a slice per turn of the event loop. */
async function buildTable(snapshot: PopulationSnapshot, rs: ResolvedRuleSet, asOf: string): Promise<ResidentTable> {
  // Each record goes straight into the table's columns: no record per resident is kept.
  const builder = factTableBuilder();
  for (let start = 0; start < snapshot.ids.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const end = Math.min(snapshot.ids.length, start + SLICE);
    for (let r = start; r < end; r++) {
      const registration = snapshot.registrations[r];
      builder.add(scoringFacts(rs, registration ? { residenceRegistrationDate: registration } : {}, snapshot.values[r]!, snapshot.ledgers.get(r) ?? [], asOf));
    }
  }
  return { ids: snapshot.ids, facts: builder.finish() };
}
