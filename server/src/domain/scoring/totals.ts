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

/**
 * Group score = min(positive points, cap) − deductions; total = Σ group scores. With `only`, the same sum
 * over a subset of indicators (a scenario's counted indicators).
 */
export function sumScores(
  rs: ResolvedRuleSet,
  outcomes: readonly IndicatorOutcome[],
  only?: ReadonlySet<string>,
): Pick<Scores, 'total' | 'groups'> {
  const groups = new Map<string, { positive: number; deductions: number; score: number; cap: number }>();
  for (const g of rs.groups) groups.set(g.id, { positive: 0, deductions: 0, score: 0, cap: toHundredths(g.cap) });
  rs.indicators.forEach((ind, i) => {
    if (only && !only.has(ind.id)) return;
    const group = groups.get(ind.group);
    const points = outcomes[i]?.points ?? 0;
    if (!group) return;
    if (ind.kind === 'deduction') group.deductions += points;
    else group.positive += points;
  });
  let total = 0;
  for (const g of groups.values()) {
    g.score = Math.min(g.positive, g.cap) - g.deductions;
    total += g.score;
  }
  return { total, groups };
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
