import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationForm, EVIDENCE, residentApp } from '../../../../test/support/apps/resident-app';
import { listAudit } from '../../platform/db/audit-log';

// A 2027 notice in the State Council's words (a worked example: the real notice decides the real days).
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历腊月廿九、周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月4日`;

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  // Wednesday 3 February 2027, 10:00 in China; the 2027 notice has not been entered yet.
  env = await residentApp('2027-02-03T02:00:00Z');
  await env.residents.createResident({ id: 'res-1', permitNumber: '330106199001011234', name: '张小三', residenceRegistrationDate: '2020-03-01' }, '2025-01-01T00:00:00Z');
});
afterEach(() => env.cleanup());

const apply = async () => {
  const form = applicationForm({ indicator: 'inventionPatents', claim: JSON.stringify({ facts: { inventionPatents: 1 } }), note: '发明专利' }, [{ name: '专利证书.pdf', bytes: EVIDENCE.pdf }]);
  return (await env.asResident('res-1', 'POST', '/api/v1/self-applications', form)).json();
};

describe("an admin enters the year's State Council notice", () => {
  it('shows it back, changes nothing until confirmed, then moves running deadlines visibly', async () => {
    const admin = await env.staff('boss', ['admin']);
    const reviewer = await env.staff('qian', ['reviewer']);
    // By law alone: 4 Feb; 5–8 off (除夕 to 初三); 9, 10, 11, 12, 15, 16, 17, 18, 19.
    const application = await apply();
    expect(application).toMatchObject({ submittedOn: '2027-02-03', dueOn: '2027-02-19' });

    expect((await reviewer('POST', '/api/v1/calendar/notices', { year: 2027, text: NOTICE_2027 })).status).toBe(403);
    const entered = await admin('POST', '/api/v1/calendar/notices', { year: 2027, text: NOTICE_2027 });
    expect(entered.status).toBe(201);
    const shown = await entered.json();
    expect(shown.notice).toMatchObject({ year: 2027, title: '国务院办公厅关于2027年部分节假日安排的通知', status: 'entered', source: 'text', enteredBy: 'boss' });
    expect(shown.notice.holidays[1]).toEqual({ from: '2027-02-05', to: '2027-02-13', name: '春节' });
    expect(shown.notice.workdays.map((w: { date: string }) => w.date)).toEqual(['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
    expect(shown.missingStatutory).toEqual([]);
    expect(shown.ignored).toEqual([{ line: 10, text: '2026年11月4日' }]);
    // With the notice: 4; 5–13 off; 15, 16, 17, 18, 19, 20 (Saturday, worked), 22, 23, 24.
    expect(shown.wouldMove).toEqual([
      expect.objectContaining({ kind: 'self-application', id: application.id, countedFrom: '2027-02-03', workingDays: 10, dueOn: '2027-02-19', newDueOn: '2027-02-24' }),
    ]);

    // Entered, not confirmed: 2027 is still statutory only and nothing moved.
    expect(await (await reviewer('GET', '/api/v1/calendar/deadline?from=2027-02-03&days=10')).json()).toMatchObject({ deadline: '2027-02-19', known: false });
    expect(await (await reviewer('GET', `/api/v1/self-applications/${application.id}`)).json()).toMatchObject({ dueOn: '2027-02-19' });

    expect((await reviewer('POST', `/api/v1/calendar/notices/${shown.notice.id}/confirm`)).status).toBe(403);
    const confirmed = await (await admin('POST', `/api/v1/calendar/notices/${shown.notice.id}/confirm`)).json();
    expect(confirmed.notice).toMatchObject({ status: 'confirmed', confirmedBy: 'boss' });
    expect(confirmed.moved.map((m: { id: string; newDueOn: string }) => [m.id, m.newDueOn])).toEqual([[application.id, '2027-02-24']]);

    // The reviewer's queue shows the new date and why.
    const queue = await (await reviewer('GET', '/api/v1/self-applications?status=pending')).json();
    const inQueue = queue.applications.find((a: { id: string }) => a.id === application.id);
    expect(inQueue).toMatchObject({ dueOn: '2027-02-24', overdue: false });
    expect(inQueue.deadlineMoves).toEqual([
      {
        from: '2027-02-19',
        to: '2027-02-24',
        reason: { zh: expect.stringContaining('期限由 2027-02-19 改为 2027-02-24：2027-02-09 放假（春节，国务院办公厅关于2027年部分节假日安排的通知）'), en: expect.stringContaining('2027-02-20 is a working day') },
        at: '2027-02-03T02:00:00.000Z',
        by: 'boss',
      },
    ]);

    const deadline = await (await reviewer('GET', '/api/v1/calendar/deadline?from=2027-02-03&days=10')).json();
    expect(deadline).toEqual({ from: '2027-02-03', days: 10, deadline: '2027-02-24', known: true, warnings: [] });
    const listed = await (await reviewer('GET', '/api/v1/calendar/overrides')).json();
    expect(listed.coverage.find((y: { year: number }) => y.year === 2027)).toMatchObject({ state: 'notice', known: true, notice: '国务院办公厅关于2027年部分节假日安排的通知' });
    // A new application counts by the notice from the start.
    expect(await apply()).toMatchObject({ dueOn: '2027-02-24' });

    expect((await admin('POST', `/api/v1/calendar/notices/${shown.notice.id}/confirm`)).status).toBe(409);
    const audit = await listAudit(env.client, { limit: 20 });
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['calendar-notice-entered', 'calendar-notice-confirmed', 'deadline-moved']));
  });

  it('takes an ICS file of the arrangement', async () => {
    const admin = await env.staff('boss', ['admin']);
    const event = (start: string, end: string, summary: string) => `BEGIN:VEVENT\r\nUID:${start}\r\nDTSTAMP:20261104T000000Z\r\nDTSTART;VALUE=DATE:${start}\r\nDTEND;VALUE=DATE:${end}\r\nSUMMARY:${summary}\r\nEND:VEVENT`;
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//example//CN', event('20270205', '20270214', '春节(休)'), event('20270220', '20270221', '春节(班)'), 'END:VCALENDAR'].join('\r\n');
    const shown = await (await admin('POST', '/api/v1/calendar/notices', { year: 2027, ics })).json();
    expect(shown.notice).toMatchObject({ source: 'ics', holidays: [{ from: '2027-02-05', to: '2027-02-13', name: '春节' }], workdays: [{ date: '2027-02-20', name: '春节' }] });
    // Shown back before confirming: the statutory days this file does not give off.
    expect(shown.missingStatutory.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']);
  });

  it('refuses what it cannot read, naming the field', async () => {
    const admin = await env.staff('boss', ['admin']);
    const refused = async (body: unknown) => {
      const res = await admin('POST', '/api/v1/calendar/notices', body);
      expect(res.status).toBe(422);
      return ((await res.json()).error.fields as { path: string }[]).map((f) => f.path);
    };
    expect(await refused({ year: 2027, text: NOTICE_2027, ics: 'BEGIN:VCALENDAR' })).toEqual(['text', 'ics']);
    expect(await refused({ year: 2027 })).toEqual(['text', 'ics']);
    expect(await refused({ year: 2027, text: '2027-02-05 至 2027-02-13 放假 春节\n20日 上班 春节' })).toEqual(['text.2']);
    expect(await refused({ year: 2027, text: '2027-02-05 至 2027-02-13 放假 春节\n2027-02-17 上班 春节' })).toEqual(['workdays.0.date']);
    expect(await refused({ year: 2027, ics: 'not a calendar' })).toEqual(['ics']);
    expect(await refused({ year: 1800, text: '2027-02-05 放假 春节' })).toEqual(['year']);
    const notices = await (await admin('GET', '/api/v1/calendar/notices')).json();
    expect(notices.notices).toEqual([]);
  });
});
