import { describe, expect, it } from 'vitest';
import { coverage, coverageOfYears } from './coverage';
import type { HolidayNotice } from './notice';
import type { CalendarOverride } from './overrides';

const notice2027: HolidayNotice = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }],
  workdays: [],
};

describe('calendar coverage per year', () => {
  it('knows the years the holiday library has data for', () => {
    expect(coverage(2025)).toEqual({ year: 2025, state: 'official', official: true, overrides: 0, known: true });
    expect(coverage(2026).state).toBe('official');
  });

  it('keeps a year without data at "statutory only", however many days an admin overrides', () => {
    expect(coverage(2027)).toEqual({ year: 2027, state: 'statutory', official: false, overrides: 0, known: false });
    const overrides: CalendarOverride[] = [
      { date: '2027-01-01', kind: 'holiday', note: '元旦' },
      { date: '2026-12-31', kind: 'workday' },
    ];
    expect(coverage(2027, overrides)).toEqual({ year: 2027, state: 'statutory', official: false, overrides: 1, known: false });
  });

  it('knows a year once its notice is confirmed', () => {
    expect(coverage(2027, { overrides: [], notices: [notice2027] })).toEqual({
      year: 2027,
      state: 'notice',
      official: false,
      overrides: 0,
      known: true,
      notice: '国务院办公厅关于2027年部分节假日安排的通知',
    });
  });

  it('warns in Chinese and English, naming each year that is not known', () => {
    const years = coverageOfYears([], 2026, 2028);
    expect(years.map((y) => [y.year, y.state])).toEqual([[2026, 'official'], [2027, 'statutory'], [2028, 'statutory']]);
    expect(years[0]!.warning).toBeUndefined();
    expect(years[1]!.warning).toContain('2027 年尚无已确认的国务院节假日安排通知');
    expect(years[1]!.warning).toContain('deadlines in 2027 are provisional');
    expect(years[2]!.warning).toContain('2028');
  });

  it('rejects what is not a year', () => {
    expect(() => coverage(20.5)).toThrow(/not a year/);
  });
});
