import type { Indicator, IndicatorKind, RuleSet, Scenario, Text } from '../../../server/src/domain/rule-set/schema';
import { newTopLevel } from './condition';
import { numericFacts, type Catalogue } from './facts';

/** New parts of a rule set, filled so that they are valid at once and the user only adjusts them. */

export const INDICATOR_KINDS: readonly IndicatorKind[] = ['fixed', 'tiers', 'rate', 'bands', 'deduction', 'veto'];

/** An id not yet used, from a base: `volunteer`, `volunteer2`, … */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[^a-z]+/, '') || 'item';
  if (!used.has(clean)) return clean;
  let n = 2;
  while (used.has(`${clean}${n}`)) n++;
  return `${clean}${n}`;
}

export interface NewIndicator {
  kind: IndicatorKind;
  id: string;
  title: Text;
  group: string;
}

/**
 * @example
 * newIndicator({ kind: 'rate', id: 'volunteerHours', title: { zh: '志愿服务', en: 'Volunteering' }, group: 'district' }, doc, catalogue);
 */
export function newIndicator(spec: NewIndicator, doc: RuleSet, catalogue: Catalogue): Indicator {
  const reference = { document: doc.reference?.document ?? '' };
  const base = { id: spec.id, title: spec.title, group: spec.group, reference };
  const conditions = newTopLevel(catalogue.facts);
  const numeric = numericFacts(catalogue)[0]?.id ?? '';
  switch (spec.kind) {
    case 'fixed':
      return { ...base, kind: 'fixed', points: 1, conditions };
    case 'tiers':
      return { ...base, kind: 'tiers', tiers: [{ id: 'tier1', title: { zh: '档次1', en: 'Tier 1' }, points: 1, conditions }] };
    case 'rate':
      return { ...base, kind: 'rate', fact: numeric, per: 1, points: 1, cap: 10 };
    case 'bands':
      return { ...base, kind: 'bands', fact: numeric, bands: [{ max: 10, points: 1 }, { min: 11, points: 0 }] };
    case 'deduction':
      return { ...base, kind: 'deduction', points: 1, cap: 10, conditions };
    case 'veto':
      return { ...base, kind: 'veto', conditions };
  }
}

/** A scenario that counts every indicator, with a bar of 0 until the user sets one. */
export function newScenario(id: string, title: Text, doc: RuleSet): Scenario {
  return {
    id,
    title,
    department: doc.owner ?? '',
    reference: { document: doc.reference?.document ?? '' },
    bar: 0,
    places: 0,
    childRelated: false,
    tieBreakers: [],
  };
}
