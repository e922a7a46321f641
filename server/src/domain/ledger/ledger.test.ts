import { describe, expect, it } from 'vitest';
import { refusal } from '../../../../test/support/callers/refusal';
import { balanceAt, canSpend, lotsAt, planSpend, type LedgerEntry } from './ledger';
import { lastValidDay } from './term';

const IND = 'socialService';
let n = 0;
const earn = (points: number, earnedOn: string, indicator = IND): LedgerEntry => ({ id: `e${++n}`, indicator, points, earnedOn, kind: 'earn', ref: 'volunteer-hours' });
const spend = (points: number, earnedOn: string): LedgerEntry => ({ id: `s${++n}`, indicator: IND, points, earnedOn, kind: 'spend', ref: 'benefit:park-pass' });


describe('ledger term', () => {
  it('keeps points through 31 December of the last year of the term and lapses them on 1 January', () => {
    expect(lastValidDay('2024-06-01', 2)).toBe('2025-12-31');
    expect(lastValidDay('2024-12-31', 1)).toBe('2024-12-31');
    const entries = [earn(10, '2024-06-01')];
    expect(balanceAt(entries, IND, 2, '2025-12-31')).toBe(10);
    expect(balanceAt(entries, IND, 2, '2026-01-01')).toBe(0);
    expect(balanceAt(entries, IND, 3, '2026-01-01')).toBe(10);
    // Earned on the last day of the year with a one-year term: valid that day only.
    const lateEarner = [earn(4, '2024-12-31')];
    expect(balanceAt(lateEarner, IND, 1, '2024-12-31')).toBe(4);
    expect(balanceAt(lateEarner, IND, 1, '2025-01-01')).toBe(0);
  });

  it('counts nothing before it is earned, and only the indicator asked for', () => {
    const entries = [earn(10, '2025-03-01'), earn(7, '2025-03-01', 'otherLedger')];
    expect(balanceAt(entries, IND, 2, '2025-02-28')).toBe(0);
    expect(balanceAt(entries, IND, 2, '2025-03-01')).toBe(10);
  });
});

describe('spending', () => {
  it('spends the oldest valid points first (FIFO) and keeps sums exact', () => {
    const [a, b, c] = [earn(0.1, '2024-05-01'), earn(0.2, '2025-01-10'), earn(5, '2025-06-01')];
    const entries = [c, a, b]; // stored order does not matter; dates do
    const plan = planSpend(entries, IND, 2, 2.3, '2025-07-01');
    expect(plan.consumes).toEqual([
      { entry: a!.id, points: 0.1 },
      { entry: b!.id, points: 0.2 },
      { entry: c!.id, points: 2 },
    ]);
    expect(plan.balanceBefore).toBe(5.3);
    expect(plan.balanceAfter).toBe(3);
    const after = [...entries, spend(2.3, '2025-07-01')];
    expect(lotsAt(after, IND, 2, '2025-07-01')).toEqual([{ entry: c!.id, earnedOn: '2025-06-01', lastValidDay: '2026-12-31', points: 3 }]);
  });

  it('skips lapsed points: a spend on 1 January cannot use points that lapsed the day before', () => {
    const [old, fresh] = [earn(8, '2024-03-01'), earn(3, '2025-02-01')];
    expect(planSpend([old!, fresh!], IND, 1, 2, '2024-12-31').consumes).toEqual([{ entry: old!.id, points: 2 }]);
    expect(planSpend([old!, fresh!], IND, 1, 2, '2025-02-01').consumes).toEqual([{ entry: fresh!.id, points: 2 }]);
    expect(canSpend([old!, fresh!], IND, 1, 4, '2025-02-01')).toBe(false);
  });

  it('refuses a spend that exceeds the balance, never going below zero', () => {
    const entries = [earn(6, '2025-01-01'), spend(4, '2025-02-01')];
    expect(balanceAt(entries, IND, 2, '2025-03-01')).toBe(2);
    expect(canSpend(entries, IND, 2, 2, '2025-03-01')).toBe(true);
    expect(canSpend(entries, IND, 2, 2.01, '2025-03-01')).toBe(false);
    const error = refusal(() => planSpend(entries, IND, 2, 3, '2025-03-01'));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Ledger: insufficient points for socialService: 3 needed, 2 available on 2025-03-01');
  });

  it('refuses a back-dated spend that would leave a later spend uncovered', () => {
    const entries = [earn(5, '2025-01-01'), spend(4, '2025-05-01')];
    expect(balanceAt(entries, IND, 2, '2025-03-01')).toBe(5);
    const error = refusal(() => planSpend(entries, IND, 2, 2, '2025-03-01'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('2025-05-01');
  });

  it('reads a balance of 0, not an error, when a shorter term leaves a spend already made uncovered', () => {
    // 5 points earned in 2024 and 4 spent in 2025 under a 2-year term; read with a 1-year term, the points
    // had lapsed before the spend: the spend stands, it takes nothing, and later points are still there.
    const entries = [earn(5, '2024-06-01'), spend(4, '2025-03-01'), earn(2, '2025-04-01')];
    expect(balanceAt(entries, IND, 2, '2025-06-01')).toBe(3);
    expect(balanceAt(entries, IND, 1, '2025-03-01')).toBe(0);
    expect(balanceAt(entries, IND, 1, '2025-06-01')).toBe(2);
    expect(canSpend(entries, IND, 1, 2, '2025-06-01')).toBe(true);
    expect(canSpend(entries, IND, 1, 2.01, '2025-06-01')).toBe(false);
  });

  it('rejects malformed input with the field at fault', () => {
    expect(refusal(() => planSpend([earn(5, '2025-01-01')], IND, 2, 0, '2025-03-01')).fields).toEqual([{ path: 'cost', message: 'must be a positive number' }]);
    expect(refusal(() => planSpend([earn(5, '2025-01-01')], IND, 2, 0.001, '2025-03-01')).code).toBe('validation_failed');
    expect(refusal(() => balanceAt([earn(5, '2025-02-30')], IND, 2, '2025-03-01')).fields?.[0]?.path).toBe('entries.0.earnedOn');
    expect(refusal(() => balanceAt([], IND, 0, '2025-03-01')).fields?.[0]?.path).toBe('termYears');
  });
});
