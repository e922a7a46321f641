import { fromHundredths, toHundredths } from '../points';
import type { Indicator } from '../rule-set/schema';
import type { IndicatorOutcome } from './indicator-points';
import type { GroupResult, ResolvedRuleSet } from './types';

/** Scores in hundredths, computed from every indicator's outcome. */
export interface Scores {
  total: number;
  vetoed: boolean;
  /** The first veto that holds, if any. */
  vetoedBy?: Indicator;
  groups: Map<string, { positive: number; deductions: number; score: number; cap: number }>;
  indicators: Map<string, number>;
  categories: Map<string, number>;
}

/** Group score = min(positive points, cap) − deductions; total = Σ group scores. */
export function sumScores(rs: ResolvedRuleSet, outcomes: readonly IndicatorOutcome[]): Pick<Scores, 'total' | 'groups'> {
  const shape = shapeOf(rs);
  const { positive, deductions, total } = groupSums(shape, outcomes, undefined);
  const groups = new Map<string, { positive: number; deductions: number; score: number; cap: number }>();
  shape.ids.forEach((id, g) => {
    groups.set(id, { positive: positive[g]!, deductions: deductions[g]!, score: Math.min(positive[g]!, shape.caps[g]!) - deductions[g]!, cap: shape.caps[g]! });
  });
  return { total, groups };
}

/**
 * The same total over a subset of indicators, named by id (a scenario's counted indicators), without the
 * groups: asked for every scenario of every evaluation.
 */
export function sumTotal(rs: ResolvedRuleSet, outcomes: readonly IndicatorOutcome[], counted: readonly string[]): number {
  return groupSums(shapeOf(rs), outcomes, countedMask(rs, counted)).total;
}

/** The one place where points become group scores and a total. */
function groupSums(shape: Shape, outcomes: readonly IndicatorOutcome[], mask: Uint8Array | undefined) {
  const positive = new Float64Array(shape.ids.length);
  const deductions = new Float64Array(shape.ids.length);
  for (let i = 0; i < shape.groupOf.length; i++) {
    const g = shape.groupOf[i]!;
    if (g < 0 || (mask && mask[i] === 0)) continue;
    const points = outcomes[i]?.points ?? 0;
    if (shape.deduction[i] === 1) deductions[g] = deductions[g]! + points;
    else positive[g] = positive[g]! + points;
  }
  let total = 0;
  for (let g = 0; g < shape.ids.length; g++) total += Math.min(positive[g]!, shape.caps[g]!) - deductions[g]!;
  return { positive, deductions, total };
}

/** A rule set's groups (first place of each id, the last cap given) and each indicator's group (−1: none). */
interface Shape {
  ids: string[];
  caps: Float64Array;
  groupOf: Int32Array;
  deduction: Uint8Array;
}

// Worked out once per resolved rule set (its objects never change once resolved), as is each counted mask.
const shapes = new WeakMap<ResolvedRuleSet, Shape>();
const masks = new WeakMap<readonly string[], WeakMap<ResolvedRuleSet, Uint8Array>>();

function shapeOf(rs: ResolvedRuleSet): Shape {
  let shape = shapes.get(rs);
  if (!shape) {
    const index = new Map<string, number>();
    const caps: number[] = [];
    for (const g of rs.groups) {
      if (!index.has(g.id)) index.set(g.id, index.size);
      caps[index.get(g.id)!] = toHundredths(g.cap);
    }
    shape = {
      ids: [...index.keys()],
      caps: Float64Array.from(caps),
      groupOf: Int32Array.from(rs.indicators, (ind) => index.get(ind.group) ?? -1),
      deduction: Uint8Array.from(rs.indicators, (ind) => (ind.kind === 'deduction' ? 1 : 0)),
    };
    shapes.set(rs, shape);
  }
  return shape;
}

function countedMask(rs: ResolvedRuleSet, counted: readonly string[]): Uint8Array {
  let byRuleSet = masks.get(counted);
  if (!byRuleSet) masks.set(counted, (byRuleSet = new WeakMap()));
  let mask = byRuleSet.get(rs);
  if (!mask) {
    const only = new Set(counted);
    mask = Uint8Array.from(rs.indicators, (ind) => (only.has(ind.id) ? 1 : 0));
    byRuleSet.set(rs, mask);
  }
  return mask;
}

/** Every score a scenario or a tie-breaker may read. */
export function computeScores(rs: ResolvedRuleSet, outcomes: readonly IndicatorOutcome[]): Scores {
  const { total, groups } = sumScores(rs, outcomes);
  const indicators = new Map<string, number>();
  const categories = new Map<string, number>();
  let vetoedBy: Indicator | undefined;
  rs.indicators.forEach((ind, i) => {
    const outcome = outcomes[i];
    const points = outcome?.points ?? 0;
    indicators.set(ind.id, points);
    if (ind.category !== undefined && ind.kind !== 'deduction') {
      categories.set(ind.category, (categories.get(ind.category) ?? 0) + points);
    }
    if (outcome?.vetoed && !vetoedBy) vetoedBy = ind;
  });
  return { total, vetoed: vetoedBy !== undefined, vetoedBy, groups, indicators, categories };
}

/** The computed facts scenario conditions may read, as plain numbers of points. */
export function scoreFacts(scores: Scores): Record<string, number | boolean> {
  const facts: Record<string, number | boolean> = Object.create(null);
  facts['score.total'] = fromHundredths(scores.total);
  facts.vetoed = scores.vetoed;
  for (const [id, g] of scores.groups) facts[`score.group.${id}`] = fromHundredths(g.score);
  for (const [id, p] of scores.indicators) facts[`score.indicator.${id}`] = fromHundredths(p);
  for (const [id, p] of scores.categories) facts[`score.category.${id}`] = fromHundredths(p);
  return facts;
}

export function groupResults(rs: ResolvedRuleSet, scores: Pick<Scores, 'groups'>): GroupResult[] {
  return rs.groups.map((g) => {
    const s = scores.groups.get(g.id);
    const positive = s?.positive ?? 0;
    const cap = s?.cap ?? 0;
    return {
      id: g.id,
      title: g.title,
      score: fromHundredths(s?.score ?? 0),
      cap: g.cap,
      positive: fromHundredths(positive),
      deductions: fromHundredths(s?.deductions ?? 0),
      capped: positive > cap,
    };
  });
}
