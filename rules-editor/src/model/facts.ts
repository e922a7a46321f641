import type { Operator } from '../../../server/src/domain/rule-set/condition';
import { impliedBound } from '../../../server/src/domain/rule-set/implied-bound';
import type { FactBound, FactType, IndicatorKind, RuleSet, Text } from '../../../server/src/domain/rule-set/schema';

/**
 * What the forms may refer to, gathered from a draft and the rule sets it includes: facts (input, derived
 * and, for scenario eligibility, computed scores), groups, indicators and categories.
 */

export interface FactOption {
  id: string;
  type: FactType;
  title: Text;
  origin: 'input' | 'derived' | 'computed';
  values?: { id: string; title: Text }[];
  unit?: Text;
  /** Impossible or disallowed values of an input fact, each with its reason and reference. */
  bounds?: FactBound[];
  /** The rule set that defines it, when it is not the draft itself. */
  from?: string;
}

export interface IndicatorOption {
  id: string;
  title: Text;
  group: string;
  kind: IndicatorKind;
  category?: string;
  from?: string;
}

export interface Catalogue {
  /** Input and derived facts: what any condition may read. */
  facts: FactOption[];
  /** Computed scores and the veto flag: what only scenario eligibility may also read. */
  computed: FactOption[];
  groups: { id: string; title: Text; from?: string }[];
  indicators: IndicatorOption[];
  categories: string[];
}

export { LIST_OPERATORS, OPERATORS_BY_TYPE } from '../../../server/src/domain/rule-set/operators-by-type';

export const isNumeric = (type: FactType) => type === 'integer' || type === 'number';

/**
 * Builds the catalogue of a document; `included` are the documents it includes (each already fetched).
 *
 * @example
 * const catalogue = buildCatalogue(draft.document, [provincialV1]);
 * catalogue.facts.map((f) => f.id); // ['birthDate', 'education', …, 'age', …]
 */
export function buildCatalogue(doc: RuleSet, included: readonly RuleSet[]): Catalogue {
  const catalogue: Catalogue = { facts: [], computed: [], groups: [], indicators: [], categories: [] };
  const seen = new Set<string>();
  const categories = new Set<string>();
  for (const part of [...included, doc]) {
    const from = part === doc ? undefined : part.id;
    for (const f of part.facts ?? []) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      catalogue.facts.push({ id: f.id, type: f.type, title: f.title, origin: 'input', values: f.values, unit: f.unit, from, ...(f.bounds ? { bounds: f.bounds } : {}) });
    }
    for (const d of part.derived ?? []) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      catalogue.facts.push({ id: d.id, type: 'integer', title: d.title, origin: 'derived', unit: d.unit, from });
    }
    for (const g of part.groups ?? []) catalogue.groups.push({ id: g.id, title: g.title, from });
    for (const i of part.indicators ?? []) {
      catalogue.indicators.push({ id: i.id, title: i.title, group: i.group, kind: i.kind, category: i.category, from });
      if (i.category) categories.add(i.category);
    }
  }
  catalogue.categories = [...categories];
  catalogue.computed = computedFacts(catalogue);
  impliedBounds(catalogue, [...included, doc]);
  return catalogue;
}

/**
 * The bound the server implies for a date a derived fact counts from `asOf` (age, months since): not after
 * `asOf`, shown like a written one (see the server's fact-bounds.ts).
 */
function impliedBounds(catalogue: Catalogue, parts: readonly RuleSet[]): void {
  for (const part of parts) {
    for (const d of part.derived ?? []) {
      const bound = impliedBound(d);
      const fact = catalogue.facts.find((f) => f.id === d.fact && f.origin === 'input');
      if (!bound || !fact || fact.bounds?.some((b) => b.kind === 'notAfterAsOf')) continue;
      fact.bounds = [...(fact.bounds ?? []), bound];
    }
  }
}

function computedFacts(c: Catalogue): FactOption[] {
  const score = (id: string, title: Text): FactOption => ({ id, type: 'number', title, origin: 'computed' });
  return [
    score('score.total', { zh: '总积分', en: 'Total score' }),
    { id: 'vetoed', type: 'boolean', title: { zh: '被一票否决', en: 'Vetoed' }, origin: 'computed' },
    ...c.groups.map((g) => score(`score.group.${g.id}`, { zh: `${g.title.zh}得分`, en: `${g.title.en} score` })),
    ...c.categories.map((id) => score(`score.category.${id}`, { zh: `类别 ${id} 得分`, en: `Category ${id} score` })),
    ...c.indicators
      .filter((i) => i.kind !== 'veto')
      .map((i) => score(`score.indicator.${i.id}`, { zh: `指标「${i.title.zh}」得分`, en: `${i.title.en} points` })),
  ];
}

/** The facts a condition may read: with computed scores only for scenario eligibility. */
export function factsFor(catalogue: Catalogue, computed: boolean): FactOption[] {
  return computed ? [...catalogue.facts, ...catalogue.computed] : catalogue.facts;
}

/** Facts whose value is a number (what rates, bands and deductions count). */
export function numericFacts(catalogue: Catalogue): FactOption[] {
  return catalogue.facts.filter((f) => isNumeric(f.type));
}
