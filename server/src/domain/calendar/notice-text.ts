import { JifenError, type FieldError } from '../errors';
import type { NoticeHoliday, NoticeWorkday } from './notice';

/** A notice's days as read from text or a calendar file, before the admin confirms them. */
export interface ParsedNotice {
  holidays: NoticeHoliday[];
  workdays: NoticeWorkday[];
  /** Lines with dates that say neither 放假 nor 上班, shown back so nothing is dropped unseen. */
  ignored: { line: number; text: string }[];
}

const SECTION = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:，,。]+?)\s*[：:]/;
const DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const ASIDE = /（[^）]*(?:周|星期|农历)[^）]*）|\([^)]*(?:周|星期|农历)[^)]*\)/g;
const RANGE = /^\s*(?:至|到|~|～|—|–|-|\.\.)\s*$/;
const WORKDAY = /上班|补班|workday/i;
const HOLIDAY = /放假|休|holiday/i;
const NOISE = /放假|调休|上班|补班|休息|holiday|workday|共\s*\d+\s*天|至|到|[~～—–、,，:：;；。]/gi;

/**
 * Reads a State Council holiday notice pasted as text: either the notice itself (“一、元旦：1月1日（周五）至
 * 3日（周日）放假调休，共3天。”, “2月20日（周六）上班。”) or a list, one entry a line
 * (“2027-02-05 至 2027-02-13 放假 春节”, “2027-02-20 上班 春节”). Dates without a year are in `year`; a date
 * without a month takes the month before it (“2月5日至13日”). Throws `validation_failed` naming each line it
 * cannot read.
 *
 * @example
 * parseNoticeText('一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。', 2027).holidays;
 * // [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }]
 */
export function parseNoticeText(text: string, year: number): ParsedNotice {
  const out: ParsedNotice = { holidays: [], workdays: [], ignored: [] };
  const problems: FieldError[] = [];
  text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      let rest = raw;
      const section = SECTION.exec(rest);
      if (section) rest = rest.slice(section[0].length);
      for (const clause of rest.replace(ASIDE, '').split(/[。；;]/)) {
        const dates = readDates(clause, year);
        if (dates.length === 0) continue;
        const bad = dates.find((d) => typeof d.date !== 'string');
        if (bad) {
          problems.push({ path: `text.${line}`, message: `line ${line} / 第 ${line} 行: "${clause.trim()}" has a day without its month`, messageZh: `第 ${line} 行：“${clause.trim()}”中有日期缺少月份` });
          continue;
        }
        const kind = WORKDAY.test(clause) ? 'workday' : HOLIDAY.test(clause) ? 'holiday' : undefined;
        if (!kind) {
          out.ignored.push({ line, text: clause.trim() });
          continue;
        }
        const leftover = clause.replace(DATE, ' ').replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
        const name = section?.[1]?.trim() || leftover;
        if (!name) {
          problems.push({ path: `text.${line}`, message: `line ${line} / 第 ${line} 行: name the holiday (e.g. 春节)`, messageZh: `第 ${line} 行：请写明节日名称（如 春节）` });
          continue;
        }
        if (kind === 'workday') {
          for (const d of dates) out.workdays.push({ date: d.date as string, name });
          continue;
        }
        for (let k = 0; k < dates.length; k++) {
          const from = dates[k]!;
          const next = dates[k + 1];
          if (next && RANGE.test(clause.slice(from.end, next.start))) {
            out.holidays.push({ from: from.date as string, to: next.date as string, name });
            k++;
          } else out.holidays.push({ from: from.date as string, to: from.date as string, name });
        }
      }
    });
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Calendar: the notice text has lines that cannot be read', zh: '通知文字中有几行无法读取' }, problems);
  return out;
}

function readDates(clause: string, year: number): { date: string | undefined; start: number; end: number }[] {
  const found: { date: string | undefined; start: number; end: number }[] = [];
  let month: number | undefined;
  let y = year;
  for (const m of clause.matchAll(DATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) {
      y = Number(m[1]);
      month = Number(m[2]);
      found.push({ date: iso(y, month, Number(m[3])), start, end });
      continue;
    }
    if (m[4]) y = Number(m[4]);
    if (m[5]) month = Number(m[5]);
    found.push({ date: month === undefined ? undefined : iso(y, month, Number(m[6])), start, end });
  }
  return found;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
