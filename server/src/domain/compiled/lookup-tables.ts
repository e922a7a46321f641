import { forEachLeaf } from '../rule-set/condition';
import type { Indicator } from '../rule-set/schema';
import type { PreparedFacts } from '../scoring/facts';
import { scoreIndicator, type ConditionLookup } from '../scoring/indicator-points';
import type { Dictionary } from './facts/fact-table';
import { ABSENT } from './layout';
import type { Program } from './program';

/** A slot whose batch values are codes into a dictionary of the table's distinct values. */
export interface CodedSlot {
  readonly dictionary: Dictionary;
  /** The value conditions see for a code (a missing fact's code gives the fact's default). */
  valueOf(code: number): unknown;
}

/**
 * An indicator scored by lookup: its points (and whether its veto holds) for every combination of the
 * distinct values of the facts it reads. Row r's entry is at `Σ codes_k[r] · strides[k]`.
 */
export interface IndicatorTable {
  readonly dictionaries: readonly Dictionary[];
  readonly strides: Int32Array;
  readonly points: Float64Array;
  readonly vetoed: Uint8Array;
}

/** The most entries one indicator's table may have. */
const TABLE_LIMIT = 4096;

/**
 * Tabulates an indicator when every fact it reads has few distinct values in the population: each entry
 * is computed by `scoreIndicator` (the arithmetic every evaluator shares) with the compiled conditions,
 * so a lookup gives exactly what scoring that resident would. Undefined when it would not pay: too
 * many combinations, or fewer than `64 ×` as many residents (an entry costs about what a resident's
 * kernels cost a hundred times over: a batch of 10,000 would spend more building tables than scoring).
 *
 * @example
 * const table = tabulateIndicator(program, ind, (slot) => coded.get(slot), population.length);
 */
export function tabulateIndicator(
  program: Program,
  ind: Indicator,
  codedSlot: (slot: number) => CodedSlot | undefined,
  residents: number,
): IndicatorTable | undefined {
  const slotOf = program.layout.indicatorSlot;
  const slots = new Set<number>();
  const visit = (c: Indicator['conditions']) => c && forEachLeaf(c, (leaf) => slots.add(slotOf(leaf.fact)));
  visit(ind.conditions);
  if (ind.kind === 'tiers') ind.tiers.forEach((t) => visit(t.conditions));
  const fact = 'fact' in ind ? ind.fact : undefined;
  if (fact !== undefined) slots.add(slotOf(fact));
  slots.delete(ABSENT);

  const coded: { slot: number; coded: CodedSlot }[] = [];
  let size = 1;
  for (const slot of slots) {
    const c = codedSlot(slot);
    if (!c) return undefined;
    coded.push({ slot, coded: c });
    size *= c.dictionary.values.length;
    if (size > TABLE_LIMIT || size * 64 > residents) return undefined;
  }

  const strides = new Int32Array(coded.length);
  for (let k = coded.length - 1, stride = 1; k >= 0; k--) {
    strides[k] = stride;
    stride *= coded[k]!.coded.dictionary.values.length;
  }
  const s: unknown[] = new Array<unknown>(program.layout.size).fill(undefined);
  const prepared: PreparedFacts = Object.create(null);
  const check: ConditionLookup = (key) => ({ passed: program.indicatorConditions.get(key)?.test(s) ?? false, failed: [] });
  const points = new Float64Array(size);
  const vetoed = new Uint8Array(size);
  for (let entry = 0; entry < size; entry++) {
    coded.forEach(({ slot, coded: c }, k) => (s[slot] = c.valueOf(Math.floor(entry / strides[k]!) % c.dictionary.values.length)));
    if (fact !== undefined) prepared[fact] = s[slotOf(fact)] as PreparedFacts[string];
    const outcome = scoreIndicator(ind, prepared, check);
    points[entry] = outcome.points;
    vetoed[entry] = outcome.vetoed ? 1 : 0;
  }
  return { dictionaries: coded.map((c) => c.coded.dictionary), strides, points, vetoed };
}
