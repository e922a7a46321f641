import { describe, expect, it } from 'vitest';
import { JifenError } from '../errors';
import { checkNotice, statutoryDaysMissing, type HolidayNotice } from './notice';
import { parseNoticeIcs } from './notice-ics';
import { parseNoticeText } from './notice-text';

// A 2027 notice in the State Council's words (a worked example; the real notice decides the real days).
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历腊月廿九、周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月4日`;

describe('a State Council notice pasted as text', () => {
  it('reads the notice itself: each section, its ranges and its worked weekend days', () => {
    const parsed = parseNoticeText(NOTICE_2027, 2027);
    expect(parsed.holidays).toEqual([
      { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
      { from: '2027-02-05', to: '2027-02-13', name: '春节' },
      { from: '2027-04-03', to: '2027-04-05', name: '清明节' },
      { from: '2027-05-01', to: '2027-05-05', name: '劳动节' },
      { from: '2027-06-09', to: '2027-06-09', name: '端午节' },
      { from: '2027-09-15', to: '2027-09-15', name: '中秋节' },
      { from: '2027-10-01', to: '2027-10-07', name: '国庆节' },
    ]);
    expect(parsed.workdays).toEqual([
      { date: '2027-01-31', name: '春节' },
      { date: '2027-02-20', name: '春节' },
      { date: '2027-04-25', name: '劳动节' },
      { date: '2027-05-08', name: '劳动节' },
      { date: '2027-09-26', name: '国庆节' },
      { date: '2027-10-09', name: '国庆节' },
    ]);
    // The signature date says neither 放假 nor 上班: shown back, not silently used or dropped.
    expect(parsed.ignored).toEqual([{ line: 11, text: '2026年11月4日' }]);
    const notice = checkNotice({ year: 2027, title: '国务院办公厅关于2027年部分节假日安排的通知', ...parsed });
    expect(statutoryDaysMissing(notice)).toEqual([]);
  });

  it('reads a list, one entry a line', () => {
    const parsed = parseNoticeText('2027-02-05 至 2027-02-13 放假 春节\n2027-02-20 上班 春节\n2027-06-09 holiday 端午节', 2027);
    expect(parsed.holidays).toEqual([
      { from: '2027-02-05', to: '2027-02-13', name: '春节' },
      { from: '2027-06-09', to: '2027-06-09', name: '端午节' },
    ]);
    expect(parsed.workdays).toEqual([{ date: '2027-02-20', name: '春节' }]);
  });

  it('names the line it cannot read', () => {
    try {
      parseNoticeText('2027-02-05 放假 春节\n13日 放假 春节\n2027-03-01 放假', 2027);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JifenError);
      expect((error as JifenError).fields).toEqual([
        { path: 'text.2', message: 'line 2 / 第 2 行: "13日 放假 春节" has a day without its month', messageZh: '第 2 行：“13日 放假 春节”中有日期缺少月份' },
        { path: 'text.3', message: 'line 3 / 第 3 行: name the holiday (e.g. 春节)', messageZh: '第 3 行：请写明节日名称（如 春节）' },
      ]);
    }
  });
});

describe('a notice checked before it is shown back', () => {
  const base: HolidayNotice = { year: 2027, title: '国务院办公厅关于2027年部分节假日安排的通知', holidays: [], workdays: [] };

  it('refuses contradictions and typos, naming each field', () => {
    const notice: HolidayNotice = {
      ...base,
      holidays: [
        { from: '2027-02-05', to: '2027-02-13', name: '春节' },
        { from: '2027-10-07', to: '2027-10-01', name: '国庆节' },
        { from: '2028-01-01', to: '2028-01-01', name: '元旦' },
      ],
      workdays: [
        { date: '2027-02-13', name: '春节' }, // also a day off above
        { date: '2027-02-17', name: '春节' }, // a Wednesday
      ],
    };
    try {
      checkNotice(notice);
      expect.unreachable();
    } catch (error) {
      const fields = (error as JifenError).fields ?? [];
      expect(fields.every((f) => f.messageZh)).toBe(true);
      expect(fields.map(({ path, message }) => ({ path, message }))).toEqual([
        { path: 'holidays.1.to', message: 'ends before it starts (2027-10-07)' },
        { path: 'holidays.2.from', message: '2028-01-01 is outside the 2027 notice (2026-12-01 to 2027-12-31)' },
        { path: 'holidays.2.to', message: '2028-01-01 is outside the 2027 notice (2026-12-01 to 2027-12-31)' },
        { path: 'workdays.0', message: '2027-02-13 is already listed at holidays.0' },
        { path: 'workdays.1.date', message: '2027-02-17 is not a Saturday or Sunday, so it is a working day already' },
      ]);
    }
  });

  it('lists the statutory days a notice leaves out', () => {
    const notice = checkNotice({ ...base, holidays: [{ from: '2027-02-06', to: '2027-02-13', name: '春节' }] });
    expect(statutoryDaysMissing(notice).map((d) => `${d.date} ${d.name.zh}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });
});

describe('a notice uploaded as an iCalendar file', () => {
  const event = (start: string, end: string, summary: string) =>
    ['BEGIN:VEVENT', `UID:${start}-${summary}`, 'DTSTAMP:20261104T000000Z', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${summary}`, 'END:VEVENT'];
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//example//holidays//CN',
    ...event('20261001', '20261008', '国庆节(休)'),
    ...event('20270205', '20270214', '春节(休)'),
    ...event('20270131', '20270201', '春节(班)'),
    ...event('20270220', '20270221', '春节(班)'),
    ...event('20270314', '20270315', '植树节'),
    'END:VCALENDAR',
  ].join('\r\n');

  it('reads days off and worked days of the year, leaving other years out', () => {
    expect(parseNoticeIcs(ics, 2027)).toEqual({
      holidays: [{ from: '2027-02-05', to: '2027-02-13', name: '春节' }],
      workdays: [
        { date: '2027-01-31', name: '春节' },
        { date: '2027-02-20', name: '春节' },
      ],
      ignored: [{ line: 5, text: '2027-03-14 植树节' }],
    });
  });

  it('refuses a file that is not iCalendar', () => {
    expect(() => parseNoticeIcs('春节 2月5日至13日', 2027)).toThrow(/not an iCalendar/);
  });
});
