import { describe, expect, it } from 'vitest';
import { refusal } from '../../../../test/support/callers/refusal';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { checkFeedRecord } from './feed-record';
import { maskName, maskPermit } from './mask';
import { checkClaim, indicatorInputFacts } from './self-application';
import { scoringFacts } from './scoring-facts';

const district = loadShippedRuleSets().get('district-sample@1')!;


describe('masking', () => {
  it('keeps the first and last four characters of a permit number, and the ends of a name', () => {
    expect(maskPermit('330106199001011234')).toBe('3301**********1234');
    expect(maskPermit('33010619900101123X')).toBe('3301**********123X');
    expect(maskPermit('12345678')).toBe('********');
    expect([maskName('张三'), maskName('张小三'), maskName('欧阳小明'), maskName('王')]).toEqual(['张*', '张*三', '欧**明', '*']);
  });
});

describe('scoring facts from a record', () => {
  it('keeps the rule set\'s valid facts, adds the registration date, and carries ledger balances as granted', () => {
    const at = { kind: 'feed' as const, source: 'hrss', at: '2026-01-01T00:00:00Z' };
    const facts = scoringFacts(
      district,
      { residenceRegistrationDate: '2020-03-01' },
      {
        socialInsuranceMonths: { seq: 1, fact: 'socialInsuranceMonths', value: 40, provenance: at },
        education: { seq: 2, fact: 'education', value: null, provenance: at },
        retiredFact: { seq: 3, fact: 'retiredFact', value: 7, provenance: at },
        housing: { seq: 4, fact: 'housing', value: 'castle', provenance: at },
        volunteerHours: { seq: 5, fact: 'volunteerHours', value: 999, provenance: at },
      },
      [
        { id: 'a', indicator: 'volunteerService', kind: 'earn', points: 3.5, earnedOn: '2025-02-01' },
        { id: 'b', indicator: 'bloodDonation', kind: 'earn', points: 6, earnedOn: '2022-02-01' },
      ],
      '2025-06-30',
    );
    // 3.5 points as granted; the 6 blood-donation points (earned 2022, valid through 2024) have lapsed. Hours
    // kept by the ledger are never read from the record, nor recomputed from points at today's rate.
    expect(facts).toEqual({ socialInsuranceMonths: 40, residenceRegistrationDate: '2020-03-01', 'ledger:volunteerService': 3.5, 'ledger:bloodDonation': 0 });
  });
});

describe('feed records', () => {
  it('names every problem of a record under records.<index>', () => {
    const error = refusal(() =>
      checkFeedRecord(district, { key: 'k', permitNumber: '330106199001011234', facts: { birthDate: '1990-13-01', volunteerHours: 3, nope: 1 }, ledger: [{ indicator: 'housing', points: 1.234, earnedOn: '2025-01-01' }], extra: true }, 4),
    );
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['records.4.extra']);
    const second = refusal(() =>
      checkFeedRecord(district, { key: 'k', permitNumber: '330106199001011234', facts: { birthDate: '1990-13-01', volunteerHours: 3, nope: 1 }, ledger: [{ indicator: 'housing', points: 1.234, earnedOn: '2025-01-01' }] }, 4),
    );
    expect(second.fields?.map((f) => f.path).sort()).toEqual([
      'records.4.facts.birthDate',
      'records.4.facts.nope',
      'records.4.facts.volunteerHours',
      'records.4.ledger.0.indicator',
      'records.4.ledger.0.points',
    ]);
  });

  it('turns null into clearing a fact', () => {
    expect(checkFeedRecord(district, { key: 'k', permitNumber: '330106199001011234', facts: { housing: null, employmentMonths: 3 } }, 0).changes).toEqual([
      { fact: 'housing', value: null },
      { fact: 'employmentMonths', value: 3 },
    ]);
  });
});

describe('self-application claims', () => {
  it('routes to the indicator\'s department and accepts only facts the indicator reads', () => {
    expect(indicatorInputFacts(district, district.indicators.find((i) => i.id === 'registration')!).sort()).toEqual(['appRegistered', 'profileVerified']);
    expect(checkClaim(district, 'housing', { facts: { housing: 'owned' } })).toEqual({ indicator: 'housing', department: '区住房和城乡建设局', changes: [{ fact: 'housing', value: 'owned' }] });
    expect(checkClaim(district, 'volunteerService', { ledger: { points: 2, earnedOn: '2025-03-01' } }).ledger).toEqual({ points: 2, earnedOn: '2025-03-01' });
    expect(refusal(() => checkClaim(district, 'volunteerService', { facts: { volunteerHours: 20 } })).fields?.map((f) => f.path)).toEqual(['claim.ledger', 'claim.facts']);
    expect(refusal(() => checkClaim(district, 'seriousMisconduct', { facts: {} })).fields).toEqual([{ path: 'indicator', message: 'is a negative indicator' }]);
    expect(refusal(() => checkClaim(district, 'nothing', {})).code).toBe('validation_failed');
  });
});
