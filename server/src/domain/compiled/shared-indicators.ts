import { forEachLeaf } from '../rule-set/condition';
import type { Indicator, Scenario } from '../rule-set/schema';
import type { ResolvedRuleSet } from '../scoring/types';

/**
 * Which indicators of `after` score exactly as one of `before` on the same facts: the same definition,
 * reading facts defined alike (type, default, derivation). For each indicator of `after`, the index of its
 * twin in `before`, or −1. Vetoes are never paired (they also name the veto). A draft usually changes
 * a few indicators: scoring a population under both versions computes the others once.
 *
 * @example
 * sharedIndicators(published, draft); // Int32Array [0, 1, -1, 3, …]
 */
export function sharedIndicators(before: ResolvedRuleSet, after: ResolvedRuleSet): Int32Array {
  const index = new Map<string, number>();
  before.indicators.forEach((ind, j) => index.set(signature(before, ind), j));
  return Int32Array.from(after.indicators, (ind) => (ind.kind === 'veto' ? -1 : (index.get(signature(after, ind)) ?? -1)));
}

/**
 * The same for scenario eligibility: for each scenario of `after`, the index of a scenario of `before`
 * whose eligibility conditions read the same facts, defined alike, or −1. Conditions on computed scores
 * (`score.…`, `vetoed`) are never paired: the scores may differ.
 *
 * @example
 * sharedEligibility(published, draft); // Int32Array [0, -1, 2, …]
 */
export function sharedEligibility(before: ResolvedRuleSet, after: ResolvedRuleSet): Int32Array {
  const signatureOf = (rs: ResolvedRuleSet, sc: Scenario) => {
    if (!sc.eligibility) return undefined;
    const facts = new Set<string>();
    forEachLeaf(sc.eligibility, (leaf) => facts.add(leaf.fact));
    if ([...facts].some((f) => f === 'vetoed' || f.startsWith('score.'))) return undefined;
    return JSON.stringify([sc.eligibility, [...facts].sort().map((id) => factDefinition(rs, id, new Set()))]);
  };
  const index = new Map<string, number>();
  before.scenarios.forEach((sc, j) => {
    const key = signatureOf(before, sc);
    if (key !== undefined) index.set(key, j);
  });
  return Int32Array.from(after.scenarios, (sc) => {
    const key = signatureOf(after, sc);
    return key === undefined ? -1 : (index.get(key) ?? -1);
  });
}

function signature(rs: ResolvedRuleSet, ind: Indicator): string {
  const facts = new Set<string>();
  const visit = (c: Indicator['conditions']) => c && forEachLeaf(c, (leaf) => facts.add(leaf.fact));
  visit(ind.conditions);
  if (ind.kind === 'tiers') ind.tiers.forEach((t) => visit(t.conditions));
  if ('fact' in ind && ind.fact !== undefined) facts.add(ind.fact);
  return JSON.stringify([ind, [...facts].sort().map((id) => factDefinition(rs, id, new Set()))]);
}

/** How `rs` gives a fact a value: its input definition and any derivation of that id, through what they read. */
function factDefinition(rs: ResolvedRuleSet, id: string | undefined, reading: ReadonlySet<string>): unknown {
  if (id === undefined) return null;
  // A derived fact may overwrite the input it reads (same id): that input is already described here.
  if (reading.has(id)) return 'above';
  const inner = new Set([...reading, id]);
  const derived = rs.derived.filter((d) => d.id === id);
  return [
    rs.facts.get(id) ?? null,
    // Position too: a derived fact reading another sees it only when derived after it.
    derived.map((d) => [rs.derived.indexOf(d), d.derivation, factDefinition(rs, d.fact, inner), factDefinition(rs, d.until, inner)]),
  ];
}
