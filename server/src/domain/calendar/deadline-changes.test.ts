import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './calendar';
import { movedDeadlines } from './deadline-changes';
import type { HolidayNotice } from './notice';
import { addWorkingDays } from './working-days';

const TITLE = '国务院办公厅关于2027年部分节假日安排的通知';
const notice: HolidayNotice = {
  year: 2027,
  title: TITLE,
  holidays: [
    { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
    { from: '2027-02-05', to: '2027-02-13', name: '春节' },
  ],
  workdays: [
    { date: '2027-01-31', name: '春节' },
    { date: '2027-02-20', name: '春节' },
  ],
};
const statutoryOnly: WorkingCalendar = { overrides: [], notices: [] };
const confirmed: WorkingCalendar = { overrides: [], notices: [notice] };

describe('deadlines a confirmed notice moves', () => {
  const set = [
    // Submitted Thursday 24 Dec 2026: 25, 28–31 Dec, 4–8 Jan. The notice's 2–3 Jan are a weekend anyway.
    { id: 'sa-1', from: '2026-12-24', days: 10, dueOn: '2027-01-08' },
    // Submitted Wednesday 3 Feb 2027: by law 4, 9–12, 15–19 Feb.
    { id: 'sa-2', from: '2027-02-03', days: 10, dueOn: '2027-02-19' },
  ];

  it('were counted by the law alone', () => {
    expect(set.map((d) => addWorkingDays(d.from, d.days, statutoryOnly))).toEqual(['2027-01-08', '2027-02-19']);
  });

  it('lists only the ones that change, with the new date and the days that changed', () => {
    const moved = movedDeadlines(set, confirmed, statutoryOnly);
    // With the notice: 4 Feb; 5–13 off; 15, 16, 17, 18, 19, 20 (Saturday, worked), 22, 23, 24.
    expect(moved.map((m) => [m.deadline.id, m.deadline.dueOn, m.newDueOn])).toEqual([['sa-2', '2027-02-19', '2027-02-24']]);
    expect(moved[0]!.changedDays.map((d) => [d.date, d.after.working])).toEqual([
      ['2027-02-09', false],
      ['2027-02-10', false],
      ['2027-02-11', false],
      ['2027-02-12', false],
      ['2027-02-20', true],
    ]);
    expect(moved[0]!.reason.zh).toBe(
      `期限由 2027-02-19 改为 2027-02-24：2027-02-09 放假（春节，${TITLE}）；2027-02-10 放假（春节，${TITLE}）；` +
        `2027-02-11 放假（春节，${TITLE}）；2027-02-12 放假（春节，${TITLE}）；2027-02-20 上班（春节调休上班，${TITLE}）。`,
    );
    expect(moved[0]!.reason.en).toMatch(/^Deadline moves from 2027-02-19 to 2027-02-24: 2027-02-09 is a day off \(春节, 国务院办公厅/);
  });

  it('moves nothing when the calendar does not change', () => {
    expect(movedDeadlines(set, statutoryOnly, statutoryOnly)).toEqual([]);
  });
});

describe('a confirmed notice that leaves a statutory day out', () => {
  it('still takes the law’s day off', () => {
    // The notice above lists only 元旦 and 春节; 清明 (Monday 5 April 2027) stays off by law.
    expect(addWorkingDays('2027-04-02', 1, confirmed)).toBe('2027-04-06');
  });
});
