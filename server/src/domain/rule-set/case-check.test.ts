import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { caseOutcome, caseOutcomeChanges } from '../diff/case-outcomes';
import { parseFacts } from '../scoring/facts';
import { evaluate } from '../scoring/evaluate';
import type { ResolvedRuleSet } from '../scoring/types';
import { caseAssertions, checkCase, expectationFor } from './case-check';
import { resolveRuleSet } from './resolve';
import { runCases } from './run-cases';
import type { CaseScope, RuleSet, TestCase } from './schema';
import { validateRuleSet } from './validate';

const shipped = loadShippedRuleSets();
const v1 = shipped.get('district-sample@1')!;
const provincial = shipped.get('provincial-common@1')!.root;
const typical = v1.root.cases.find((c) => c.id === 'typical-at-school-bar')!;

/** The draft with one change, resolved as a save would resolve it. */
function changed(edit: (doc: RuleSet) => void): ResolvedRuleSet {
  const doc = structuredClone(v1.root);
  edit(doc);
  return resolveRuleSet(doc, [provincial]);
}

/** Cases about one thing each, their expectations read off the typical resident's result under version 1. */
async function scopedCases(): Promise<TestCase[]> {
  const evaluation = await evaluate(v1, parseFacts(v1, typical.facts), typical.asOf);
  const scopes: [string, CaseScope][] = [
    ['about-total', { about: 'total' }],
    ['about-volunteering', { about: 'indicator', indicator: 'volunteerService' }],
    ['about-tax', { about: 'indicator', indicator: 'tax' }],
    ['about-district', { about: 'group', group: 'district' }],
    ['about-schooling', { about: 'eligibility', scenarios: ['school-enrollment', 'housing-support'] }],
  ];
  return scopes.map(([id, scope]) => ({ id, title: id, asOf: typical.asOf, facts: typical.facts, scope, expect: expectationFor(scope, evaluation) }));
}

const verdicts = async (rs: ResolvedRuleSet, cases: TestCase[]) => Object.fromEntries((await runCases(rs, evaluate, cases)).map((r) => [r.id, r.passed]));

describe('what a case asserts', () => {
  it('an old case without a scope asserts every expectation it gives, as before', () => {
    for (const c of v1.root.cases) {
      const given = [
        ...(['total', 'vetoed'] as const).filter((k) => c.expect[k] !== undefined),
        ...(['groups', 'indicators', 'scenarios'] as const).flatMap((k) => Object.keys(c.expect[k] ?? {}).map((id) => `${k}.${id}`)),
      ];
      expect(caseAssertions(c).map((a) => (a.id ? `${a.section}.${a.id}` : a.section))).toEqual(given);
    }
  });

  it('an old case still fails on any expectation it gives, whatever part of the result it is', async () => {
    const taxDoubled = changed((doc) => {
      const tax = doc.indicators.find((i) => i.id === 'tax')!;
      if (tax.kind === 'rate') tax.points = 2;
    });
    const [result] = await runCases(taxDoubled, evaluate, [typical]);
    expect(result?.differences.map((d) => d.path)).toEqual(['total', 'groups.district', 'indicators.tax']);
  });

  it('scoped cases read off a sample pass, validate, and hold nothing beyond their scope', async () => {
    const cases = await scopedCases();
    expect(cases.map((c) => c.expect)).toEqual([
      { total: 120 },
      { indicators: { volunteerService: 4 } },
      { indicators: { tax: 3 } },
      { groups: { district: 55 } },
      { scenarios: { 'school-enrollment': true, 'housing-support': true } },
    ]);
    expect(Object.values(await verdicts(v1, cases)).every(Boolean)).toBe(true);
    const doc = { ...structuredClone(v1.root), cases };
    expect(validateRuleSet(doc, [provincial]).ok).toBe(true);
  });

  it('a weight change breaks only the cases about what it changes', async () => {
    const taxDoubled = changed((doc) => {
      const tax = doc.indicators.find((i) => i.id === 'tax')!;
      if (tax.kind === 'rate') tax.points = 2;
    });
    expect(await verdicts(taxDoubled, await scopedCases())).toEqual({
      'about-total': false,
      'about-volunteering': true,
      'about-tax': false,
      'about-district': false,
      'about-schooling': true,
    });
  });

  it('a case about eligibility fails when the bar moves past the resident, and says which scenario', async () => {
    const higherBar = changed((doc) => {
      doc.scenarios.find((s) => s.id === 'school-enrollment')!.bar = 125;
    });
    const results = await runCases(higherBar, evaluate, await scopedCases());
    const schooling = results.find((r) => r.id === 'about-schooling')!;
    expect(schooling.differences).toEqual([{ path: 'scenarios.school-enrollment', expected: true, actual: false }]);
    expect(results.filter((r) => !r.passed).map((r) => r.id)).toEqual(['about-schooling']);
  });

  it('a case about eligibility may also say how far short of the bar the resident is, and then fails when that moves', async () => {
    const below = v1.root.cases.find((c) => c.id === 'typical-below-school-bar')!;
    const evaluation = await evaluate(v1, parseFacts(v1, below.facts), below.asOf);
    const scope: CaseScope = { about: 'eligibility', scenarios: ['school-enrollment'] };
    const plain: TestCase = { ...below, id: 'plain', scope, expect: expectationFor(scope, evaluation) };
    const short: TestCase = { ...below, id: 'short', scope, expect: expectationFor(scope, evaluation, { shortBy: true }) };
    expect(short.expect).toEqual({ scenarios: { 'school-enrollment': false }, shortBy: { 'school-enrollment': 1 } });
    expect(caseAssertions(short).map((a) => `${a.section}.${a.id}`)).toEqual(['scenarios.school-enrollment', 'shortBy.school-enrollment']);
    const barUp = changed((doc) => {
      doc.scenarios.find((s) => s.id === 'school-enrollment')!.bar = 121;
    });
    const results = await runCases(barUp, evaluate, [plain, short]);
    expect(results.map((r) => [r.id, r.passed])).toEqual([['plain', true], ['short', false]]);
    expect(results[1]!.differences).toEqual([{ path: 'shortBy.school-enrollment', expected: 1, actual: 2 }]);
  });

  it('checks only its scope even when the expectation holds more (validation refuses that document)', () => {
    const c = { scope: { about: 'indicator', indicator: 'tax' } as const, expect: { total: 1, indicators: { tax: 3 } } };
    const result = { total: 120, vetoed: false, groups: [], indicators: [{ id: 'tax', points: 3 }], scenarios: [] };
    expect(checkCase(c, result)).toEqual([]);
    expect(checkCase({ expect: c.expect }, result)).toEqual([{ path: 'total', expected: 1, actual: 120 }]);
  });

  it("the diff's outcome changes count only what a scoped case is about", async () => {
    const taxDoubled = changed((doc) => {
      const tax = doc.indicators.find((i) => i.id === 'tax')!;
      if (tax.kind === 'rate') tax.points = 2;
    });
    const cases = await scopedCases();
    const outcomes = (rs: ResolvedRuleSet) => Promise.all(cases.map(async (c) => caseOutcome(c, await evaluate(rs, parseFacts(rs, c.facts), c.asOf))));
    const changes = caseOutcomeChanges(await outcomes(v1), await outcomes(taxDoubled));
    expect(changes.map((c) => [c.id, c.kind, c.differences.map((d) => `${d.what}:${d.id ?? ''}`)])).toEqual([
      ['about-total', 'now-fails', ['total:']],
      ['about-tax', 'now-fails', ['indicator:tax']],
      ['about-district', 'now-fails', ['group:district']],
    ]);
  });
});
