import type { Indicator, Scenario } from '../rule-set/schema';
import type { ResolvedRuleSet } from '../scoring/types';
import { indicatorFacts, scenarioIndicators } from './scenario-facts';

/**
 * The most points an indicator can give (0 for deductions and vetoes): a fixed indicator's points, the
 * highest tier, a rate's cap, the highest point of its bands.
 *
 * @example
 * maxPoints(socialInsurance); // 30
 */
export function maxPoints(ind: Indicator): number {
  switch (ind.kind) {
    case 'fixed':
      return ind.points;
    case 'tiers':
      return Math.max(0, ...ind.tiers.map((t) => t.points));
    case 'rate':
      return ind.cap;
    case 'bands':
      return Math.max(
        0,
        ...ind.bands.map((b) => (b.step && b.step > 0 && b.min !== undefined && b.max !== undefined ? b.points + b.step * (b.max - b.min) : b.points)),
      );
    default:
      return 0;
  }
}

/**
 * The scenario's bar depends most on the facts that can give the most points. Ranks the input facts its
 * scoring indicators read by the points they can give (a fact read by several indicators counts each),
 * and answers those to ask first: the fewest top-ranked facts whose points together reach the bar. The
 * rest — rarer items such as patents or civic roles — are optional in a self-check.
 *
 * @example
 * factsToAskFirst(rs, scenario); // Set { 'socialInsuranceMonths', 'residenceMonths', 'birthDate', … }
 */
export function factsToAskFirst(rs: ResolvedRuleSet, scenario: Scenario): Set<string> {
  const inputOf = (fact: string): string[] => {
    const derived = rs.derived.find((d) => d.id === fact);
    return derived ? [derived.fact, ...(derived.until !== undefined ? [derived.until] : [])] : [fact];
  };
  const weight = new Map<string, number>();
  for (const ind of scenarioIndicators(rs, scenario)) {
    const points = maxPoints(ind);
    if (points <= 0) continue;
    for (const fact of indicatorFacts(ind)) for (const input of inputOf(fact)) weight.set(input, (weight.get(input) ?? 0) + points);
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  const first = new Set<string>();
  let sum = 0;
  for (const [fact, points] of ranked) {
    if (sum >= scenario.bar) break;
    first.add(fact);
    sum += points;
  }
  return first;
}
