import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FactBound, RuleSet } from '../../../server/src/domain/rule-set/schema';
import { parseRuleSet } from '../../../server/src/domain/rule-set/validate';
import { describeBound } from './describe-bound';
import { buildCatalogue } from './facts';

const load = (id: string) => JSON.parse(readFileSync(new URL(`../../../rule-sets/${id}/1.json`, import.meta.url), 'utf8')) as RuleSet;
const provincial = parseRuleSet(load('provincial-common'));
const district = load('district-sample');
const reason = { zh: '年满16周岁方可参加社会保险', en: 'insurance is paid from the 16th birthday' };
const reference = { document: '中华人民共和国劳动法', clause: '第十五条' };

describe('fact bounds in the editor', () => {
  it('reads each bound with its limit, reason and reference, in Chinese and English', () => {
    const bound: FactBound = { kind: 'maxMonthsSince', fact: 'birthDate', afterYears: 16, reason, reference };
    const titleOf = (id: string) => (id === 'birthDate' ? '出生日期' : id);
    expect(describeBound(bound, 'zh', titleOf)).toBe('不超过自出生日期后满 16 年起至评估日期的整月数：年满16周岁方可参加社会保险（依据：中华人民共和国劳动法 第十五条）');
    expect(describeBound({ kind: 'max', value: 720, reason, reference }, 'en', titleOf)).toBe('at most 720: insurance is paid from the 16th birthday (中华人民共和国劳动法 第十五条)');
  });

  it('shows the bound a derived fact implies: a birth date and a registration date are not after the evaluation date', () => {
    const catalogue = buildCatalogue(district, [provincial]);
    const kinds = (id: string) => catalogue.facts.find((f) => f.id === id)?.bounds?.map((b) => b.kind);
    expect(kinds('birthDate')).toEqual(['notAfterAsOf']);
    expect(kinds('residenceRegistrationDate')).toEqual(['notAfterAsOf']);
    expect(kinds('socialInsuranceMonths')).toBeUndefined();
    const birth = catalogue.facts.find((f) => f.id === 'birthDate')!.bounds![0]!;
    expect(describeBound(birth, 'zh', (id) => id)).toBe('不晚于评估日期：「周岁年龄」自该日期计算到评估日期，该日期不能晚于评估日期（依据：派生事实 (derived fact) 周岁年龄 (Age in full years)）');
  });
});
