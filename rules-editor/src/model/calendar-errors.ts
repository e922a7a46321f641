import { ApiError } from '../api/client';
import type { CalendarMessages } from '../i18n/calendar/calendar-messages';
import { localError, localMessage } from './field-errors';

/** The years the server can place statutory holidays in (its lunar calendar's range). */
export const NOTICE_YEARS = { from: 1901, to: 2099 } as const;

/** Where a calendar form shows a message: next to one of its fields, or by its main button. */
export type CalendarField = 'year' | 'text' | 'ics' | 'confirm' | 'date' | 'note' | 'form';

/** Messages by the field they belong to. */
export type CalendarErrors = Partial<Record<CalendarField, string[]>>;

/**
 * Checks a notice before it is sent: something to read, a year the server accepts, and a title that names
 * the same year (a notice pasted under the wrong year is the likeliest slip).
 *
 * @example
 * checkNoticeForm({ year: '2027', text: '', file: undefined }, msg()); // { text: ['请粘贴通知全文…'] }
 */
export function checkNoticeForm(form: { year: string; text: string; file?: File }, m: CalendarMessages): CalendarErrors {
  const errors: CalendarErrors = {};
  const year = Number(form.year);
  if (!/^\s*\d+\s*$/.test(form.year) || year < NOTICE_YEARS.from || year > NOTICE_YEARS.to) {
    errors.year = [m.calErrYear(NOTICE_YEARS.from, NOTICE_YEARS.to)];
  } else {
    const titled = /关于\s*(\d{4})\s*年部分节假日安排/.exec(form.text);
    if (titled && Number(titled[1]) !== year) errors.year = [m.calErrYearMismatch(Number(titled[1]), year)];
  }
  if (!form.file && form.text.trim() === '') errors.text = [m.calErrEmpty];
  return errors;
}

/**
 * A failed calendar request as messages at the fields they concern, in the language of the UI: the
 * server's own words (Chinese beside English) where they name a line or a date, and words for staff here
 * where the cause matters more than the detail (the network, a session that ended, no days read, a file
 * that is no calendar).
 */
export function calendarErrors(error: unknown, m: CalendarMessages, main: CalendarField): CalendarErrors {
  if (!(error instanceof ApiError)) return { [main]: [error instanceof Error ? error.message : String(error)] };
  if (error.status === 0) return { [main]: [m.calErrNetwork] };
  if (error.status === 401) return { [main]: [m.calErrSession] };
  if (error.status === 403) return { [main]: [m.calErrForbidden] };
  if (error.fields.length === 0) return { [main]: [localError(error)] };
  const errors: CalendarErrors = {};
  const add = (field: CalendarField, message: string) => (errors[field] ??= []).push(message);
  for (const f of error.fields) {
    const path = f.path.replace(/^(body|param|query)\./, '');
    if (error.status === 404 && path === 'date') add(main, m.calErrNoOverride);
    else if (path === 'holidays') add(main === 'ics' ? 'ics' : 'text', main === 'ics' ? m.calErrIcsNoDays : m.calErrNoDates);
    else if (path === 'year') add('year', f.messageZh ? localMessage(f) : m.calErrYear(NOTICE_YEARS.from, NOTICE_YEARS.to));
    else if (path === 'ics') add('ics', m.calErrIcs);
    else if (path === 'date') add('date', localMessage(f));
    else if (path === 'note') add('note', localMessage(f));
    else if (/^(text|holidays|workdays)\b/.test(path)) add('text', localMessage(f));
    else add(main, localMessage(f));
  }
  return errors;
}
