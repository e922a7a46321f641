import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { JifenError } from '../errors';
import { maxPoints } from './max-points';
import { indicatorFacts, scenarioInfo } from './scenario-facts';

const rs = loadShippedRuleSets().get('district-sample@1')!;

describe('scenarioInfo', () => {
  it('asks the facts the scenario reads, with the eligibility facts required (a derived fact asks for its source)', () => {
    const info = scenarioInfo(rs, 'school-enrollment');
    const byId = new Map(info.facts.map((f) => [f.id, f]));
    // districtResidenceMonths ≥ 12 is derived from the registration date: the date is what a person can type.
    expect([...byId.values()].filter((f) => f.required).map((f) => f.id).sort()).toEqual(
      ['accompanyingChildren', 'residenceRegistrationDate', 'socialInsuranceMonths'].sort(),
    );
    expect(byId.has('districtResidenceMonths')).toBe(false);
    // Every indicator counts for this scenario, the provincial ones included.
    expect(byId.get('birthDate')).toMatchObject({ type: 'date', group: 'score', title: { zh: '出生日期', en: 'Date of birth' } });
    expect(byId.get('administrativePenalties')).toMatchObject({ group: 'deduction' });
    expect(byId.get('education')?.values?.find((v) => v.id === 'bachelor')?.title.zh).toBe('大学本科（学士）');
    expect(byId.get('socialInsuranceMonths')?.unit).toEqual({ zh: '月', en: 'month' });
    expect(info).toMatchObject({ ruleSet: { id: 'district-sample', version: 1 }, scenario: { id: 'school-enrollment', bar: 120, childRelated: true } });
  });

  it('leaves out the facts of indicators the scenario does not count', () => {
    const ids = scenarioInfo(rs, 'housing-support').facts.map((f) => f.id);
    expect(ids).toContain('housing');
    expect(ids).toContain('annualTaxYuan');
    expect(ids).not.toContain('inventionPatents');
    expect(ids).not.toContain('honours');
    // Vetoes disqualify from every scenario, so their facts are always asked.
    expect(ids).toContain('vetoGrounds');
  });

  it('follows computed scores in eligibility: a provincial-score condition asks for the provincial facts', () => {
    const ids = scenarioInfo(rs, 'social-assistance').facts.map((f) => f.id);
    for (const id of ['birthDate', 'education', 'vocational', 'socialInsuranceMonths', 'residenceMonths', 'residenceRegistrationDate']) {
      expect(ids).toContain(id);
    }
  });

  it('refuses an unknown scenario with not_found', () => {
    expect(() => scenarioInfo(rs, 'no-such')).toThrow(JifenError);
    try {
      scenarioInfo(rs, 'no-such');
    } catch (error) {
      expect(error).toMatchObject({ code: 'not_found', fields: [{ path: 'scenario' }] });
    }
  });
});

describe('what a self-check asks first', () => {
  it('asks the conditions and the facts the bar depends on most first, and folds rare items such as patents and civic roles', () => {
    const facts = scenarioInfo(rs, 'school-enrollment').facts;
    const ask = Object.fromEntries(facts.map((f) => [f.id, f.ask]));
    for (const f of facts.filter((q) => q.required)) expect(ask[f.id]).toBe('first');
    expect(ask).toMatchObject({ socialInsuranceMonths: 'first', residenceMonths: 'first', birthDate: 'first', inventionPatents: 'optional', civicRoles: 'optional', investmentYuan: 'optional' });
    expect(facts.filter((f) => f.ask === 'first').length).toBeLessThanOrEqual(10);
    // Together the facts asked first can reach the bar.
    const first = new Set(facts.filter((f) => f.ask === 'first').map((f) => f.id));
    const reachable = rs.indicators
      .filter((i) => [...indicatorFacts(i)].some((f) => first.has(f) || rs.derived.some((d) => d.id === f && first.has(d.fact))))
      .reduce((sum, i) => sum + maxPoints(i), 0);
    expect(reachable).toBeGreaterThanOrEqual(120);
  });
});
