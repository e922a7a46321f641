import cd from 'chinese-days';
import { JifenError } from '../errors';
import { addDays } from './day';

/**
 * The lunar calendar and the solar terms, from the `chinese-days` library (default import only: its named
 * exports crash at run time). Its conversions mix UTC and local time, so every call here is shaped to give
 * the same answer in any server time zone: lunar dates go in as local `Date`s (the library reads them with
 * local getters and counts days locally), and a solar term it formats from a UTC date is moved back by the
 * day a zone west of UTC takes off it.
 */

/** The years the library's lunar table covers. */
export const LUNAR_YEARS = { from: 1901, to: 2099 } as const;

function assertLunarYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.from || year > LUNAR_YEARS.to) {
    throw new JifenError('validation_failed', { en: `Calendar: no lunar calendar for ${year}`, zh: `无法推算 ${year} 年的农历` }, [
      { path: 'year', message: `the lunar calendar covers ${LUNAR_YEARS.from} to ${LUNAR_YEARS.to}`, messageZh: `农历只覆盖 ${LUNAR_YEARS.from} 至 ${LUNAR_YEARS.to} 年，无法推算 ${year} 年的法定节假日` },
    ]);
  }
}

/**
 * The Gregorian date of a day of the lunar year `year` (not a leap month).
 *
 * @example
 * solarDateOfLunar(2027, 1, 1); // '2027-02-06' (正月初一)
 */
export function solarDateOfLunar(year: number, month: number, day: number): string {
  assertLunarYear(year);
  return cd.getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * The day of the Qingming solar term (清明) in `year`.
 *
 * @example
 * qingming(2027); // '2027-04-05'
 */
export function qingming(year: number): string {
  assertLunarYear(year);
  const formatted = cd.getSolarTermDate(year, 4, 'pure_brightness');
  const [y, m, d] = formatted.split('-').map(Number) as [number, number, number];
  const westOfUtc = new Date(Date.UTC(y, m - 1, d)).getTimezoneOffset() > 0;
  return westOfUtc ? addDays(formatted, 1) : formatted;
}
