import type { ResolvedRuleSet } from '../scoring/types';
import { bindColumns } from './bind-columns';
import { conditionKernel, type BatchCondition } from './condition-kernels';
import { packDate } from './derive-fast';
import type { FactTable } from './fact-table';
import { groupSums } from './group-sums';
import { compilePointsKernels } from './indicator-kernels';
import type { BatchColumn } from './leaf-kernels';
import { tabulateIndicator } from './lookup-tables';
import { compileRuleSet, type Program } from './program';

/**
 * A batch of residents' numbers, in hundredths of a point: no strings, no explanations. Row `i` of every
 * array is resident `start + i`; only rows `[0, n)` are meaningful. The scorer overwrites the same
 * arrays for every batch: copy what you keep.
 */
export interface BatchScores {
  n: number;
  readonly total: Float64Array;
  /** Index of the first veto that holds, −1 when none does. */
  readonly vetoedBy: Int32Array;
  /** Points per indicator (in `rs.indicators` order), each an array over the batch. */
  readonly indicators: readonly Float64Array[];
  /** Score per group (in `program.layout.groupIds` order). */
  readonly groups: readonly Float64Array[];
  /** 1 when eligible, per scenario (in `rs.scenarios` order). */
  readonly eligible: readonly Uint8Array[];
  /** The scenario score (its counted indicators, or the total), per scenario. */
  readonly scenarioScores: readonly Float64Array[];
}

/** The compiled evaluator's fast mode: scores runs of residents of a `FactTable`. */
export interface BatchScorer {
  readonly program: Program;
  readonly asOf: string;
  /** The most residents one `score` call takes. */
  readonly size: number;
  /** Scores residents `[start, start + n)` of `table` (n ≤ size). */
  score(table: FactTable, start: number, n: number): BatchScores;
  /** How many indicators the last table scored by lookup rather than by running their kernels. */
  readonly tabulated: number;
}

/**
 * Binds a compiled rule set to buffers for batches of `size` residents: every condition, indicator,
 * group and scenario becomes one loop over the batch. The same numbers as the explaining mode (points,
 * group scores, total, veto, scenario score and eligibility), at population speed.
 *
 * @example
 * const scorer = createBatchScorer(rs, '2026-06-30');
 * const table = factTable(residents.map((r) => r.facts));
 * for (let start = 0; start < table.length; start += scorer.size) {
 *   const batch = scorer.score(table, start, Math.min(scorer.size, table.length - start));
 * }
 */
export function createBatchScorer(rs: ResolvedRuleSet, asOf: string, size = 512): BatchScorer {
  const program = compileRuleSet(rs);
  const { layout, scenarios, scoreSlotsRead } = program;
  const packedAsOf = packDate(asOf);
  const out: BatchScores = {
    n: 0,
    total: new Float64Array(size),
    vetoedBy: new Int32Array(size),
    indicators: rs.indicators.map(() => new Float64Array(size)),
    groups: layout.groupIds.map(() => new Float64Array(size)),
    eligible: scenarios.map(() => new Uint8Array(size)),
    scenarioScores: scenarios.map(() => new Float64Array(size)),
  };
  // Kernels read the columns of one table; binding to another table rebuilds them (a few ms).
  let bound: { table: FactTable; fill: (start: number, n: number) => void; columns: readonly BatchColumn[] } | undefined;
  let kernels: ReturnType<typeof compilePointsKernels>;
  let eligibility: (BatchCondition | undefined)[];
  const bind = (table: FactTable) => {
    const { columns, filler, coded } = bindColumns(layout, table, asOf, packedAsOf, size);
    const tableOf = (index: number) => tabulateIndicator(program, rs.indicators[index]!, coded, table.length);
    // Kernels say which slots they read; only those are filled for each batch.
    const read = new Set<number>();
    const column = (slot: number) => (read.add(slot), columns[slot]!);
    kernels = compilePointsKernels(rs, (fact) => column(layout.indicatorSlot(fact)), tableOf, out.indicators, size);
    eligibility = rs.scenarios.map((sc) =>
      sc.eligibility ? conditionKernel(sc.eligibility, (fact) => column(layout.scenarioSlot(fact)), size) : undefined,
    );
    bound = { table, fill: filler(read), columns };
    return bound;
  };
  const sums = groupSums(program, out.indicators, size);

  const score = (table: FactTable, start: number, n: number): BatchScores => {
    if (n > size || n < 0 || start < 0 || start + n > table.length) throw new RangeError(`Scorer: rows ${start}…${start + n} out of range`);
    const { fill, columns } = bound?.table === table ? bound : bind(table);
    out.n = n;
    fill(start, n);
    kernels.run(start, n);
    const vetoedBy = out.vetoedBy;
    vetoedBy.fill(-1, 0, n);
    // Last to first, so the first veto that holds is the one named.
    for (let v = kernels.vetoes.length - 1; v >= 0; v--) {
      const { index, holds } = kernels.vetoes[v]!;
      for (let i = 0; i < n; i++) if (holds[i]) vetoedBy[i] = index;
    }
    sums.all(n, out.total, out.groups);
    for (const { slot, fact } of scoreSlotsRead) fillScore(columns[slot]!.values, fact, n);
    scenarios.forEach((sc, k) => {
      const scores = out.scenarioScores[k]!;
      if (sc.counted) sums.counted(n, sc, scores);
      else scores.set(out.total.subarray(0, n));
      const elig = eligibility[k];
      elig?.run(n);
      const holds = elig?.out;
      const eligible = out.eligible[k]!;
      const bar = sc.bar;
      // As `scenarioResult`: no veto, nothing short of the bar, eligibility conditions hold.
      for (let i = 0; i < n; i++) eligible[i] = vetoedBy[i]! < 0 && !(bar - scores[i]! > 0) && (holds === undefined || holds[i] === 1) ? 1 : 0;
    });
    return out;
  };

  const fillScore = (col: BatchColumn['values'], fact: Program['scoreSlotsRead'][number]['fact'], n: number) => {
    switch (fact.kind) {
      case 'vetoed':
        for (let i = 0; i < n; i++) col[i] = out.vetoedBy[i]! >= 0;
        return;
      case 'total':
        for (let i = 0; i < n; i++) col[i] = out.total[i]! / 100;
        return;
      case 'group': {
        const g = out.groups[fact.group]!;
        for (let i = 0; i < n; i++) col[i] = g[i]! / 100;
        return;
      }
      case 'indicator': {
        const p = out.indicators[fact.indicator]!;
        for (let i = 0; i < n; i++) col[i] = p[i]! / 100;
        return;
      }
      case 'category': {
        const c = col as Float64Array;
        c.fill(0, 0, n);
        for (const index of fact.indicators) {
          const p = out.indicators[index]!;
          for (let i = 0; i < n; i++) c[i]! += p[i]!;
        }
        for (let i = 0; i < n; i++) c[i] = c[i]! / 100;
      }
    }
  };

  return {
    program,
    asOf,
    size,
    score,
    get tabulated() {
      return bound ? kernels.tabulated : 0;
    },
  };
}
