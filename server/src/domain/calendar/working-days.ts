import { JifenError } from '../errors';
import type { Text } from '../rule-set/schema';
import { addDays, assertDate, weekday } from './day';
import { asCalendar, type CalendarInput } from './calendar';
import { noticeDays } from './notice';
import { hasOfficialYear, officialDay } from './official';
import { indexOverrides } from './overrides';
import { statutoryDay } from './statutory';

/**
 * Working days (工作日) by the official Chinese holiday calendar: weekends and public holidays are off,
 * adjusted working weekends (调休上班) are on. A day is decided, first match wins, by
 * 1. an admin's override of that one day;
 * 2. a confirmed State Council notice naming the day;
 * 3. the `chinese-days` library's official data (official.ts), for the years it has and no notice overrides;
 *    such a year stops here;
 * 4. the law's statutory days off (statutory.ts): in a year with a notice (a notice never takes one away, so
 *    one left out of the entered text still counts), and in a year with neither — whose bridging days and 调休
 *    are unknown until the notice comes, so `coverage(year)` marks its deadlines provisional;
 * 5. the weekday.
 */

/** Where a day's status comes from. */
export type DaySource = 'override' | 'notice' | 'official' | 'statutory' | 'weekday';

export interface DayDetail {
  date: string;
  working: boolean;
  source: DaySource;
  /** The holiday or the override's note, when there is one. */
  name?: Text;
  /** The notice that decides the day, when one does. */
  notice?: string;
}

// Scanning longer than this means the calendar (or an override table) has no working days left.
const MAX_SCAN_DAYS = 3660;

/**
 * Whether `date` is a working day.
 *
 * @example
 * isWorkingDay('2025-10-08'); // false: National Day holiday
 * isWorkingDay('2025-10-11'); // true: a Saturday worked in lieu (调休上班)
 */
export function isWorkingDay(date: string, calendar: CalendarInput = []): boolean {
  return dayDetail(date, calendar).working;
}

/** Whether `date` is a working day, and why. */
export function dayDetail(date: string, calendar: CalendarInput = []): DayDetail {
  const { y } = assertDate(date, 'date');
  const { overrides, notices } = asCalendar(calendar);
  const override = indexOverrides(overrides).get(date);
  if (override) {
    const note = override.note ? { name: { zh: override.note, en: override.note } } : {};
    return { date, working: override.kind === 'workday', source: 'override', ...note };
  }
  const noticed = noticeDays(notices).get(date);
  if (noticed) return { date, working: noticed.working, source: 'notice', name: noticed.name, notice: noticed.notice };
  const noticeYear = notices.some((n) => n.year === y);
  if (!noticeYear) {
    const official = officialDay(date);
    if (official) return { date, source: 'official', ...official };
  }
  // The law's days off stand even where a notice, as entered, leaves one out.
  if (noticeYear || !hasOfficialYear(y)) {
    const statutory = statutoryDay(date);
    if (statutory) return { date, working: false, source: 'statutory', name: statutory.name };
  }
  const day = weekday(date);
  return { date, working: day !== 0 && day !== 6, source: 'weekday' };
}

/**
 * The `n`th working day after `start`; `start` itself never counts, even when it is a working day.
 * This is how Jifen reads "within 10 working days from submission" (自受理之日起10个工作日内): the count
 * starts on the next working day after the day of submission, and the deadline is the end of the 10th
 * working day. `n = 0` gives `start`.
 *
 * @example
 * addWorkingDays('2025-09-30', 10); // '2025-10-21' (National Day 1–8 Oct off, Saturday 11 Oct worked)
 */
export function addWorkingDays(start: string, n: number, calendar: CalendarInput = []): string {
  assertDate(start, 'start');
  if (!Number.isInteger(n) || n < 0 || n > 3650) {
    throw new JifenError('validation_failed', { en: `Calendar: working days must be a whole number from 0 to 3650, not ${n}`, zh: '工作日天数必须是 0 到 3650 之间的整数' }, [
      { path: 'n', message: 'must be a whole number from 0 to 3650' },
    ]);
  }
  let date = start;
  let left = n;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS + n * 2) throw noWorkingDays(start);
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/**
 * The number of working days after `from` up to and including `to` — the inverse of `addWorkingDays`:
 * `workingDaysBetween(s, addWorkingDays(s, n)) === n`. Negative when `to` is before `from`.
 *
 * @example
 * workingDaysBetween('2025-09-30', '2025-10-09'); // 1
 */
export function workingDaysBetween(from: string, to: string, calendar: CalendarInput = []): number {
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let date = from, scanned = 0; date < to; scanned++) {
    if (scanned > 366 * 100) throw new JifenError('validation_failed', { en: 'Calendar: dates are more than 100 years apart', zh: '两个日期相隔超过 100 年' });
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

function noWorkingDays(start: string): JifenError {
  return new JifenError('validation_failed', { en: `Calendar: no working day within ten years after ${start}; check the override table`, zh: `${start} 之后十年内没有工作日，请检查调休表` });
}
