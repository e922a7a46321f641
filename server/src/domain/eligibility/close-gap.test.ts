import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluate } from '../scoring/evaluate';
import type { Facts } from '../scoring/types';
import { closeGap } from './close-gap';

const rs = loadShippedRuleSets().get('district-sample@1')!;
const AS_OF = '2026-06-30';
const SCENARIO = 'school-enrollment';

/** A family that meets the conditions of the school scenario and is a few points short of 120. */
const nearlyThere: Facts = {
  accompanyingChildren: 1,
  residenceRegistrationDate: '2024-01-01',
  socialInsuranceMonths: 30,
  birthDate: '1990-05-01',
  education: 'bachelor',
  residenceMonths: 60,
  employmentStatus: 'contract',
  employmentMonths: 20,
  appRegistered: true,
  profileVerified: true,
  housing: 'owned',
  volunteerHours: 50,
};

const outcome = async (facts: Facts) => (await evaluate(rs, facts, AS_OF)).scenarios.find((s) => s.id === SCENARIO)!;

describe('closeGap', () => {
  it('names, for each numeric fact, the smallest increase that makes the resident eligible', async () => {
    const before = await outcome(nearlyThere);
    expect(before.eligible).toBe(false);
    expect(before.shortBy).toBeGreaterThan(0);

    const steps = await closeGap(rs, SCENARIO, nearlyThere, AS_OF);
    expect(steps.map((s) => s.fact)).toContain('socialInsuranceMonths');
    for (const step of steps) {
      expect(step.closes).toBe('eligibility');
      expect(step.from).toBe(typeof nearlyThere[step.fact] === 'number' ? nearlyThere[step.fact] : 0);
      expect(step.to - step.from).toBe(step.increase);
      const raised = await outcome({ ...nearlyThere, [step.fact]: step.to });
      expect(raised.eligible, `${step.fact} raised to ${step.to}`).toBe(true);
      expect(raised.score).toBe(step.score);
      const oneLess = await outcome({ ...nearlyThere, [step.fact]: step.to - 1 });
      expect(oneLess.eligible, `${step.fact} raised to ${step.to - 1} is not enough`).toBe(false);
    }
  });

  it('says it in words, with the unit: "10 more months (30 → 40)"', async () => {
    const steps = await closeGap(rs, SCENARIO, nearlyThere, AS_OF);
    const si = steps.find((s) => s.fact === 'socialInsuranceMonths')!;
    expect(si.message.en).toBe(`Months of social insurance paid in the province: ${si.increase} more months (30 → ${si.to})`);
    expect(si.message.zh).toBe(`省内累计缴纳社会保险月数：再增加 ${si.increase} 月（30 → ${si.to}）`);
  });

  it('calls a count of months "time" only while it runs: from 0, waiting does not start a job', async () => {
    const running = await closeGap(rs, SCENARIO, nearlyThere, AS_OF);
    expect(running.find((s) => s.fact === 'employmentMonths')?.effort).toBe('time');
    const jobless = await closeGap(rs, SCENARIO, { ...nearlyThere, employmentMonths: 0 }, AS_OF);
    const employment = jobless.find((s) => s.fact === 'employmentMonths');
    expect(employment).toMatchObject({ from: 0, effort: 'routine' });
    expect(jobless.find((s) => s.fact === 'socialInsuranceMonths')?.effort).toBe('time');
  });

  it('answers nothing for a resident who is eligible already', async () => {
    const eligible = { ...nearlyThere, socialInsuranceMonths: 60 };
    expect((await outcome(eligible)).eligible).toBe(true);
    expect(await closeGap(rs, SCENARIO, eligible, AS_OF)).toEqual([]);
  });

  it('offers only "reaches the bar" when a condition on a date stands in the way, which no number can change', async () => {
    // Registered in the district two months ago: the 12-month condition fails whatever the points.
    const recent = { ...nearlyThere, residenceRegistrationDate: '2026-04-20' };
    expect((await outcome(recent)).missing.map((m) => m.code)).toContain('condition-failed');
    const steps = await closeGap(rs, SCENARIO, recent, AS_OF);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.closes).toBe('bar');
      const raised = await outcome({ ...recent, [step.fact]: step.to });
      expect(raised.shortBy).toBe(0);
      expect(raised.eligible).toBe(false);
    }
  });

  it('closes a failed numeric condition too, e.g. social insurance under 12 months', async () => {
    const newcomer = { ...nearlyThere, socialInsuranceMonths: 5, residenceMonths: 120, volunteerHours: 200, bloodDonations: 5 };
    const before = await outcome(newcomer);
    expect(before.shortBy).toBe(0);
    expect(before.eligible).toBe(false);
    const steps = await closeGap(rs, SCENARIO, newcomer, AS_OF);
    expect(steps).toEqual([expect.objectContaining({ fact: 'socialInsuranceMonths', from: 5, to: 12, increase: 7, closes: 'eligibility' })]);
  });

  it('never suggests anything to a vetoed resident but the points, since the veto stays', async () => {
    const vetoed = { ...nearlyThere, vetoGrounds: ['false_material'] };
    const steps = await closeGap(rs, SCENARIO, vetoed, AS_OF);
    expect(steps.every((s) => s.closes === 'bar')).toBe(true);
  });
});
