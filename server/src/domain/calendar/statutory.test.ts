import y2025 from 'chinese-days/dist/years/2025.json';
import y2026 from 'chinese-days/dist/years/2026.json';
import { afterEach, describe, expect, it } from 'vitest';
import { qingming, solarDateOfLunar } from './lunar';
import { statutoryHolidays } from './statutory';

// Placed by hand from 全国年节及纪念日放假办法 (2024 revision) and the lunar calendar: 2027's 正月初一 is
// Saturday 6 February, so 除夕 (腊月廿九, the twelfth month has 29 days) is Friday 5 February; 清明 falls on
// 5 April; 五月初五 is 9 June; 八月十五 is 15 September.
const LAW_2027 = [
  ['2027-01-01', '元旦'],
  ['2027-02-05', '春节'],
  ['2027-02-06', '春节'],
  ['2027-02-07', '春节'],
  ['2027-02-08', '春节'],
  ['2027-04-05', '清明节'],
  ['2027-05-01', '劳动节'],
  ['2027-05-02', '劳动节'],
  ['2027-06-09', '端午节'],
  ['2027-09-15', '中秋节'],
  ['2027-10-01', '国庆节'],
  ['2027-10-02', '国庆节'],
  ['2027-10-03', '国庆节'],
];

const list = (year: number) => statutoryHolidays(year).map((d) => [d.date, d.name.zh]);

describe('statutory holidays by the law', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('places the 13 statutory days of 2027', () => {
    expect(list(2027)).toEqual(LAW_2027);
  });

  it('converts the lunar dates and the solar term the same in every server time zone', () => {
    for (const [tz, offset] of [['America/Los_Angeles', 420], ['Asia/Shanghai', -480], ['Pacific/Kiritimati', -840], ['UTC', 0]] as const) {
      process.env.TZ = tz;
      expect(new Date(Date.UTC(2027, 3, 5)).getTimezoneOffset(), tz).toBe(offset);
      expect([solarDateOfLunar(2027, 1, 1), qingming(2027), solarDateOfLunar(2027, 5, 5), solarDateOfLunar(2027, 8, 15)], tz).toEqual([
        '2027-02-06',
        '2027-04-05',
        '2027-06-09',
        '2027-09-15',
      ]);
      expect(qingming(2028), tz).toBe('2028-04-04');
    }
  });

  it('counts 中秋 once when it falls in the National Day days (2028: 3 October)', () => {
    // 2028: 正月初一 26 January, so 除夕 is 25 January; 清明 4 April; 端午 28 May; 中秋 3 October.
    expect(list(2028)).toEqual([
      ['2028-01-01', '元旦'],
      ['2028-01-25', '春节'],
      ['2028-01-26', '春节'],
      ['2028-01-27', '春节'],
      ['2028-01-28', '春节'],
      ['2028-04-04', '清明节'],
      ['2028-05-01', '劳动节'],
      ['2028-05-02', '劳动节'],
      ['2028-05-28', '端午节'],
      ['2028-10-01', '国庆节'],
      ['2028-10-02', '国庆节'],
      ['2028-10-03', '中秋节'],
    ]);
  });

  it('is a subset of the official days off of the years the holiday library knows', () => {
    for (const [year, file] of [[2025, y2025], [2026, y2026]] as const) {
      const off = Object.keys(file.holidays);
      const statutory = statutoryHolidays(year).map((d) => d.date);
      expect(statutory.filter((d) => !off.includes(d)), String(year)).toEqual([]);
    }
  });

  it('refuses a year outside the lunar table', () => {
    expect(() => statutoryHolidays(2100)).toThrow(/no lunar calendar for 2100/);
  });
});
