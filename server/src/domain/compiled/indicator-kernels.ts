import { keepsLedger, ledgerBalanceFact } from '../ledger/balance-fact';
import { toHundredths } from '../points';
import type { ResolvedRuleSet } from '../scoring/types';
import { pointsKernel } from './points-kernel';
import { conditionKernel, type LeafSources } from './condition-kernels';
import type { BatchColumn } from './leaf-kernels';
import type { IndicatorTable } from './lookup-tables';

/** Every indicator of a rule set over a batch, and where its vetoes hold. */
export interface IndicatorKernels {
  /** Fills each indicator's points for the batch of rows `[start, start + n)`. */
  run(start: number, n: number): void;
  /** Veto indicators in rule-set order, with the rows where their conditions hold (after `run`). */
  readonly vetoes: readonly { index: number; holds: Uint8Array }[];
  /** How many indicators are scored by lookup. */
  readonly tabulated: number;
}

const NO_COLUMN: BatchColumn = { values: [], nanAbsent: false };

/**
 * Binds every indicator (but those `skip` names, whose points come from elsewhere) to a batch's columns
 * and points arrays: by lookup when `tableOf` tabulated it, else by running its gate, tiers and points
 * kernels.
 *
 * @example
 * const kernels = compilePointsKernels(rs, { column: columnOf }, () => undefined, points, 512);
 * kernels.run(0, n);
 */
export function compilePointsKernels(
  rs: ResolvedRuleSet,
  sources: LeafSources,
  tableOf: (index: number) => IndicatorTable | undefined,
  points: readonly Float64Array[],
  size: number,
  skip: (index: number) => boolean = () => false,
  balancesOf: (key: string) => BalanceReader | undefined = () => undefined,
): IndicatorKernels {
  const runs: ((start: number, n: number) => void)[] = [];
  const vetoes: { index: number; holds: Uint8Array }[] = [];
  let tabulated = 0;
  rs.indicators.forEach((ind, index) => {
    if (skip(index)) return;
    const pts = points[index]!;
    // Ledger balances (NaN where a resident has none) score as granted: never by lookup on the fact.
    const balances = keepsLedger(ind) ? balancesOf(ledgerBalanceFact(ind.id)) : undefined;
    const table = balances ? undefined : tableOf(index);
    if (table) {
      tabulated++;
      const holds = new Uint8Array(size);
      runs.push(lookupKernel(table, pts, ind.kind === 'veto' ? holds : undefined));
      if (ind.kind === 'veto') vetoes.push({ index, holds });
      return;
    }
    const gate = ind.conditions ? conditionKernel(ind.conditions, sources, size) : undefined;
    const tiers = ind.kind === 'tiers' ? ind.tiers.map((t) => conditionKernel(t.conditions, sources, size)) : [];
    const fact = 'fact' in ind && ind.fact !== undefined ? ind.fact : undefined;
    const body = pointsKernel(ind, gate, tiers, fact === undefined ? NO_COLUMN : sources.column(fact), pts);
    const granted = balances && ledgerKernel(balances, 'cap' in ind ? toHundredths(ind.cap) : 0, gate?.out, pts);
    runs.push((start, n) => {
      gate?.run(n, start);
      for (const tier of tiers) tier.run(n, start);
      body(n);
      granted?.(start, n);
    });
    if (ind.kind === 'veto' && gate) vetoes.push({ index, holds: gate.out });
  });
  return {
    run: (start, n) => {
      for (let k = 0; k < runs.length; k++) runs[k]!(start, n);
    },
    vetoes,
    tabulated,
  };
}

/** Reads a batch of ledger balances: rows `[start, start + n)`, NaN where a resident has none. */
export type BalanceReader = (start: number, n: number, into: Float64Array) => void;

/** `scoreIndicator`'s ledger case: where a balance is given, it counts up to the cap (behind the gate). */
function ledgerKernel(read: BalanceReader, cap: number, open: Uint8Array | undefined, pts: Float64Array): (start: number, n: number) => void {
  const balances = new Float64Array(pts.length);
  return (start, n) => {
    read(start, n, balances);
    for (let i = 0; i < n; i++) {
      const balance = balances[i]!;
      if (balance === balance) pts[i] = open && !open[i] ? 0 : Math.min(toHundredths(balance), cap);
    }
  };
}

/** Points (and veto) by the codes of the indicator's facts, straight from the table's dictionaries. */
function lookupKernel(table: IndicatorTable, pts: Float64Array, holds: Uint8Array | undefined): (start: number, n: number) => void {
  const { points, vetoed, strides } = table;
  const codes = table.dictionaries.map((d) => d.codes);
  const [a, b] = codes;
  if (codes.length === 0) {
    return (_start, n) => {
      pts.fill(points[0]!, 0, n);
      holds?.fill(vetoed[0]!, 0, n);
    };
  }
  const ca = new Int32Array(pts.length);
  if (codes.length === 1 && a) {
    return (start, n) => {
      a.read(start, n, ca);
      for (let i = 0; i < n; i++) pts[i] = points[ca[i]!]!;
      if (holds) for (let i = 0; i < n; i++) holds[i] = vetoed[ca[i]!]!;
    };
  }
  const cb = new Int32Array(pts.length);
  if (codes.length === 2 && a && b) {
    const sa = strides[0]!;
    return (start, n) => {
      a.read(start, n, ca);
      b.read(start, n, cb);
      for (let i = 0; i < n; i++) ca[i] = ca[i]! * sa + cb[i]!;
      for (let i = 0; i < n; i++) pts[i] = points[ca[i]!]!;
      if (holds) for (let i = 0; i < n; i++) holds[i] = vetoed[ca[i]!]!;
    };
  }
  return (start, n) => {
    ca.fill(0, 0, n);
    codes.forEach((c, k) => {
      const stride = strides[k]!;
      c.read(start, n, cb);
      for (let i = 0; i < n; i++) ca[i]! += cb[i]! * stride;
    });
    for (let i = 0; i < n; i++) pts[i] = points[ca[i]!]!;
    if (holds) for (let i = 0; i < n; i++) holds[i] = vetoed[ca[i]!]!;
  };
}
