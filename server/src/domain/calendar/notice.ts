import { JifenError, type FieldError } from '../errors';
import type { Text } from '../rule-set/schema';
import { addDays, assertDate, weekday } from './day';
import { LUNAR_YEARS } from './lunar';
import { statutoryHolidays } from './statutory';

/**
 * A State Council notice of one year's holiday arrangement (国务院办公厅关于某年部分节假日安排的通知): the
 * ranges of days off (statutory days, make-up days and bridging days together) and the weekend days that
 * are worked instead (调休上班). Once an admin confirms it, it decides every day of its year; days it does
 * not name are ordinary weekdays and weekends.
 */
export interface HolidayNotice {
  year: number;
  /** e.g. "国务院办公厅关于2027年部分节假日安排的通知". */
  title: string;
  holidays: readonly NoticeHoliday[];
  workdays: readonly NoticeWorkday[];
}

/** Days off from `from` to `to`, both included. */
export interface NoticeHoliday {
  from: string;
  to: string;
  name: string;
}

/** A weekend day worked in lieu (调休上班). */
export interface NoticeWorkday {
  date: string;
  name: string;
}

/** What a notice says of one day. */
export interface NoticeDay {
  working: boolean;
  name: Text;
  notice: string;
  year: number;
}

// A notice may start its year's 元旦 break in the last days of December before it (e.g. 2018-12-30).
const earliest = (year: number) => `${year - 1}-12-01`;
const latest = (year: number) => `${year}-12-31`;
const MAX_RANGE_DAYS = 15;

/**
 * Checks a notice and answers it unchanged, or throws `validation_failed` naming every offending field:
 * dates outside the notice's year, a range ending before it starts, a day both off and worked, a day listed
 * twice, a worked day that is not a Saturday or Sunday.
 *
 * @example
 * checkNotice({ year: 2027, title: '…', holidays: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }], workdays: [] });
 */
export function checkNotice(notice: HolidayNotice): HolidayNotice {
  const problems: FieldError[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < LUNAR_YEARS.from || year > LUNAR_YEARS.to) {
    problems.push({ path: 'year', message: `must be a year from ${LUNAR_YEARS.from} to ${LUNAR_YEARS.to}`, messageZh: `年份须在 ${LUNAR_YEARS.from} 至 ${LUNAR_YEARS.to} 之间` });
    throw invalid(problems);
  }
  if (!notice.title.trim()) problems.push({ path: 'title', message: 'must name the notice', messageZh: '请填写通知标题' });
  if (notice.holidays.length === 0) problems.push({ path: 'holidays', message: 'must list at least one range of days off', messageZh: '未读到任何放假日期' });
  const seen = new Map<string, string>();
  const claim = (date: string, path: string) => {
    const first = seen.get(date);
    if (first) problems.push({ path, message: `${date} is already listed at ${first}`, messageZh: `${date} 已在 ${first} 列出，同一天不能既放假又上班或重复列出` });
    else seen.set(date, path);
  };
  const inYear = (date: string, path: string) => {
    if (date < earliest(year) || date > latest(year)) problems.push({ path, message: `${date} is outside the ${year} notice (${earliest(year)} to ${latest(year)})`, messageZh: `${date} 不在 ${year} 年通知的范围内（${earliest(year)} 至 ${latest(year)}）` });
  };
  notice.holidays.forEach((h, i) => {
    const ok = validDate(h.from, `holidays.${i}.from`, problems) && validDate(h.to, `holidays.${i}.to`, problems);
    if (!h.name.trim()) problems.push({ path: `holidays.${i}.name`, message: 'must name the holiday', messageZh: '请写明节日名称' });
    if (!ok) return;
    if (h.to < h.from) return void problems.push({ path: `holidays.${i}.to`, message: `ends before it starts (${h.from})`, messageZh: `结束日期早于开始日期（${h.from}）` });
    if (h.to > addDays(h.from, MAX_RANGE_DAYS - 1)) return void problems.push({ path: `holidays.${i}.to`, message: `a range of days off is at most ${MAX_RANGE_DAYS} days`, messageZh: `一段假期最多 ${MAX_RANGE_DAYS} 天` });
    inYear(h.from, `holidays.${i}.from`);
    inYear(h.to, `holidays.${i}.to`);
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) claim(d, `holidays.${i}`);
  });
  notice.workdays.forEach((w, i) => {
    if (!w.name.trim()) problems.push({ path: `workdays.${i}.name`, message: 'must name the holiday it makes up for', messageZh: '请写明调休对应的节日' });
    if (!validDate(w.date, `workdays.${i}.date`, problems)) return;
    inYear(w.date, `workdays.${i}.date`);
    const day = weekday(w.date);
    if (day !== 0 && day !== 6) problems.push({ path: `workdays.${i}.date`, message: `${w.date} is not a Saturday or Sunday, so it is a working day already`, messageZh: `${w.date} 不是周六或周日，本来就是工作日，不需调休上班` });
    claim(w.date, `workdays.${i}`);
  });
  if (problems.length > 0) throw invalid(problems);
  return notice;
}

/**
 * The statutory days of the notice's year that it does not give off — shown to the admin before confirming,
 * because a notice always includes them (a typo in a range is the usual cause).
 */
export function statutoryDaysMissing(notice: HolidayNotice): { date: string; name: Text }[] {
  const days = noticeDays([notice]);
  return statutoryHolidays(notice.year).filter((d) => days.get(d.date)?.working !== false);
}

const indexed = new WeakMap<readonly HolidayNotice[], ReadonlyMap<string, NoticeDay>>();

/**
 * Every day the given notices name, by date. Kept per array: pass a new array when the notices change.
 */
export function noticeDays(notices: readonly HolidayNotice[]): ReadonlyMap<string, NoticeDay> {
  const cached = indexed.get(notices);
  if (cached) return cached;
  const days = new Map<string, NoticeDay>();
  for (const n of notices) {
    for (const h of n.holidays) {
      for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.set(d, { working: false, name: { zh: h.name, en: h.name }, notice: n.title, year: n.year });
    }
    for (const w of n.workdays) days.set(w.date, { working: true, name: { zh: `${w.name}调休上班`, en: `${w.name}: adjusted working day` }, notice: n.title, year: n.year });
  }
  indexed.set(notices, days);
  return days;
}

function validDate(value: string, path: string, problems: FieldError[]): boolean {
  try {
    assertDate(value, path);
    return true;
  } catch (error) {
    if (error instanceof JifenError && error.fields) problems.push(...error.fields);
    return false;
  }
}

function invalid(problems: FieldError[]): JifenError {
  return new JifenError('validation_failed', { en: 'Calendar: invalid holiday notice', zh: '节假日通知有误' }, problems);
}
