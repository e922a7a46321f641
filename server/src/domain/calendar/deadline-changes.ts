import type { Text } from '../rule-set/schema';
import type { CalendarInput } from './calendar';
import { addDays } from './day';
import { addWorkingDays, dayDetail, type DayDetail, type DaySource } from './working-days';

/** A deadline already set: the `days`-th working day after `from`, stored as `dueOn`. */
export interface SetDeadline {
  from: string;
  days: number;
  dueOn: string;
}

/** A deadline the new calendar moves, and why. */
export interface MovedDeadline<T extends SetDeadline> {
  deadline: T;
  newDueOn: string;
  /** The days between `from` and the later of the two dates whose status changed. */
  changedDays: { date: string; before: DayDetail; after: DayDetail }[];
  reason: Text;
}

/**
 * Recounts every deadline by the calendar `after` and answers those that move, each with the days that
 * changed between `before` and `after` — so that a reviewer sees the new date and its reason instead of a
 * deadline moving silently.
 *
 * @example
 * movedDeadlines([{ from: '2027-02-03', days: 10, dueOn: '2027-02-19' }], withNotice, statutoryOnly);
 * // [{ newDueOn: '2027-02-23', reason: { zh: '2027-02-09 放假（春节，国务院办公厅关于2027年…）…', en: … } }]
 */
export function movedDeadlines<T extends SetDeadline>(deadlines: readonly T[], after: CalendarInput, before: CalendarInput): MovedDeadline<T>[] {
  const moved: MovedDeadline<T>[] = [];
  for (const deadline of deadlines) {
    const newDueOn = addWorkingDays(deadline.from, deadline.days, after);
    if (newDueOn === deadline.dueOn) continue;
    const end = newDueOn > deadline.dueOn ? newDueOn : deadline.dueOn;
    const changedDays: MovedDeadline<T>['changedDays'] = [];
    for (let date = addDays(deadline.from, 1); date <= end; date = addDays(date, 1)) {
      const was = dayDetail(date, before);
      const is = dayDetail(date, after);
      if (was.working !== is.working) changedDays.push({ date, before: was, after: is });
    }
    moved.push({ deadline, newDueOn, changedDays, reason: reasonOf(deadline.dueOn, newDueOn, changedDays) });
  }
  return moved;
}

function reasonOf(dueOn: string, newDueOn: string, changed: MovedDeadline<SetDeadline>['changedDays']): Text {
  const head = { zh: `期限由 ${dueOn} 改为 ${newDueOn}：`, en: `Deadline moves from ${dueOn} to ${newDueOn}: ` };
  if (changed.length === 0) return { zh: `${head.zh}按现行工作日历重新计算。`, en: `${head.en}recounted by the working calendar in force.` };
  const zh = changed.map(({ date, after }) => `${date} ${after.working ? '上班' : '放假'}（${describe(after, 'zh')}）`);
  const en = changed.map(({ date, after }) => `${date} is ${after.working ? 'a working day' : 'a day off'} (${describe(after, 'en')})`);
  return { zh: `${head.zh}${zh.join('；')}。`, en: `${head.en}${en.join('; ')}.` };
}

const SOURCE = {
  override: { zh: '管理员调整', en: "an admin's override" },
  notice: { zh: '国务院通知', en: 'State Council notice' },
  official: { zh: '官方安排', en: 'the official arrangement' },
  statutory: { zh: '法定节假日', en: 'statutory holiday' },
  weekday: { zh: '平常日', en: 'an ordinary day' },
} as const satisfies Record<DaySource, Text>;

function describe(day: DayDetail, lang: 'zh' | 'en'): string {
  const source = day.notice ?? SOURCE[day.source][lang];
  const name = day.name?.[lang];
  return name ? `${name}${lang === 'zh' ? '，' : ', '}${source}` : source;
}
