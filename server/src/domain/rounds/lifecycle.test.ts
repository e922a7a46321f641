import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { JifenError } from '../errors';
import { assertAcceptingApplications, closeRound, finalizeRound, openRound, publishRound, type Moment } from './lifecycle';
import type { Round } from './types';

const rs = loadShippedRuleSets().get('district-sample@1')!;
const welfare = rs.scenarios.find((s) => s.id === 'social-welfare')!;
const on = (today: string, calendar: Moment['calendar'] = []): Moment => ({ today, at: `${today}T02:00:00.000Z`, actor: 'u-civil', calendar });

const opened = (): Round => ({
  id: 7,
  ...openRound({ ruleSetId: rs.id, scenario: welfare, opensOn: '2025-09-01', closesOn: '2025-09-19' }, on('2025-08-28')),
});
const closed = () => closeRound(opened(), { pendingApplications: 0, version: 1, versionHash: 'a'.repeat(64) }, on('2025-09-22'));

describe('round lifecycle', () => {
  it('opens with the scenario’s department, title and places unless places are given', () => {
    const round = opened();
    expect(round).toMatchObject({ status: 'open', department: '区民政局', places: welfare.places, title: welfare.title, revision: 0 });
    const fewer = openRound({ ruleSetId: rs.id, scenario: welfare, places: 3, opensOn: '2025-09-01', closesOn: '2025-09-19' }, on('2025-08-28'));
    expect(fewer.places).toBe(3);
  });

  it('refuses a window that closes before it opens, is already over, or has no places', () => {
    const bad = (input: Partial<Parameters<typeof openRound>[0]>) => () =>
      openRound({ ruleSetId: rs.id, scenario: welfare, opensOn: '2025-09-01', closesOn: '2025-09-19', ...input }, on('2025-09-10'));
    expect(bad({ closesOn: '2025-08-31' })).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ path: 'closesOn' })] }));
    expect(bad({ opensOn: '2025-08-01', closesOn: '2025-09-09' })).toThrow(/already over/);
    expect(bad({ places: 0 })).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ path: 'places' })] }));
    expect(bad({ opensOn: '2025-02-30' })).toThrow(/not a date/);
  });

  it('takes applications only inside the window and while open', () => {
    const round = opened();
    expect(() => assertAcceptingApplications(round, '2025-09-01')).not.toThrow();
    expect(() => assertAcceptingApplications(round, '2025-09-19')).not.toThrow();
    expect(() => assertAcceptingApplications(round, '2025-08-31')).toThrow(/from 2025-09-01 to 2025-09-19/);
    expect(() => assertAcceptingApplications(round, '2025-09-20')).toThrow(JifenError);
    expect(() => assertAcceptingApplications(closed(), '2025-09-10')).toThrow(/closed, not open/);
  });

  it('closes after the window, with no application waiting, fixing the version', () => {
    const state = { pendingApplications: 0, version: 2, versionHash: 'b'.repeat(64) };
    expect(() => closeRound(opened(), state, on('2025-09-19'))).toThrow(/until 2025-09-19/);
    expect(() => closeRound(opened(), { ...state, pendingApplications: 2 }, on('2025-09-22'))).toThrow(/2 application\(s\)/);
    const round = closeRound(opened(), state, on('2025-09-22'));
    expect(round).toMatchObject({ status: 'closed', version: 2, versionHash: 'b'.repeat(64), revision: 1, closedAt: '2025-09-22T02:00:00.000Z' });
    expect(() => closeRound(round, state, on('2025-09-23'))).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('publishes for 5 working days after the day of publication, across National Day and its worked Saturday', () => {
    // 30 Sep 2025: 1–8 Oct are off; 9, 10, 11 (Saturday, worked in lieu), 13, 14 October.
    const round = publishRound(closed(), on('2025-09-30'));
    expect(round).toMatchObject({ status: 'published', publishedOn: '2025-09-30', publicationEndsOn: '2025-10-14' });
    // An ordinary week: Monday 15 Sep → Monday 22 Sep.
    expect(publishRound(closed(), on('2025-09-15')).publicationEndsOn).toBe('2025-09-22');
    // Spring Festival 2026 with the adjusted Saturdays 14 and 28 February: 13, 14, 24, 25, 26.
    expect(publishRound(closed(), on('2026-02-12')).publicationEndsOn).toBe('2026-02-26');
  });

  it('uses the statutory days and the override table for years the holiday library does not know', () => {
    const overrides = [
      { date: '2027-02-05', kind: 'holiday' as const },
      { date: '2027-02-08', kind: 'holiday' as const },
      { date: '2027-02-13', kind: 'workday' as const },
    ];
    // Thursday 4 Feb 2027: 5–8 Spring Festival (除夕 to 初三, by law), 9, 10, 11, 12, 13 (Saturday, worked).
    expect(publishRound(closed(), on('2027-02-04', overrides)).publicationEndsOn).toBe('2027-02-13');
    // By law alone: 9, 10, 11, 12, 15.
    expect(publishRound(closed(), on('2027-02-04')).publicationEndsOn).toBe('2027-02-15');
  });

  it('finalizes only after the public notice and once every objection is answered, and never changes after', () => {
    const published = publishRound(closed(), on('2025-09-30'));
    expect(() => finalizeRound(published, { openObjections: 0 }, on('2025-10-14'))).toThrow(/public until 2025-10-14/);
    expect(() => finalizeRound(published, { openObjections: 1 }, on('2025-10-15'))).toThrow(/not answered/);
    const final = finalizeRound(published, { openObjections: 0 }, on('2025-10-15'));
    expect(final).toMatchObject({ status: 'final', finalizedAt: '2025-10-15T02:00:00.000Z' });
    expect(() => finalizeRound(final, { openObjections: 0 }, on('2025-10-16'))).toThrow(/final and can no longer change/);
    expect(() => publishRound(final, on('2025-10-16'))).toThrow(/final/);
  });
});
