import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import type { RuleSet, TestCase } from './schema';
import { validateRuleSet } from './validate';

const shipped = loadShippedRuleSets();
const district = shipped.get('district-sample@1')!.root;
const provincial = shipped.get('provincial-common@1')!.root;
const typical = district.cases.find((c) => c.id === 'typical-at-school-bar')!;

/** The problems of the district rule set with one more case, at that case's index. */
function problemsWith(extra: { scope: unknown; expect: unknown } | { expect: unknown }) {
  const doc: RuleSet = { ...structuredClone(district), cases: [...district.cases, { ...typical, id: 'scoped', title: 'scoped', ...extra } as unknown as TestCase] };
  const result = validateRuleSet(doc, [provincial]);
  const at = `cases.${district.cases.length}`;
  return result.ok ? [] : result.errors.map((e) => ({ ...e, path: e.path.replace(at, 'case') }));
}

describe('a case scope', () => {
  it('is optional: every shipped document is still valid without one', () => {
    for (const rs of shipped.values()) expect(rs.root.cases.every((c) => c.scope === undefined)).toBe(true);
    expect(problemsWith({ expect: { total: 120 } })).toEqual([]);
  });

  it.each([
    ['an unknown indicator', { about: 'indicator', indicator: 'nope' }, { indicators: { nope: 1 } }, 'case.scope.indicator', 'unknown indicator "nope"', '没有指标 “nope”'],
    ['an unknown group', { about: 'group', group: 'nope' }, { groups: { nope: 1 } }, 'case.scope.group', 'unknown group "nope"', '没有分组 “nope”'],
    ['an unknown scenario', { about: 'eligibility', scenarios: ['healthcare', 'nope'] }, { scenarios: { healthcare: true, nope: true } }, 'case.scope.scenarios.1', 'unknown scenario "nope"', '没有场景 “nope”'],
  ])('naming %s is an error at the scope, in Chinese and English', (_, scope, expect_, path, message, messageZh) => {
    expect(problemsWith({ scope, expect: expect_ })).toContainEqual({ path, message, messageZh });
  });

  it('must have an expected value for what it asserts', () => {
    expect(problemsWith({ scope: { about: 'indicator', indicator: 'tax' }, expect: {} })).toEqual([
      {
        path: 'case.expect',
        message: `gives no expected points for indicator "tax", which the case's scope asserts`,
        messageZh: '用例的核对范围包含指标 “tax” 的得分，但没有填写预期值',
      },
    ]);
  });

  it('refuses expectations outside it, at each of them', () => {
    const problems = problemsWith({ scope: { about: 'eligibility', scenarios: ['healthcare'] }, expect: { total: 120, scenarios: { healthcare: true }, indicators: { tax: 3 } } });
    expect(problems.map((p) => p.path)).toEqual(['case.expect.total', 'case.expect.indicators.tax']);
    expect(problems[0]!.messageZh).toBe('不在该用例的核对范围内；请删除此项，或更改核对范围');
  });

  it('of eligibility may also assert how far short of the bar, for its own scenarios only', () => {
    expect(problemsWith({ scope: { about: 'eligibility', scenarios: ['healthcare'] }, expect: { scenarios: { healthcare: true }, shortBy: { healthcare: 0 } } })).toEqual([]);
    const problems = problemsWith({ scope: { about: 'eligibility', scenarios: ['healthcare'] }, expect: { scenarios: { healthcare: true }, shortBy: { healthcare: 0, 'school-enrollment': 0, nope: 1 } } });
    expect(problems.map((p) => [p.path, p.messageZh])).toEqual([
      ['case.expect.shortBy.nope', '没有场景 “nope”'],
      ['case.expect.shortBy.school-enrollment', '不在该用例的核对范围内；请删除此项，或更改核对范围'],
      ['case.expect.shortBy.nope', '不在该用例的核对范围内；请删除此项，或更改核对范围'],
    ]);
  });

  it('of the total may also assert the veto', () => {
    expect(problemsWith({ scope: { about: 'total' }, expect: { total: 120, vetoed: false } })).toEqual([]);
  });

  it('is one of the four kinds', () => {
    const problems = problemsWith({ scope: { about: 'everything' }, expect: { total: 120 } });
    expect(problems.map((p) => p.path)).toEqual(['case.scope.about']);
  });
});
