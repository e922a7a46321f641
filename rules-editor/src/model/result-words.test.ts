import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import type { ScopeNames } from './case-scope';
import { describeDifference, describeResultPath } from './result-words';

const names: ScopeNames = {
  indicators: new Map([['tax', { zh: '纳税', en: 'Tax' }]]),
  groups: new Map([['district', { zh: '区个性指标', en: 'District indicators' }]]),
  scenarios: new Map([['school-enrollment', { zh: '随迁子女入学', en: 'School enrollment' }]]),
};

const zhWhere = (path: string) => describeResultPath(path, names, zh, 'zh').where;
const enWhere = (path: string) => describeResultPath(path, names, en, 'en').where;

describe('result paths in staff words', () => {
  it('names every kind of path by the rule set’s titles, in Chinese and English', () => {
    expect(zhWhere('total')).toBe('总分');
    expect(enWhere('total')).toBe('Total points');
    expect(zhWhere('vetoed')).toBe('一票否决');
    expect(enWhere('vetoed')).toBe('Vetoed');
    expect(zhWhere('groups.district')).toBe('分组「区个性指标」得分');
    expect(enWhere('groups.district')).toBe('Group “District indicators” points');
    expect(zhWhere('indicators.tax')).toBe('指标「纳税」得分');
    expect(enWhere('indicators.tax')).toBe('Indicator “Tax” points');
    expect(zhWhere('scenarios.school-enrollment')).toBe('场景「随迁子女入学」资格');
    expect(zhWhere('scenarios.school-enrollment.eligible')).toBe('场景「随迁子女入学」资格');
    expect(enWhere('scenarios.school-enrollment.eligible')).toBe('Scenario “School enrollment” eligible');
    expect(zhWhere('scenarios.school-enrollment.shortBy')).toBe('场景「随迁子女入学」距分数线差');
    expect(zhWhere('shortBy.school-enrollment')).toBe('场景「随迁子女入学」距分数线差');
    expect(enWhere('shortBy.school-enrollment')).toBe('Scenario “School enrollment” points short of the bar');
  });

  it('keeps the id where the rule set has no title, and shows a path of no known kind as it is', () => {
    expect(zhWhere('indicators.retired')).toBe('指标「retired」得分');
    expect(enWhere('scenarios.gone.eligible')).toBe('Scenario “gone” eligible');
    expect(describeResultPath('benefits.bus', names, zh, 'zh')).toEqual({ where: 'benefits.bus', kind: 'unknown' });
    expect(describeResultPath('scenarios.school-enrollment.places', names, zh, 'zh').kind).toBe('unknown');
    expect(describeResultPath('total.extra', names, zh, 'zh').where).toBe('total.extra');
  });

  it('takes the Chinese title when a title has no English', () => {
    const zhOnly: ScopeNames = { ...names, indicators: new Map([['tax', { zh: '纳税', en: '' }]]) };
    expect(describeResultPath('indicators.tax', zhOnly, en, 'en').where).toBe('Indicator “纳税” points');
  });
});

describe('a failing expectation in words', () => {
  it('says points old → new with their unit once', () => {
    const d = { path: 'indicators.tax', expected: 3, actual: 6 };
    expect(describeDifference(d, names, zh, 'zh')).toEqual({ failure: '指标「纳税」得分：预期 3 分，实际 6 分', change: '指标「纳税」得分 3 → 6 分' });
    expect(describeDifference(d, names, en, 'en')).toEqual({ failure: 'Indicator “Tax” points: expected 3, got 6', change: 'Indicator “Tax” points 3 → 6' });
    expect(describeDifference({ path: 'total', expected: 119, actual: 124.5 }, names, zh, 'zh').change).toBe('总分 119 → 124.5 分');
  });

  it('says eligibility as 符合 / 不符合 and the veto as 是 / 否', () => {
    const d = { path: 'scenarios.school-enrollment', expected: false, actual: true };
    expect(describeDifference(d, names, zh, 'zh').change).toBe('场景「随迁子女入学」资格 不符合 → 符合');
    expect(describeDifference(d, names, en, 'en').change).toBe('Scenario “School enrollment” eligible no → yes');
    expect(describeDifference(d, names, zh, 'zh').failure).toBe('场景「随迁子女入学」资格：预期 不符合，实际 符合');
    expect(describeDifference({ path: 'vetoed', expected: false, actual: true }, names, zh, 'zh').change).toBe('一票否决 否 → 是');
    expect(describeDifference({ path: 'vetoed', expected: true, actual: false }, names, en, 'en').failure).toBe('Vetoed: expected yes, got no');
  });

  it('says how far short of the bar, and a part the result no longer has', () => {
    expect(describeDifference({ path: 'shortBy.school-enrollment', expected: 1, actual: 0 }, names, zh, 'zh').change).toBe('场景「随迁子女入学」距分数线差 1 → 0 分');
    expect(describeDifference({ path: 'indicators.retired', expected: 5, actual: undefined }, names, zh, 'zh')).toEqual({
      failure: '指标「retired」得分：预期 5 分，实际 （无）',
      change: '指标「retired」得分 5 分 → （无）',
    });
    expect(describeDifference({ path: 'indicators.retired', expected: 5, actual: undefined }, names, en, 'en').change).toBe('Indicator “retired” points 5 → (none)');
  });
});
