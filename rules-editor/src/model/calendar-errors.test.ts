import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { calendarMessages } from '../i18n/calendar/calendar-messages';
import { calendarErrors, checkNoticeForm } from './calendar-errors';

const zh = calendarMessages('zh');
const en = calendarMessages('en');

describe('a notice form checked before it is sent', () => {
  it('asks for the text, a year the server accepts, and a title naming the same year', () => {
    expect(checkNoticeForm({ year: '2027', text: '  ' }, zh)).toEqual({ text: ['请粘贴通知全文，或选择一个 .ics 文件。'] });
    expect(checkNoticeForm({ year: '2100', text: '一、元旦：1月1日放假' }, zh)).toEqual({ year: ['年份须是 1901 至 2099 之间的整数。'] });
    expect(checkNoticeForm({ year: '27', text: 'x' }, en).year).toEqual(['The year must be a whole number from 1901 to 2099.']);
    expect(checkNoticeForm({ year: '2028', text: '国务院办公厅关于2027年部分节假日安排的通知\n…' }, zh)).toEqual({ year: ['通知标题写的是 2027 年，与填写的年份 2028 不一致。'] });
    expect(checkNoticeForm({ year: '2027', text: '国务院办公厅关于2027年部分节假日安排的通知\n…' }, zh)).toEqual({});
    expect(checkNoticeForm({ year: '2027', text: '', file: new File(['BEGIN:VCALENDAR'], 'a.ics') }, zh)).toEqual({});
  });
});

describe('a refused calendar request', () => {
  it('is worded at the field it concerns, in the language of the screen', () => {
    const noDays = new ApiError(422, 'validation_failed', 'Calendar: invalid holiday notice', [{ path: 'holidays', message: 'must list at least one range of days off', messageZh: '未读到任何放假日期' }]);
    expect(calendarErrors(noDays, zh, 'text').text?.[0]).toMatch(/^没有读到任何放假日期。/);
    const line = new ApiError(422, 'validation_failed', 'x', [{ path: 'text.3', message: 'line 3 / 第 3 行: …', messageZh: '第 3 行：“13日 放假 春节”中有日期缺少月份' }]);
    expect(calendarErrors(line, zh, 'text')).toEqual({ text: ['第 3 行：“13日 放假 春节”中有日期缺少月份'] });
    expect(calendarErrors(new ApiError(0, 'network', 'Network'), en, 'confirm')).toEqual({ confirm: ['The server cannot be reached. Check the network and try again; nothing was changed.'] });
    expect(calendarErrors(new ApiError(401, 'unauthorized', 'x'), zh, 'confirm')).toEqual({ confirm: ['登录已过期，请重新登录后再试。刚才的操作没有生效。'] });
    expect(calendarErrors(new ApiError(404, 'not_found', 'x', [{ path: 'date', message: 'has no override' }]), zh, 'form')).toEqual({ form: ['这一天没有调整（可能已被别人删除）。'] });
  });
});
