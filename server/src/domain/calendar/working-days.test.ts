import cd from 'chinese-days';
import y2025 from 'chinese-days/dist/years/2025.json';
import y2026 from 'chinese-days/dist/years/2026.json';
import { describe, expect, it } from 'vitest';
import { JifenError } from '../errors';
import { addDays } from './day';
import type { CalendarOverride } from './overrides';
import { addWorkingDays, dayDetail, isWorkingDay, workingDaysBetween } from './working-days';

// The official arrangements (国办发明电〔2024〕12号 for 2025, the 2026 notice for 2026), as the library has them.
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('working days by the official calendar', () => {
  it('agrees with the holiday library on every day of the years it knows', () => {
    // The library's runtime functions are right only at or east of UTC (see official.ts); its per-year
    // data files are right everywhere.
    const runtimeRight = new Date(2025, 0, 1).getTimezoneOffset() <= 0;
    for (const date of days('2025-01-01', '2026-12-31')) {
      const file = date < '2026' ? y2025 : y2026;
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      const expected = date in file.workdays || (day >= 1 && day <= 5 && !(date in file.holidays));
      expect(isWorkingDay(date), date).toBe(expected);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      if (runtimeRight) expect(isWorkingDay(date), date).toBe(cd.isWorkday(new Date(y, m - 1, d)));
    }
  });

  it('takes National Day 2025 off and works the adjusted weekend days', () => {
    expect(days('2025-10-01', '2025-10-08').filter((d) => isWorkingDay(d))).toEqual([]);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday worked in lieu
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday worked in lieu
    expect(isWorkingDay('2025-10-12')).toBe(false); // an ordinary Sunday
    expect(dayDetail('2025-10-06')).toMatchObject({ working: false, source: 'official', name: { zh: '中秋' } });
    expect(dayDetail('2025-10-12')).toEqual({ date: '2025-10-12', working: false, source: 'weekday' });
  });

  it('counts a 10-working-day deadline from the next working day after submission, across National Day', () => {
    // Submitted Tuesday 30 Sep: 9, 10, 11 (Sat, worked), 13, 14, 15, 16, 17, 20, 21 October.
    expect(addWorkingDays('2025-09-30', 10)).toBe('2025-10-21');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    // Submitted on the adjusted Sunday 28 Sep, which is itself a working day but does not count.
    expect(addWorkingDays('2025-09-28', 2)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-28', 3)).toBe('2025-10-09');
    // Submitted during the holiday: the count starts after it.
    expect(addWorkingDays('2025-10-03', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-03', 0)).toBe('2025-10-03');
  });

  it('counts a deadline across Spring Festival 2026 and its two worked Saturdays', () => {
    // Submitted Thursday 12 Feb: 13, 14 (Sat, worked), 24, 25, 26, 27, 28 (Sat, worked), 2, 3, 4 March.
    expect(addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
    expect(days('2026-02-15', '2026-02-23').some((d) => isWorkingDay(d))).toBe(false);
  });

  it('measures working days as the inverse of adding them', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-21')).toBe(10);
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-10-21', '2025-09-30')).toBe(-10);
    expect(workingDaysBetween('2025-10-21', '2025-10-21')).toBe(0);
    for (const start of ['2025-09-26', '2025-10-04', '2026-02-13', '2026-12-30']) {
      for (const n of [0, 1, 5, 10, 23]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('a year the holiday library does not know (2027)', () => {
  it('takes the statutory days off and counts the rest as ordinary weeks', () => {
    // 元旦 Friday 1 January; 春节 Friday 5 to Monday 8 February; no 调休 is known yet.
    expect(dayDetail('2027-01-01')).toEqual({ date: '2027-01-01', working: false, source: 'statutory', name: { zh: '元旦', en: "New Year's Day" } });
    expect(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09'].map((d) => isWorkingDay(d))).toEqual([true, false, false, true]);
    expect(isWorkingDay('2027-04-05')).toBe(false); // 清明, a Monday
    expect(isWorkingDay('2027-06-09')).toBe(false); // 端午, a Wednesday
    expect(isWorkingDay('2027-09-15')).toBe(false); // 中秋, a Wednesday
  });

  it('counts a self-application submitted on Thursday 24 December 2026 to Friday 8 January 2027', () => {
    // 25, 28, 29, 30, 31 December; 1 January is 元旦; 4, 5, 6, 7, 8 January.
    expect(addWorkingDays('2026-12-24', 10)).toBe('2027-01-08');
  });

  it('counts across Spring Festival 2027 by the law alone', () => {
    // Submitted Wednesday 3 February: 4; 5–8 off (除夕 to 初三, with the weekend); 9, 10, 11, 12, 15, 16, 17, 18, 19.
    expect(addWorkingDays('2027-02-03', 10)).toBe('2027-02-19');
  });
});

describe('override table', () => {
  const y2027: CalendarOverride[] = [
    { date: '2027-02-09', kind: 'holiday', note: '春节补假' },
    { date: '2027-02-10', kind: 'holiday', note: '春节补假' },
    { date: '2027-02-13', kind: 'workday', note: '春节调休上班' },
  ];

  it('corrects or extends the library, and always wins', () => {
    expect(isWorkingDay('2027-02-09')).toBe(true); // by law alone, a Tuesday after 初三
    expect(isWorkingDay('2027-02-09', y2027)).toBe(false);
    expect(isWorkingDay('2027-02-13', y2027)).toBe(true); // a Saturday
    expect(dayDetail('2027-02-13', y2027)).toMatchObject({ source: 'override', name: { zh: '春节调休上班' } });
    // Thursday 4 Feb: 5–8 off by law, 9–10 off by override, 11, 12, 13 (Sat, worked), 15, 16.
    expect(addWorkingDays('2027-02-04', 5, y2027)).toBe('2027-02-16');
    expect(isWorkingDay('2025-10-09', [{ date: '2025-10-09', kind: 'holiday' }])).toBe(false);
  });

  it('rejects a contradictory or malformed table with the offending entry', () => {
    const bad: CalendarOverride[] = [...y2027, { date: '2027-02-09', kind: 'workday' }, { date: '2027-02-30', kind: 'holiday' }];
    try {
      isWorkingDay('2027-01-04', bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JifenError);
      expect((error as JifenError).fields?.map((f) => f.path)).toEqual(['overrides.3.date', 'overrides.4.date']);
    }
  });

  it('refuses bad input with a validation error, and a table without working days', () => {
    expect(() => addWorkingDays('2025-13-01', 1)).toThrow(/not a date/);
    expect(() => addWorkingDays('2025-10-01', -1)).toThrow(JifenError);
    expect(() => addWorkingDays('2025-10-01', 1.5)).toThrow(JifenError);
    const allOff: CalendarOverride[] = days('2030-01-01', '2045-12-31').map((date) => ({ date, kind: 'holiday' }));
    expect(() => addWorkingDays('2030-01-01', 1, allOff)).toThrow(/no working day/);
  });
});
