import { JifenError } from '../errors';
import { asCalendar, type CalendarInput } from './calendar';
import { hasOfficialYear } from './official';
import { indexOverrides } from './overrides';

/**
 * Where one year's holidays come from:
 * - `official`: the holiday library has the State Council's arrangement for the year;
 * - `notice`: an admin entered and confirmed the year's State Council notice;
 * - `statutory`: neither — only the law's statutory days are off; the notice's bridging days, make-up days
 *   and 调休 are unknown, so deadlines in the year are provisional.
 * Single-day overrides correct any year but never change its state.
 */
export type YearState = 'official' | 'notice' | 'statutory';

/** What Jifen knows about one year's holidays. */
export interface YearCoverage {
  year: number;
  state: YearState;
  /** The holiday library has the official arrangement for this year. */
  official: boolean;
  /** Override entries dated in this year. */
  overrides: number;
  /** The year's arrangement is known (`official` or `notice`); deadlines in a year not known are provisional. */
  known: boolean;
  /** The confirmed notice's title, when the state is `notice`. */
  notice?: string;
}

/**
 * What Jifen knows of `year`'s holidays.
 *
 * @example
 * coverage(2026).state; // 'official' (the library's data)
 * coverage(2027).state; // 'statutory' until an admin confirms 2027's notice
 */
export function coverage(year: number, calendar: CalendarInput = []): YearCoverage {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new JifenError('validation_failed', { en: `Calendar: ${year} is not a year`, zh: `${year} 不是有效的年份` }, [{ path: 'year', message: 'must be a year from 1900 to 9999' }]);
  }
  const { overrides, notices } = asCalendar(calendar);
  const prefix = `${year}-`;
  let count = 0;
  for (const date of indexOverrides(overrides).keys()) if (date.startsWith(prefix)) count++;
  const official = hasOfficialYear(year);
  const notice = notices.find((n) => n.year === year);
  const state: YearState = notice ? 'notice' : official ? 'official' : 'statutory';
  return { year, state, official, overrides: count, known: state !== 'statutory', ...(notice ? { notice: notice.title } : {}) };
}

/**
 * The warning for a year whose arrangement is not known, in Chinese and English; undefined for a known year.
 *
 * @example
 * coverageWarning(coverage(2027)); // '2027 年尚无已确认的国务院节假日安排通知…'
 */
export function coverageWarning(year: YearCoverage): string | undefined {
  if (year.known) return undefined;
  return (
    `${year.year} 年尚无已确认的国务院节假日安排通知：只计法定节假日，补假、调休未计，该年内的期限为暂定。` +
    ` / ${year.year}: no confirmed State Council holiday notice; only the statutory holidays are counted (not its make-up days or adjusted working days), so deadlines in ${year.year} are provisional.`
  );
}

/** Coverage of every year from `from` to `to`, each with its warning when it is not known. */
export function coverageOfYears(calendar: CalendarInput, from: number, to: number): (YearCoverage & { warning?: string })[] {
  const out: (YearCoverage & { warning?: string })[] = [];
  for (let year = from; year <= to; year++) {
    const c = coverage(year, calendar);
    const warning = coverageWarning(c);
    out.push(warning ? { ...c, warning } : c);
  }
  return out;
}
