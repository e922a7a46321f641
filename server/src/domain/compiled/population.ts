import type { Facts, ResolvedRuleSet } from '../scoring/types';
import { factTableBuilder, type FactTable } from './facts/fact-table';
import { createBatchScorer, type BatchScorer, type BatchScores } from './scorer';

/** A resident as population work sees one: an id and the facts of their record. */
export interface Resident {
  id: string;
  facts: Facts;
}

/**
 * Residents held for repeated scoring: ids in order, and their facts column by column (no record is
 * kept; `facts.row(r)` gives one back for what scoring does not cover, such as a round's applicants).
 */
export interface ResidentTable {
  readonly ids: readonly string[];
  readonly facts: FactTable;
}

/**
 * Builds the table once per population snapshot, reading the residents one at a time (a generator need
 * never hold them all); every later run (any rule set, any draft) reuses it.
 *
 * @example
 * const table = residentTable(await residents.all());
 */
export function residentTable(residents: Iterable<Resident>): ResidentTable {
  const ids: string[] = [];
  const builder = factTableBuilder();
  for (const r of residents) {
    ids.push(r.id);
    builder.add(r.facts);
  }
  return { ids, facts: builder.finish() };
}

/** Numbers for rows of a fact table, in hundredths; the first row scored is `0` (`r * width + column`). */
export interface RowScores {
  readonly total: Float64Array;
  /** Index of the first veto that holds, −1 when none. */
  readonly vetoedBy: Int32Array;
  readonly groupIds: readonly string[];
  /** `[r * groupIds.length + g]` */
  readonly groups: Float64Array;
  readonly scenarioIds: readonly string[];
  /** `[r * scenarioIds.length + k]`, 1 when eligible. */
  readonly eligible: Uint8Array;
  /** `[r * scenarioIds.length + k]` */
  readonly scenarioScores: Float64Array;
  readonly indicatorIds: readonly string[];
  /** `[r * indicatorIds.length + i]`, only when asked for (`{ indicators: true }`). */
  readonly indicators?: Float64Array;
}

/** Numbers for a whole population, in hundredths; resident `r`'s row is `r`, its id `ids[r]`. */
export interface PopulationScores extends RowScores {
  readonly ids: readonly string[];
}

/**
 * Scores every resident with the compiled evaluator's fast mode: totals, group scores, vetoes, each
 * scenario's score and eligibility (and every indicator's points when asked), as typed arrays.
 *
 * @example
 * const scores = scorePopulation(rs, residentTable(residents), '2026-06-30');
 * scores.eligible[r * scores.scenarioIds.length + k]; // 1 when resident r qualifies for scenario k
 */
export function scorePopulation(
  rs: ResolvedRuleSet,
  residents: ResidentTable | Iterable<Resident>,
  asOf: string,
  options: { indicators?: boolean } = {},
): PopulationScores {
  const table = 'facts' in residents && 'ids' in residents ? residents : residentTable(residents);
  return { ids: table.ids, ...scoreRows(createBatchScorer(rs, asOf), table.facts, 0, table.ids.length, options) };
}

/**
 * Rows `from` … `to - 1` of a fact table scored as `scorePopulation` scores them, row `from` first. One
 * scorer kept for a table binds its columns once, however many ranges it scores: an answer written a
 * slice of residents at a time pays for the binding once, not once a slice.
 *
 * @example
 * const scorer = createBatchScorer(rs, '2026-06-30');
 * const first = scoreRows(scorer, table.facts, 0, 500, { indicators: true });
 * const next = scoreRows(scorer, table.facts, 500, 1_000, { indicators: true });
 */
export function scoreRows(scorer: BatchScorer, facts: FactTable, from: number, to: number, options: { indicators?: boolean } = {}): RowScores {
  const { rs } = scorer.program;
  const n = to - from;
  const groupIds = scorer.program.layout.groupIds;
  const scenarioIds = rs.scenarios.map((s) => s.id);
  const indicatorIds = rs.indicators.map((i) => i.id);
  const result: RowScores = {
    total: new Float64Array(n),
    vetoedBy: new Int32Array(n),
    groupIds,
    groups: new Float64Array(n * groupIds.length),
    scenarioIds,
    eligible: new Uint8Array(n * scenarioIds.length),
    scenarioScores: new Float64Array(n * scenarioIds.length),
    indicatorIds,
    ...(options.indicators ? { indicators: new Float64Array(n * indicatorIds.length) } : {}),
  };
  for (let start = from; start < to; start += scorer.size) {
    const batch = scorer.score(facts, start, Math.min(scorer.size, to - start));
    const at = start - from;
    result.total.set(batch.total.subarray(0, batch.n), at);
    result.vetoedBy.set(batch.vetoedBy.subarray(0, batch.n), at);
    interleave(batch.groups, batch.n, at, result.groups);
    interleave(batch.eligible, batch.n, at, result.eligible);
    interleave(batch.scenarioScores, batch.n, at, result.scenarioScores);
    if (result.indicators) interleave(batch.indicators, batch.n, at, result.indicators);
  }
  return result;
}

/**
 * Runs a scorer over a whole source, batch by batch.
 *
 * @example
 * forEachBatch(scorer, table.facts, (batch, start) => totals.set(batch.total.subarray(0, batch.n), start));
 */
export function forEachBatch(
  scorer: BatchScorer,
  source: FactTable,
  visit: (batch: BatchScores, start: number) => void,
): void {
  for (let start = 0; start < source.length; start += scorer.size) {
    visit(scorer.score(source, start, Math.min(scorer.size, source.length - start)), start);
  }
}

function interleave<T extends Float64Array | Uint8Array>(columns: readonly T[], n: number, start: number, into: T): void {
  const width = columns.length;
  for (let c = 0; c < width; c++) {
    const col = columns[c]!;
    for (let i = 0, at = start * width + c; i < n; i++, at += width) into[at] = col[i]!;
  }
}
