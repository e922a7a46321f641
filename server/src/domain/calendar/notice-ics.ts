import ICAL from 'ical.js';
import { JifenError } from '../errors';
import { addDays } from './day';
import type { ParsedNotice } from './notice-text';

const WORKDAY = /[（(]\s*班\s*[)）]|上班|补班|workday/i;
const HOLIDAY = /[（(]\s*休\s*[)）]|放假|休|holiday/i;
const MARK = /\s*[（(]\s*[班休]\s*[)）]\s*|调休上班|上班|补班|放假/g;

/**
 * Reads the days of `year` from an iCalendar file (.ics) of the holiday arrangement, such as the calendars
 * that publish “春节(休)” and “春节(班)” events: an all-day event is a day off or, when its summary says 班 /
 * 上班, a worked weekend day; its last day is the day before DTEND. Events wholly outside `year` are left
 * out (a calendar often spans several years); events that say neither are shown back as `ignored`.
 *
 * @example
 * parseNoticeIcs(ics, 2027).workdays; // [{ date: '2027-02-20', name: '春节' }, …]
 */
export function parseNoticeIcs(ics: string, year: number): ParsedNotice {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(ics));
  } catch (error) {
    throw new JifenError('validation_failed', { en: 'Calendar: the file is not an iCalendar (.ics) file', zh: '这个文件不是日历文件（.ics）' }, [
      { path: 'ics', message: `cannot be read as iCalendar: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
  const out: ParsedNotice = { holidays: [], workdays: [], ignored: [] };
  root.getAllSubcomponents('vevent').forEach((component, i) => {
    const event = new ICAL.Event(component);
    if (!event.startDate) return;
    const from = dateOf(event.startDate);
    const lastExclusive = event.endDate ? dateOf(event.endDate) : from;
    const to = event.startDate.isDate && lastExclusive > from ? addDays(lastExclusive, -1) : lastExclusive > from ? lastExclusive : from;
    if (to < `${year}-01-01` || from > `${year}-12-31`) return;
    const summary = (event.summary ?? '').trim();
    const name = summary.replace(MARK, '').trim() || summary;
    if (WORKDAY.test(summary)) {
      for (let d = from; d <= to; d = addDays(d, 1)) out.workdays.push({ date: d, name });
    } else if (HOLIDAY.test(summary)) out.holidays.push({ from, to, name });
    else out.ignored.push({ line: i + 1, text: `${from} ${summary}` });
  });
  return out;
}

function dateOf(time: ICAL.Time): string {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}
