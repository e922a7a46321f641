import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../server/src/domain/rule-set/schema';
import { parseRuleSet, validateRuleSet } from '../../../server/src/domain/rule-set/validate';
import { defaultValue, operatorsFor } from './condition';
import { applyEdit } from './edit';
import { buildCatalogue, factsFor } from './facts';
import { INDICATOR_KINDS, newIndicator, newScenario } from './templates';

// What the editor creates must pass the server's own validation, so a user never starts from an error.
const load = (id: string) => JSON.parse(readFileSync(new URL(`../../../rule-sets/${id}/1.json`, import.meta.url), 'utf8')) as RuleSet;
// Included rule sets come from storage already parsed (defaults filled in).
const provincial = parseRuleSet(load('provincial-common'));
const district = load('district-sample');
const catalogue = buildCatalogue(district, [provincial]);
const errorsOf = (doc: RuleSet) => {
  const result = validateRuleSet(doc, [provincial]);
  return result.ok ? [] : result.errors;
};

describe('what the editor creates is valid as it stands', () => {
  it('starts from a valid document', () => {
    expect(errorsOf(district)).toEqual([]);
  });

  it.each(INDICATOR_KINDS)('a new %s indicator', (kind) => {
    const indicator = newIndicator({ kind, id: `new-${kind}`, title: { zh: '新指标', en: 'New' }, group: 'district' }, district, catalogue);
    const doc = applyEdit(district, { op: 'insert', path: ['indicators', district.indicators.length], value: indicator });
    expect(errorsOf(doc)).toEqual([]);
  });

  it('a new scenario', () => {
    const doc = applyEdit(district, { op: 'insert', path: ['scenarios', 0], value: newScenario('new-scenario', { zh: '新场景', en: 'New' }, district) });
    expect(errorsOf(doc)).toEqual([]);
  });

  it('a condition on any fact with any operator offered for it, in an indicator and in scenario eligibility', () => {
    for (const computed of [false, true]) {
      const leaves = factsFor(catalogue, computed).flatMap((fact) =>
        operatorsFor(fact).map((operator) => ({ fact: fact.id, operator, value: defaultValue(fact, operator) })),
      );
      expect(leaves.length).toBeGreaterThan(50);
      const path = computed ? ['scenarios', 0, 'eligibility'] : ['indicators', 0, 'conditions'];
      // Nested in groups of at most 100, as the schema allows.
      const groups = [];
      for (let i = 0; i < leaves.length; i += 100) groups.push({ any: leaves.slice(i, i + 100) });
      const doc = applyEdit(district, { op: 'set', path, value: { any: groups } });
      expect(errorsOf(doc)).toEqual([]);
    }
  });
});
