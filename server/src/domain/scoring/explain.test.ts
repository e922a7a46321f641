import { describe, expect, it } from 'vitest';
import { resolveRuleSet } from '../rule-set/resolve';
import { ruleSetSchema, type RuleSetInput } from '../rule-set/schema';
import { population, POPULATION_AS_OF } from '../../../../test/support/data/population';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluateCompiled } from '../compiled/evaluate-compiled';
import { explainReason } from './explain';
import { parseFacts } from './facts';
import type { Reason } from './types';

const ref = { document: 'test' };
const doc: RuleSetInput = {
  id: 'rates',
  version: 1,
  effectiveFrom: '2025-01-01',
  title: { zh: '计分', en: 'Rates' },
  owner: 'test',
  reference: ref,
  facts: [
    { id: 'volunteerHours', type: 'number', title: { zh: '志愿服务时长', en: 'Volunteer hours' }, unit: { zh: '小时', en: 'hour' }, min: 0 },
    { id: 'months', type: 'integer', title: { zh: '月数', en: 'Months' }, unit: { zh: '个月', en: 'month' }, min: 0 },
    { id: 'count', type: 'number', title: { zh: '数量', en: 'Count' }, min: 0 },
  ],
  groups: [{ id: 'g', title: { zh: '组', en: 'G' }, cap: 100, reference: ref }],
  indicators: [],
};
const rs = resolveRuleSet(ruleSetSchema.parse(doc), []);
const rate = (fact: string, value: number, per: number, points: number, cap: number): Reason => {
  const units = Math.floor(value / per);
  const raw = Math.min(units * points, cap);
  return { code: 'rate', fact, value, units, per, rate: points, raw, cap, capped: units * points > cap };
};

describe('rate explanations', () => {
  it('say that only whole units count when a unit is more than one', () => {
    expect(explainReason(rs, rate('volunteerHours', 45, 10, 2, 20))).toEqual({
      zh: '45 小时，每满 10 小时 2 分，计 4 个整单位 = 8 分',
      en: '45 hours, 2 points per full 10 hours: 4 whole units = 8',
    });
  });

  it('say so for a part unit counted one by one, and for a fact without a unit', () => {
    expect(explainReason(rs, rate('volunteerHours', 12.5, 1, 0.5, 20)).zh).toBe('12.5 小时，每满 1 小时 0.5 分，计 12 个整单位 = 6 分');
    expect(explainReason(rs, rate('count', 25, 10, 1, 20)).zh).toBe('25 个单位，每满 10 个单位 1 分，计 2 个整单位 = 2 分');
  });

  it('stay a product when every unit counts one by one, and name the cap', () => {
    expect(explainReason(rs, rate('months', 59, 1, 0.5, 30))).toEqual({ zh: '59 个月 × 0.5 = 29.5', en: '59 months × 0.5 = 29.5' });
    expect(explainReason(rs, rate('volunteerHours', 450, 10, 2, 20)).zh).toBe('450 小时，每满 10 小时 2 分，计 45 个整单位 = 20 分，封顶 20 分');
  });

  it('name facts by their titles, never their ids, in either language', () => {
    const missing = explainReason(rs, { code: 'missing', fact: 'volunteerHours' });
    expect(missing).toEqual({ zh: '未提供志愿服务时长', en: 'Volunteer hours not provided' });
    const failed = explainReason(rs, { code: 'condition-failed', failed: [{ fact: 'months', operator: 'greaterThanInclusive', value: 12, actual: 8 }] });
    expect(failed.en).toBe('condition failed: Months ≥ 12 (is 8)');
    expect(failed.zh).not.toContain('months');
  });
});

describe('remembered explanations', () => {
  it('word every indicator of every resident exactly as explaining its reason afresh would', () => {
    for (const key of ['district-sample@1', 'district-sample@2']) {
      const shipped = loadShippedRuleSets().get(key)!;
      // Twice over the same residents: the second round is answered from what the first remembered.
      for (const round of [1, 2]) {
        for (const { facts } of population(500, 11)) {
          const evaluation = evaluateCompiled(shipped, parseFacts(shipped, facts, 'facts', POPULATION_AS_OF), POPULATION_AS_OF);
          for (const result of evaluation.indicators) {
            const fresh = explainReason(shipped, result.reason);
            expect({ en: result.explanation, zh: result.explanationZh }, `${key} ${result.id} round ${round}`).toEqual(fresh);
          }
        }
      }
    }
  });
});
