import { describe, expect, it } from 'vitest';
import { coverage } from './coverage';

describe('calendar coverage', () => {
  it('knows the years the holiday library has data for', () => {
    expect(coverage(2025)).toEqual({ year: 2025, official: true, overrides: 0, known: true });
    expect(coverage(2026).official).toBe(true);
  });

  it('flags a year with neither official data nor overrides, until an admin enters it', () => {
    expect(coverage(2027)).toEqual({ year: 2027, official: false, overrides: 0, known: false });
    const overrides = [
      { date: '2027-01-01', kind: 'holiday' as const, note: '元旦' },
      { date: '2026-12-31', kind: 'workday' as const },
    ];
    expect(coverage(2027, overrides)).toEqual({ year: 2027, official: false, overrides: 1, known: true });
  });

  it('rejects what is not a year', () => {
    expect(() => coverage(20.5)).toThrow(/not a year/);
  });
});
