import { enCalendar } from './calendar.en';
import { zhCalendar } from './calendar.zh';
import { getLang, type Lang } from '../i18n';

/** The working-day calendar screen's strings; they load with the screen, not with the editor. */
export type CalendarMessages = typeof zhCalendar;

/**
 * The calendar screen's strings in the current language (re-read on each render, with an `I18nController`).
 *
 * @example
 * html`<h1>${calendarMessages().calTitle}</h1>`;
 */
export function calendarMessages(lang: Lang = getLang()): CalendarMessages {
  return lang === 'zh' ? zhCalendar : enCalendar;
}
