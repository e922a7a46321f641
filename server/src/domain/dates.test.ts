import { describe, expect, it } from 'vitest';
import { fullMonthsBetween, fullYearsBetween, parseDate } from './dates';

describe('dates', () => {
  it('counts full years (周岁) only once the birthday is reached', () => {
    expect(fullYearsBetween('1986-07-01', '2026-06-30')).toBe(39);
    expect(fullYearsBetween('1986-07-01', '2026-07-01')).toBe(40);
    expect(fullYearsBetween('2000-02-29', '2025-02-28')).toBe(24);
    expect(fullYearsBetween('2000-02-29', '2025-03-01')).toBe(25);
  });
  it('counts full months, end of month included', () => {
    expect(fullMonthsBetween('2021-01-15', '2021-02-14')).toBe(0);
    expect(fullMonthsBetween('2021-01-15', '2021-02-15')).toBe(1);
    expect(fullMonthsBetween('2021-01-31', '2021-02-28')).toBe(1);
    expect(fullMonthsBetween('2016-06-30', '2026-06-30')).toBe(120);
  });
  it('rejects what is not a calendar date', () => {
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseDate('2026-13-01')).toBeUndefined();
    expect(parseDate('2026-1-01')).toBeUndefined();
  });
});
