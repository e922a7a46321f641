import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { describeCondition, factCatalog } from './describe-condition';
import { titlesOf } from './diff';

const district = loadShippedRuleSets().get('district-sample@1')!;
const titles = titlesOf(district);
const facts = factCatalog([titles.facts], titles);

describe('describeCondition', () => {
  it('reads a scenario condition with fact titles, units and the right joiners', () => {
    const condition = district.scenarios.find((s) => s.id === 'school-enrollment')!.eligibility!;
    expect(describeCondition(condition, facts)).toEqual({
      zh: '随迁未成年子女人数 ≥ 1 且 在本区居住登记满月数 ≥ 12 月 且 省内累计缴纳社会保险月数 ≥ 12 月',
      en: 'Minor children living with the resident ≥ 1 and Full months since residence registration in the district ≥ 12 months and Months of social insurance paid in the province ≥ 12 months',
    });
  });

  it('names enum values by their titles and brackets nested groups', () => {
    const text = describeCondition(
      {
        any: [
          { fact: 'education', operator: 'in', value: ['master', 'bachelor'] },
          { all: [{ fact: 'appRegistered', operator: 'equal', value: true }, { not: { fact: 'score.group.provincial', operator: 'lessThan', value: 30 } }] },
        ],
      },
      facts,
    );
    expect(text.zh).toBe('最高学历 属于 [硕士研究生、大学本科（学士）] 或 （已在新市民App注册并填报个人信息 = 是 且 非（省级共性指标得分 < 30））');
    expect(text.en).toBe(
      "Highest education is one of [Master's degree, Bachelor's degree] or (Registered in the new-citizen app with personal details filled in = yes and not (Provincial common indicators score < 30))",
    );
  });

  it('falls back to the fact id for a fact it does not know', () => {
    expect(describeCondition({ all: [{ fact: 'mystery', operator: 'dateBefore', value: '2020-01-01' }] }, [])).toEqual({ zh: 'mystery 早于 2020-01-01', en: 'mystery before 2020-01-01' });
  });
});
