import { describe, expect, it } from 'vitest';
import { ruleSetSchema, type RuleSetInput } from '../rule-set/schema';
import { resolveRuleSet } from '../rule-set/resolve';
import { evaluate } from './evaluate';
import { parseFacts } from './facts';

const ref = { document: 'test' };
const t = (en: string) => ({ zh: en, en });

/** A small rule set exercising every indicator kind. */
const doc: RuleSetInput = {
  id: 'mini',
  version: 1,
  effectiveFrom: '2025-01-01',
  title: t('Mini'),
  owner: 'test',
  reference: ref,
  facts: [
    { id: 'birthDate', type: 'date', title: t('birth date') },
    { id: 'months', type: 'integer', title: t('months'), unit: { zh: '个月', en: 'month' }, min: 0 },
    { id: 'degree', type: 'enum', title: t('degree'), values: [{ id: 'ba', title: t('BA') }, { id: 'hs', title: t('HS') }] },
    { id: 'offences', type: 'integer', title: t('offences'), default: 0 },
    { id: 'fraud', type: 'boolean', title: t('fraud'), default: false },
  ],
  derived: [{ id: 'age', title: t('age'), derivation: 'fullYearsSince', fact: 'birthDate' }],
  groups: [{ id: 'g', title: t('G'), cap: 40, reference: ref }],
  indicators: [
    {
      id: 'ageBand', kind: 'bands', group: 'g', fact: 'age', title: t('age'), reference: ref,
      bands: [{ max: 40, points: 20 }, { min: 41, max: 54, points: 19, step: -1 }, { min: 55, max: 60, points: 5 }, { min: 61, points: 0 }],
    },
    {
      id: 'edu', kind: 'tiers', group: 'g', title: t('edu'), reference: ref,
      tiers: [
        { id: 'ba', title: t('bachelor or above'), points: 10, conditions: { all: [{ fact: 'degree', operator: 'equal', value: 'ba' }] } },
        { id: 'hs', title: t('high school'), points: 5, conditions: { all: [{ fact: 'degree', operator: 'in', value: ['hs'] }] } },
      ],
    },
    { id: 'ins', kind: 'rate', group: 'g', fact: 'months', points: 0.5, cap: 30, title: t('ins'), reference: ref,
      conditions: { all: [{ fact: 'months', operator: 'greaterThanInclusive', value: 12 }] } },
    { id: 'bad', kind: 'deduction', group: 'g', fact: 'offences', points: 2.5, cap: 5, title: t('bad'), reference: ref },
    { id: 'veto', kind: 'veto', group: 'g', title: t('fraud'), reference: ref, conditions: { all: [{ fact: 'fraud', operator: 'equal', value: true }] } },
  ],
  scenarios: [
    { id: 's', title: t('S'), department: 'd', reference: ref, bar: 30, places: 1,
      eligibility: { all: [{ fact: 'months', operator: 'greaterThanInclusive', value: 6 }] } },
  ],
};
const rs = resolveRuleSet(ruleSetSchema.parse(doc), []);
const run = (facts: Record<string, unknown>, asOf = '2026-06-30') => evaluate(rs, parseFacts(rs, facts), asOf);

describe('evaluate (reference)', () => {
  it('scores every kind and explains it', async () => {
    const r = await run({ birthDate: '1980-07-01', months: 59, degree: 'ba', offences: 1 });
    const byId = Object.fromEntries(r.indicators.map((i) => [i.id, i]));
    expect(byId.ageBand?.points).toBe(15); // 45 full years (46 on 1 July): 19 − 4
    expect(byId.edu?.explanation).toBe('tier matched: bachelor or above');
    expect(byId.ins?.points).toBe(29.5);
    expect(byId.ins?.explanation).toBe('59 months × 0.5 = 29.5');
    expect(byId.bad?.points).toBe(2.5);
    // 15 + 10 + 29.5 = 54.5, capped at 40, minus 2.5
    expect(r.groups[0]).toMatchObject({ id: 'g', score: 37.5, cap: 40, capped: true });
    expect(r.total).toBe(37.5);
    expect(r.scenarios[0]).toMatchObject({ id: 's', eligible: true, shortBy: 0 });
    expect(r.derived.age).toBe(45);
  });

  it('explains a failed gate with the value it saw', async () => {
    const r = await run({ months: 8, degree: 'hs' });
    const ins = r.indicators.find((i) => i.id === 'ins');
    expect(ins?.points).toBe(0);
    expect(ins?.explanation).toBe('condition failed: months ≥ 12 (is 8)');
    expect(r.indicators.find((i) => i.id === 'ageBand')?.explanation).toBe('birth date not provided');
    expect(r.scenarios[0]?.missing.map((m) => m.message)).toEqual(['25 points short of 30']);
  });

  it('a veto disqualifies from every scenario but the score is still shown', async () => {
    const r = await run({ birthDate: '1990-01-01', months: 80, degree: 'ba', fraud: true });
    expect(r.vetoed).toBe(true);
    expect(r.total).toBe(40);
    expect(r.scenarios[0]?.eligible).toBe(false);
    expect(r.scenarios[0]?.missing[0]?.code).toBe('vetoed');
  });

  it('names each offending fact', () => {
    expect(() => parseFacts(rs, { months: -1, degree: 'phd', age: 30, nope: 1 })).toThrow(
      expect.objectContaining({
        fields: [
          { path: 'facts.months', message: 'must be ≥ 0' },
          { path: 'facts.degree', message: 'must be one of ba, hs' },
          { path: 'facts.age', message: 'is derived from birthDate; send birthDate instead' },
          { path: 'facts.nope', message: 'unknown fact for rule set mini' },
        ],
      }),
    );
  });

  it('gives the same answers when many evaluations overlap', async () => {
    const inputs = Array.from({ length: 200 }, (_, i) => ({ months: i, degree: i % 2 ? 'ba' : 'hs', offences: i % 4 }));
    const sequential = [];
    for (const f of inputs) sequential.push(await run(f));
    const concurrent = await Promise.all(inputs.map((f) => run(f)));
    expect(concurrent).toEqual(sequential);
  });
});
