import { JifenError } from '../errors';
import { hasOfficialYear } from './official';
import { indexOverrides, type CalendarOverride } from './overrides';

/** What Jifen knows about one year's holidays. */
export interface YearCoverage {
  year: number;
  /** The holiday library has the official arrangement for this year. */
  official: boolean;
  /** Override entries dated in this year. */
  overrides: number;
  /**
   * False when the year has neither official data nor any override: working days then only skip weekends,
   * and an admin should enter the year's holidays before deadlines in it are trusted.
   */
  known: boolean;
}

/**
 * Whether the official calendar for `year` is known, to the library or through overrides.
 *
 * @example
 * coverage(2026).known; // true (the library's data)
 * coverage(2027).known; // false until an admin enters 2027's holidays
 */
export function coverage(year: number, overrides: readonly CalendarOverride[] = []): YearCoverage {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new JifenError('validation_failed', `Calendar: ${year} is not a year`, [{ path: 'year', message: 'must be a year from 1900 to 9999' }]);
  }
  const prefix = `${year}-`;
  let count = 0;
  for (const date of indexOverrides(overrides).keys()) if (date.startsWith(prefix)) count++;
  const official = hasOfficialYear(year);
  return { year, official, overrides: count, known: official || count > 0 };
}
