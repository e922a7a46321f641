import type { ResolvedRuleSet } from '../scoring/types';
import { bindColumns } from './facts/bind-columns';
import { conditionKernel, type BatchCondition } from './condition-kernels';
import { packDate } from './facts/derive-fast';
import type { FactTable } from './facts/fact-table';
import { groupSums } from './group-sums';
import { compilePointsKernels } from './indicator-kernels';
import type { BatchColumn } from './leaf-kernels';
import { tabulateIndicator } from './lookup-tables';
import { compileRuleSet, type Program } from './program';
import { sharedEligibility, sharedIndicators } from './shared-indicators';

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
  /**
   * The rows the last `score` call scored, with its (since overwritten) scores and where each scenario's
   * eligibility conditions held (undefined for a scenario without conditions).
   */
  readonly last: { table: FactTable; start: number; n: number; scores: BatchScores; conditions: readonly (Uint8Array | undefined)[] } | undefined;
}

export interface BatchScorerOptions {
  /** Residents per batch (512 by default). */
  size?: number;
  /**
   * Another scorer (the published version, when this one scores a draft) that scores the same rows of
   * the same table, at the same date, just before this one: indicators both score alike are copied
   * from its batch instead of computed again. Any other call is scored in full.
   */
  alongside?: BatchScorer;
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
export function createBatchScorer(rs: ResolvedRuleSet, asOf: string, options: BatchScorerOptions = {}): BatchScorer {
  const size = options.size ?? 512;
  const alongside = options.alongside?.asOf === asOf && options.alongside.size === size ? options.alongside : undefined;
  const twins = alongside ? sharedIndicators(alongside.program.rs, rs) : undefined;
  const twinConditions = alongside ? sharedEligibility(alongside.program.rs, rs) : undefined;
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
  // Kernels read the columns of one table; binding to another table rebuilds them (a few ms). With a
  // scorer alongside, a second set leaves out the twins, whose points are copied.
  type Kernels = { fill: (start: number, n: number) => void; kernels: ReturnType<typeof compilePointsKernels> };
  let bound: { table: FactTable; columns: readonly BatchColumn[]; every: () => Kernels; own: () => Kernels } | undefined;
  let eligibility: (BatchCondition | undefined)[];
  let kernels: ReturnType<typeof compilePointsKernels> | undefined;
  const bind = (table: FactTable) => {
    const { columns, filler, coded } = bindColumns(layout, table, asOf, packedAsOf, size);
    const tableOf = (index: number) => tabulateIndicator(program, rs.indicators[index]!, coded, table.length);
    // Ledger balances travel with the facts under their own keys (see ledger/balance-fact.ts).
    const balancesOf = (key: string) => {
      const col = table.column(key);
      return col.numeric ? (start: number, n: number, into: Float64Array) => col.readNumbers(start, n, into) : undefined;
    };
    // Eligibility reads its slots whichever kernels run; kernels say which slots they read, and only
    // those are filled for each batch.
    const eligibilityReads = new Set<number>();
    eligibility = rs.scenarios.map((sc) => {
      if (!sc.eligibility) return undefined;
      return conditionKernel(
        sc.eligibility,
        {
          column: (fact) => (eligibilityReads.add(layout.scenarioSlot(fact)), columns[layout.scenarioSlot(fact)]!),
          coded: (fact) => coded(layout.scenarioSlot(fact)),
        },
        size,
      );
    });
    const compile = (skip?: (index: number) => boolean): Kernels => {
      const read = new Set(eligibilityReads);
      const sources = {
        column: (fact: string) => (read.add(layout.indicatorSlot(fact)), columns[layout.indicatorSlot(fact)]!),
        coded: (fact: string) => coded(layout.indicatorSlot(fact)),
      };
      const compiled = compilePointsKernels(rs, sources, tableOf, out.indicators, size, skip, balancesOf);
      return { fill: filler(read), kernels: compiled };
    };
    let every: Kernels | undefined;
    let own: Kernels | undefined;
    conditions = eligibility.map((e) => e?.out);
    bound = {
      table,
      columns,
      every: () => (every ??= compile()),
      own: () => (own ??= compile((index) => twins![index]! >= 0)),
    };
    return bound;
  };
  const sums = groupSums(program, out.indicators, size);
  let last: BatchScorer['last'];
  let conditions: (Uint8Array | undefined)[] = [];

  const score = (table: FactTable, start: number, n: number): BatchScores => {
    if (n > size || n < 0 || start < 0 || start + n > table.length) throw new RangeError(`Scorer: rows ${start}…${start + n} out of range`);
    const binding = bound?.table === table ? bound : bind(table);
    const { columns } = binding;
    const before = alongside?.last;
    const copying = twins && before && before.table === table && before.start === start && before.n === n;
    const { fill, kernels: run } = copying ? binding.own() : binding.every();
    kernels = run;
    out.n = n;
    fill(start, n);
    run.run(start, n);
    if (copying) {
      for (let i = 0; i < twins.length; i++) {
        const j = twins[i]!;
        if (j >= 0) out.indicators[i]!.set(before.scores.indicators[j]!.subarray(0, n));
      }
    }
    const vetoedBy = out.vetoedBy;
    vetoedBy.fill(-1, 0, n);
    // Last to first, so the first veto that holds is the one named.
    for (let v = run.vetoes.length - 1; v >= 0; v--) {
      const { index, holds } = run.vetoes[v]!;
      for (let i = 0; i < n; i++) if (holds[i]) vetoedBy[i] = index;
    }
    sums.all(n, out.total, out.groups);
    for (const { slot, fact } of scoreSlotsRead) fillScore(columns[slot]!.values, fact, n);
    for (let k = 0; k < scenarios.length; k++) {
      const sc = scenarios[k]!;
      const scores = out.scenarioScores[k]!;
      if (sc.counted) sums.counted(n, sc, scores);
      else scores.set(out.total.subarray(0, n));
      const elig = eligibility[k];
      const eligible = out.eligible[k]!;
      const bar = sc.bar;
      // As `scenarioResult`: no veto, nothing short of the bar, eligibility conditions hold.
      if (elig) {
        const twin = copying ? twinConditions![k]! : -1;
        const holds = twin >= 0 ? before!.conditions[twin]! : elig.out;
        if (twin < 0) elig.run(n, start);
        for (let i = 0; i < n; i++) eligible[i] = vetoedBy[i]! < 0 && !(bar - scores[i]! > 0) && holds[i] === 1 ? 1 : 0;
      } else {
        for (let i = 0; i < n; i++) eligible[i] = vetoedBy[i]! < 0 && !(bar - scores[i]! > 0) ? 1 : 0;
      }
    }
    last = { table, start, n, scores: out, conditions };
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
      return kernels?.tabulated ?? 0;
    },
    get last() {
      return last;
    },
  };
}
