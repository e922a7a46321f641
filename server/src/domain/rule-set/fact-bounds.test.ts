import { describe, expect, it } from 'vitest';
import { refusal } from '../../../../test/support/callers/refusal';
import { evaluate } from '../scoring/evaluate';
import { parseFacts } from '../scoring/facts';
import { checkFactBounds, factBounds, factBoundViolations } from './fact-bounds';
import { resolveRuleSet } from './resolve';
import { ruleSetSchema, type RuleSetInput } from './schema';
import { validateRuleSet } from './validate';

const t = (zh: string, en: string) => ({ zh, en });
const law = { document: '浙江省级共性指标赋分标准', clause: '社会保险' };

/** The provincial facts with the bounds a reviewer would write: what the shipped version 2 carries. */
const doc: RuleSetInput = {
  id: 'bounded',
  version: 1,
  effectiveFrom: '2025-01-01',
  title: t('有界', 'Bounded'),
  owner: 'test',
  reference: { document: 'test' },
  facts: [
    {
      id: 'birthDate', type: 'date', title: t('出生日期', 'Date of birth'),
      bounds: [
        { kind: 'notAfterAsOf', reason: t('出生日期不能晚于评估日期', 'a person cannot be born after the evaluation date'), reference: law },
        { kind: 'notBefore', date: '1900-01-01', reason: t('早于1900年的出生日期不可能', 'no one alive was born before 1900'), reference: law },
      ],
    },
    {
      id: 'socialInsuranceMonths', type: 'integer', title: t('社保缴纳月数', 'Months of social insurance'), min: 0,
      bounds: [
        { kind: 'max', value: 600, reason: t('最长约50年', 'at most about fifty years of contributions'), reference: law },
        { kind: 'maxMonthsSince', fact: 'birthDate', afterYears: 16, reason: t('年满16周岁方可参加社会保险', 'insurance is paid from the 16th birthday'), reference: law },
      ],
    },
    { id: 'vocational', type: 'enum-list', title: t('职业资格', 'Credentials'), values: [{ id: 'qualification_level_4', title: t('四级', 'Level 4') }, { id: 'qualification_level_3', title: t('三级', 'Level 3') }] },
    { id: 'registeredOn', type: 'date', title: t('居住登记日期', 'Registered on') },
  ],
  derived: [
    { id: 'age', title: t('周岁年龄', 'Age in full years'), derivation: 'fullYearsSince', fact: 'birthDate' },
    { id: 'monthsRegistered', title: t('登记满月数', 'Months registered'), derivation: 'fullMonthsSince', fact: 'registeredOn' },
    { id: 'credentials', title: t('证书数', 'Credentials held'), derivation: 'count', fact: 'vocational' },
  ],
  groups: [{ id: 'provincial', title: t('省级', 'Provincial'), cap: 100, reference: law }],
  indicators: [
    { id: 'socialInsurance', kind: 'rate', group: 'provincial', fact: 'socialInsuranceMonths', points: 0.5, cap: 30, title: t('社保', 'Insurance'), reference: law },
    {
      id: 'vocational', kind: 'tiers', group: 'provincial', title: t('职业技能', 'Skill'), reference: law,
      tiers: [
        { id: 'l3', title: t('三级', 'Level 3'), points: 8, conditions: { all: [{ fact: 'vocational', operator: 'contains', value: 'qualification_level_3' }] } },
        { id: 'l4', title: t('四级', 'Level 4'), points: 5, conditions: { all: [{ fact: 'vocational', operator: 'contains', value: 'qualification_level_4' }] } },
      ],
    },
  ],
};
const rs = resolveRuleSet(ruleSetSchema.parse(doc), []);
const AS_OF = '2026-06-30';

describe('fact bounds', () => {
  it('refuses a birth date after asOf with the field, the bound and its reason in Chinese and English', () => {
    const error = refusal(() => parseFacts(rs, { birthDate: '2030-01-01' }, 'facts', AS_OF));
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([
      {
        path: 'facts.birthDate',
        message: 'must not be after the evaluation date 2026-06-30: a person cannot be born after the evaluation date (浙江省级共性指标赋分标准 社会保险)',
        messageZh: '不得晚于评估日期 2026-06-30：出生日期不能晚于评估日期（依据：浙江省级共性指标赋分标准 社会保险）',
        bound: { kind: 'notAfterAsOf', limit: AS_OF, reason: doc.facts![0]!.bounds![0]!.reason, reference: law },
      },
    ]);
  });

  it('refuses 99,999,999 months of insurance by the max and by the months since the 16th birthday', () => {
    const error = refusal(() => parseFacts(rs, { birthDate: '1990-05-01', socialInsuranceMonths: 99_999_999 }, 'facts', AS_OF));
    expect(error.fields?.map((f) => [f.path, f.bound?.kind, f.bound?.limit])).toEqual([
      ['facts.socialInsuranceMonths', 'max', 600],
      // 1990-05-01 + 16 years = 2006-05-01; full months to 2026-06-30: 241.
      ['facts.socialInsuranceMonths', 'maxMonthsSince', 241],
    ]);
    expect(error.fields?.[1]?.messageZh).toBe('不得大于 241，即自出生日期（1990-05-01）后满 16 年至 2026-06-30 的整月数：年满16周岁方可参加社会保险（依据：浙江省级共性指标赋分标准 社会保险）');
    // The other fact is named by its title, never by its id.
    expect(error.fields?.[1]?.message).toBe('must be at most 241, the full months from 16 years after Date of birth (1990-05-01) to 2026-06-30: insurance is paid from the 16th birthday (浙江省级共性指标赋分标准 社会保险)');
  });

  it('accepts values on the bound itself and scores them', async () => {
    const facts = parseFacts(rs, { birthDate: '1990-05-01', socialInsuranceMonths: 241 }, 'facts', AS_OF);
    expect((await evaluate(rs, facts, AS_OF)).total).toBe(30);
    expect(factBoundViolations(rs, { birthDate: AS_OF }, AS_OF)).toEqual([]);
    expect(factBoundViolations(rs, { birthDate: '1899-12-31' }, AS_OF).map((f) => f.bound?.limit)).toEqual(['1900-01-01']);
  });

  it('skips a relation whose other fact is absent, and a birthday less than 16 years ago allows no months', () => {
    expect(factBoundViolations(rs, { socialInsuranceMonths: 500 }, AS_OF)).toEqual([]);
    expect(factBoundViolations(rs, { birthDate: '2015-01-01', socialInsuranceMonths: 1 }, AS_OF).map((f) => f.bound?.limit)).toEqual([0]);
  });

  it('names only the birth date when it lies after asOf, not the months counted from it', () => {
    const error = refusal(() => parseFacts(rs, { birthDate: '2030-01-01', socialInsuranceMonths: 12 }, 'facts', AS_OF));
    expect(error.fields?.map((f) => [f.path, f.bound?.kind])).toEqual([['facts.birthDate', 'notAfterAsOf']]);
  });

  it('implies "not after asOf" for a date a derived fact counts from, even when no bound is written', () => {
    expect(factBounds(rs).filter((b) => b.implied).map((b) => [b.fact, b.bound.kind])).toEqual([['registeredOn', 'notAfterAsOf']]);
    const error = refusal(() => checkFactBounds(rs, { registeredOn: '2026-07-01' }, AS_OF));
    expect(error.fields?.[0]?.path).toBe('facts.registeredOn');
    expect(error.fields?.[0]?.messageZh).toBe('不得晚于评估日期 2026-06-30：「登记满月数」自该日期计算到评估日期，该日期不能晚于评估日期（依据：派生事实 (derived fact) 登记满月数 (Months registered)）');
    expect(error.fields?.[0]?.message).toBe('must not be after the evaluation date 2026-06-30: Months registered is counted from this date to the evaluation date, so it cannot be later (派生事实 (derived fact) 登记满月数 (Months registered))');
  });

  it('checks only bounds that read a changed fact, so a write is not refused for another fact on record', () => {
    const record = { birthDate: '2010-01-01', socialInsuranceMonths: 100 };
    expect(factBoundViolations(rs, record, AS_OF, { changed: ['vocational'] })).toEqual([]);
    // Changing the birth date re-checks the months counted from it.
    expect(factBoundViolations(rs, record, AS_OF, { changed: ['birthDate'], path: 'records.0.facts' }).map((f) => f.path)).toEqual(['records.0.facts.socialInsuranceMonths']);
  });
});

describe('credentials held twice', () => {
  it('accepts a repeated credential and scores it like one', async () => {
    const facts = parseFacts(rs, { vocational: ['qualification_level_4', 'qualification_level_4'] }, 'facts', AS_OF);
    expect(facts.vocational).toEqual(['qualification_level_4']);
    const once = await evaluate(rs, parseFacts(rs, { vocational: ['qualification_level_4'] }), AS_OF);
    const twice = await evaluate(rs, { vocational: ['qualification_level_4', 'qualification_level_4'] }, AS_OF, { engine: 'reference' });
    expect(twice.indicators.find((i) => i.id === 'vocational')?.points).toBe(5);
    expect(twice.derived.credentials).toBe(1);
    expect(twice.total).toBe(once.total);
  });
});

describe('bounds in the rule set', () => {
  const withBounds = (bounds: unknown, type = 'integer') => ({ ...doc, facts: [...doc.facts!, { id: 'x', type, title: t('x', 'x'), bounds }] });
  const reason = t('理由', 'reason');

  it('refuses bounds that do not suit the fact, name an unknown date fact, or leave no value', () => {
    const result = validateRuleSet(withBounds([
      { kind: 'notAfterAsOf', reason, reference: law },
      { kind: 'maxMonthsSince', fact: 'vocational', reason, reference: law },
      { kind: 'min', value: 10, reason, reference: law },
      { kind: 'max', value: 5, reason, reference: law },
    ]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: 'facts.4.bounds.0.kind', message: 'notAfterAsOf bounds only date facts; "x" is integer', messageZh: 'notAfterAsOf 只能用于日期事实；“x” 是 integer' },
      { path: 'facts.4.bounds.1.fact', message: 'months are counted from a date fact; "vocational" is a list', messageZh: '月数须从日期事实算起；“vocational” 是多选列表' },
      { path: 'facts.4.bounds', message: 'leave no value: at least 10 and at most 5', messageZh: '上下限矛盾：至少 10 且至多 5，没有可取的值' },
    ]);
  });

  it('requires a reason and a reference for every bound', () => {
    const result = validateRuleSet(withBounds([{ kind: 'max', value: 5 }]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(['facts.4.bounds.0.reason', 'facts.4.bounds.0.reference']);
  });
});
