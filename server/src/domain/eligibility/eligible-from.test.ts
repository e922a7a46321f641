import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import type { LedgerEntry } from '../ledger/ledger';
import { evaluate } from '../scoring/evaluate';
import type { FactValue } from '../scoring/types';
import { addMonths, eligibleFrom, projectedFacts } from './eligible-from';

const rs = loadShippedRuleSets().get('district-sample@1')!;
const AS_OF = '2026-06-30';
const SCENARIO = 'school-enrollment';
const resident = { residenceRegistrationDate: '2024-01-01' };

/** Meets the school scenario's conditions; its score grows 0.5 a month with social insurance and 0.25 with residence. */
const recorded: Record<string, FactValue> = {
  accompanyingChildren: 1,
  socialInsuranceMonths: 30,
  birthDate: '1990-05-01',
  education: 'bachelor',
  residenceMonths: 60,
  employmentStatus: 'contract',
  employmentMonths: 20,
  appRegistered: true,
  profileVerified: true,
  housing: 'owned',
};

const eligibleOn = async (facts: ReturnType<typeof projectedFacts>, date: string) =>
  (await evaluate(rs, facts, date)).scenarios.find((s) => s.id === SCENARIO)!;

describe('eligibleFrom: the day time alone makes a resident eligible', () => {
  it('adds months on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('finds the first eligible day of a resident a few points short, and is not eligible the day before', async () => {
    const ledger: LedgerEntry[] = [];
    const on = (date: string) => projectedFacts(rs, resident, recorded, ledger, AS_OF, date);
    expect((await eligibleOn(on(AS_OF), AS_OF)).eligible).toBe(false);
    const day = await eligibleFrom(rs, SCENARIO, on, AS_OF);
    expect(day).not.toBeNull();
    expect((await eligibleOn(on(day!), day!)).eligible).toBe(true);
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await eligibleOn(on(before), before)).eligible).toBe(false);
    // Time alone means the counters grew and nothing else did.
    expect(on(day!).socialInsuranceMonths).toBeGreaterThan(30);
    expect(on(day!).employmentMonths).toBe(20);
  });

  it('counts time-limited points lapsing: points that lapse before the gap closes do not bring the day forward', async () => {
    const from = (ledger: LedgerEntry[]) => eligibleFrom(rs, SCENARIO, (d) => projectedFacts(rs, resident, recorded, ledger, AS_OF, d), AS_OF);
    const volunteering = (earnedOn: string): LedgerEntry[] => [{ id: 'l1', indicator: 'volunteerService', points: 5, earnedOn, kind: 'earn' }];
    const plain = await from([]);
    // 5 points earned in 2024 lapse on 2027-01-01, before time alone closes the rest of the gap.
    expect(await from(volunteering('2024-03-01'))).toBe(plain);
    // The same points earned in 2026 stay valid until the end of 2028, so the day comes sooner.
    expect((await from(volunteering('2026-03-01')))! < plain!).toBe(true);
  });

  it('says null when time alone never does it within ten years, and for a resident eligible already', async () => {
    const noChildren = { ...recorded, accompanyingChildren: 0 };
    expect(await eligibleFrom(rs, SCENARIO, (d) => projectedFacts(rs, resident, noChildren, [], AS_OF, d), AS_OF)).toBeNull();
    const plenty = { ...recorded, investmentYuan: 10_000_000, annualTaxYuan: 1_000_000 };
    const now = await eligibleOn(projectedFacts(rs, resident, plenty, [], AS_OF, AS_OF), AS_OF);
    expect(now.eligible).toBe(true);
    expect(await eligibleFrom(rs, SCENARIO, (d) => projectedFacts(rs, resident, plenty, [], AS_OF, d), AS_OF)).toBeNull();
  });
});
