import { describe, expect, it } from 'vitest';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { smallRuleSet } from '../../../../test/support/data/small-rule-set';
import { rankApplicants, rankSubject } from '../ranking/rank';
import { evaluateReference } from '../scoring/reference-evaluator';
import { rankScenario } from './rank-population';

const ASOF = '2026-06-30';

describe('ranking a round with the compiled evaluator', () => {
  it('ranks a small round as worked out by hand', () => {
    const rs = smallRuleSet();
    const ranking = rankScenario(rs, 'grant', [
      { id: 'late', facts: { degree: 'hs', months: 30, registered: '2020-05-01' } }, // 21
      { id: 'early', facts: { degree: 'hs', months: 30, registered: '2019-05-01' } }, // 21, registered first
      { id: 'top', facts: { degree: 'ba', months: 40, volunteer: true } }, // 10 + 20 + 4 + 1 = 35
      { id: 'short', facts: { months: 10 } }, // 6, below the bar of 20
    ], ASOF);
    expect(ranking.ranked.map((r) => [r.id, r.position, r.score, r.admitted])).toEqual([
      ['top', 1, 35, true],
      ['early', 2, 21, true],
      ['late', 3, 21, false],
    ]);
    expect(ranking.ineligible).toEqual(['short']);
  });

  it('ranks exactly as json-rules-engine evaluations do, spouses included', async () => {
    const district = loadShippedRuleSets().get('district-sample@1')!;
    const people = thresholdResidents(1_000, 5, ASOF, district);
    const evaluations = new Map<(typeof people)[number]['facts'], Awaited<ReturnType<typeof evaluateReference>>>();
    for (const { facts } of people) evaluations.set(facts, await evaluateReference(district, facts, ASOF));
    // Every third applicant applies with a spouse (the next resident), for the child-related scenario.
    const applicants = people.filter((_, i) => i % 2 === 0).map((p, i) => ({ ...p, ...(i % 3 === 0 ? { spouse: people[2 * i + 1]!.facts } : {}) }));
    for (const scenario of district.scenarios.filter((s) => s.id === 'school-enrollment' || s.id === 'housing-support')) {
      const subject = (facts: (typeof people)[number]['facts']) => rankSubject(scenario, evaluations.get(facts)!, facts);
      const expected = rankApplicants(
        scenario,
        applicants.map((a) => ({ id: a.id, subject: subject(a.facts), ...(a.spouse ? { spouse: subject(a.spouse) } : {}) })),
      );
      const ranking = rankScenario(district, scenario.id, applicants, ASOF);
      expect(ranking.ranked.length, scenario.id).toBeGreaterThan(0);
      expect(ranking, scenario.id).toEqual(expected);
    }
  });

  it('refuses a scenario the rule set does not have', () => {
    expect(() => rankScenario(smallRuleSet(), 'nope', [], ASOF)).toThrow(/no scenario "nope"/);
  });
});
