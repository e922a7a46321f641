import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluate } from '../scoring/evaluate';
import { runCases } from './run-cases';
import type { TestCase } from './schema';

const provincial = loadShippedRuleSets().get('provincial-common@1')!;
const district = loadShippedRuleSets().get('district-sample@1')!;

const resident: TestCase = {
  id: 'check',
  title: 'a resident',
  asOf: '2025-07-01',
  facts: { birthDate: '1984-07-01', socialInsuranceMonths: 59 },
  expect: {},
};

describe('runCases', () => {
  it('passes a case whose every expectation holds', async () => {
    const [result] = await runCases(provincial, evaluate, [
      { ...resident, expect: { total: 48.5, vetoed: false, groups: { provincial: 48.5 }, indicators: { age: 19, socialInsurance: 29.5 } } },
    ]);
    expect(result).toEqual({ id: 'check', title: 'a resident', passed: true, differences: [] });
  });

  it('lists every expectation that does not hold, with what was expected and what came out', async () => {
    const [result] = await runCases(provincial, evaluate, [
      { ...resident, expect: { total: 49, vetoed: true, groups: { provincial: 48.5 }, indicators: { age: 20, socialInsurance: 29.5, residence: 1 } } },
    ]);
    expect(result?.passed).toBe(false);
    expect(result?.differences).toEqual([
      { path: 'total', expected: 49, actual: 48.5 },
      { path: 'vetoed', expected: true, actual: false },
      { path: 'indicators.age', expected: 20, actual: 19 },
      { path: 'indicators.residence', expected: 1, actual: 0 },
    ]);
  });

  it('compares scenario eligibility and reports a scenario the rule set lacks as undefined', async () => {
    const [result] = await runCases(district, evaluate, [
      { ...resident, expect: { scenarios: { 'skills-training': false, 'school-enrollment': false, nowhere: true } } },
    ]);
    // 41 full years → 19, 59 months → 29.5: 48.5 ≥ 40 and under 60, so skills training is open.
    expect(result?.differences).toEqual([
      { path: 'scenarios.skills-training', expected: false, actual: true },
      { path: 'scenarios.nowhere', expected: true, actual: undefined },
    ]);
  });

  it('fails a case whose facts the rule set rejects, naming the field, without throwing', async () => {
    const [result] = await runCases(provincial, evaluate, [{ ...resident, facts: { socialInsuranceMonths: -3, shoeSize: 42 } }]);
    expect(result?.passed).toBe(false);
    expect(result?.error).toMatch(/socialInsuranceMonths: must be ≥ 0/);
    expect(result?.error).toMatch(/shoeSize: unknown fact/);
  });

  it("runs the rule set's own cases by default", async () => {
    const results = await runCases(provincial, evaluate);
    expect(results.map((r) => r.id)).toEqual(provincial.root.cases.map((c) => c.id));
    expect(results.every((r) => r.passed)).toBe(true);
  });
});
