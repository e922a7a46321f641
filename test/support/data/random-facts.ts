import { forEachLeaf, type Condition } from '../../../server/src/domain/rule-set/condition';
import type { FactDefinition } from '../../../server/src/domain/rule-set/schema';
import type { FactValue, Facts, ResolvedRuleSet } from '../../../server/src/domain/scoring/types';
import { seededRandom } from '../../../server/src/domain/seeded-random';

/**
 * Valid facts for any rule set, drawn from its own fact definitions: numbers near every threshold its
 * conditions, bands and rates use (both sides of each boundary), dates around `asOf` and its
 * anniversaries, every enum value, and each fact absent now and then.
 *
 * @example
 * const next = residentFactory(rs, 42, '2026-06-30');
 * const facts = next(); // { birthDate: '1985-06-30', socialInsuranceMonths: 59, … }
 */
export function residentFactory(rs: ResolvedRuleSet, seed: number, asOf: string): () => Facts {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const thresholds = numericThresholds(rs);
  const asOfYear = Number(asOf.slice(0, 4));
  const draw = (def: FactDefinition): FactValue => {
    switch (def.type) {
      case 'integer':
      case 'number': {
        const lo = def.min ?? 0;
        const hi = def.max ?? Math.max(lo + 10, ...(thresholds.get(def.id) ?? [240]).map((t) => t * 1.5));
        let n: number;
        const near = thresholds.get(def.id);
        if (near && random() < 0.5) n = pick(near) + pick([-1, 0, 0, 1]);
        else if (random() < 0.3) n = lo;
        else n = lo + random() * (hi - lo);
        n = def.type === 'integer' ? Math.round(n) : Math.round(n * 100) / 100;
        return Math.min(Math.max(n, lo), def.max ?? Number.MAX_SAFE_INTEGER);
      }
      case 'date': {
        // Anniversaries of asOf (birthdays on the day, the day after) and arbitrary days.
        const year = asOfYear - Math.floor(random() * 70);
        if (random() < 0.3) return `${year}${asOf.slice(4, 8)}${pick([asOf.slice(8), '01', '28', '29'])}`.replace(/-02-29$/, '-02-28');
        const month = 1 + Math.floor(random() * 12);
        const day = 1 + Math.floor(random() * 28);
        return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      }
      case 'boolean':
        return random() < 0.3;
      case 'string':
        return pick(['a', 'b', 'c']);
      case 'enum':
        return def.values ? pick(def.values).id : 'x';
      case 'enum-list': {
        const values = (def.values ?? []).map((v) => v.id);
        return values.filter(() => random() < 0.25);
      }
    }
  };
  const defs = [...rs.facts.values()];
  return () => {
    const facts: Record<string, FactValue> = {};
    for (const def of defs) if (random() < 0.88) facts[def.id] = draw(def);
    return facts;
  };
}

/** Every number a rule set compares a fact with, and band edges and rate steps, by fact id. */
function numericThresholds(rs: ResolvedRuleSet): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (fact: string, n: unknown) => {
    if (typeof n !== 'number') return;
    const list = out.get(fact) ?? [];
    list.push(n);
    out.set(fact, list);
  };
  const source = (fact: string) => rs.derived.find((d) => d.id === fact)?.fact ?? fact;
  const visit = (c: Condition | undefined) =>
    c && forEachLeaf(c, (leaf) => [leaf.value].flat().forEach((v) => add(source(leaf.fact), v)));
  for (const ind of rs.indicators) {
    visit(ind.conditions);
    if (ind.kind === 'tiers') ind.tiers.forEach((t) => visit(t.conditions));
    if (ind.kind === 'bands') ind.bands.forEach((b) => (add(ind.fact, b.min), add(ind.fact, b.max)));
    if (ind.kind === 'rate') add(ind.fact, (ind.cap / ind.points) * ind.per);
  }
  for (const s of rs.scenarios) visit(s.eligibility);
  return out;
}
