import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueResidentToken } from '../../server/src/features/credentials/caller-auth';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { applicationForm, EVIDENCE } from '../../test/support/apps/resident-app';
import { WAIT, visible } from '../../test/support/browser/editor-pages';

/**
 * 「工作日历」: an admin enters the State Council's 2027 holiday notice in Chinese, reads back what the
 * server understood (days off, 调休 worked days, lines not used, the deadline it would move) before anything
 * changes, confirms it, and sees 2027 follow the notice; every wrong turn is answered at its field. Other
 * staff read the calendar only.
 *
 * The clock stands at 10:00 in China on Monday 25 January 2027, the notice not yet entered: a resident's
 * self-application submitted today is due on 10 February by the statutory holidays alone (4–8 February off
 * for 春节), and on 15 February by the notice (Sunday 31 January worked, 5–13 February off).
 */

const NOW = '2027-01-25T02:00:00Z';
const SECRET = 'calendar-screen-test-resident-token-secret';

// A 2027 notice in the State Council's words (a worked example: the real notice decides the real days).
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历腊月廿九、周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
国务院办公厅
2026年11月4日`;

const NOTICE_2028 = `国务院办公厅关于2028年部分节假日安排的通知
一、元旦：1月1日（周六）至3日（周一）放假，共3天。`;

let env: EditorServer;
let browser: Browser;
let admin: StaffAccount;
let reviewer: StaffAccount;
let applicationId: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer({ now: NOW, residentTokenSecret: SECRET });
  admin = await env.addStaff('cal.admin', ['admin']);
  reviewer = await env.addStaff('cal.reviewer', ['reviewer'], ['*']);
  // A resident applies today for points on an invention patent: a review deadline running into 春节.
  const { token } = await issueResidentToken(new TextEncoder().encode(SECRET), 'res-000001', new Date(NOW));
  const form = applicationForm({ indicator: 'inventionPatents', claim: JSON.stringify({ facts: { inventionPatents: 1 } }), note: '发明专利' }, [
    { name: '专利证书.pdf', bytes: EVIDENCE.pdf },
  ]);
  const res = await fetch(`${env.url}/api/v1/self-applications`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const application = (await res.json()) as { id: string; dueOn: string };
  expect(res.status, JSON.stringify(application)).toBe(201);
  expect(application.dueOn).toBe('2027-02-10');
  applicationId = application.id;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const shots = process.env.JIFEN_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

async function calendarPage(account: StaffAccount, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(() => localStorage.setItem('jifen.editor.lang', 'zh'));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: '工作日历' }).click();
  await visible(page.getByRole('heading', { name: '工作日历', exact: true }));
  // As a person does: the screen is read once its years are there.
  await visible(page.getByTestId('state-2027'));
  return page;
}

const deadline = async (from: string, days: number) => {
  const asReviewer = await env.signIn(reviewer);
  return (await (await asReviewer('GET', `/api/v1/calendar/deadline?from=${from}&days=${days}`)).json()) as { deadline: string; known: boolean; warnings: string[] };
};

describe('an admin enters the 2027 holiday notice', () => {
  it('reads it back, changes nothing until confirmed, then 2027 follows the notice and the deadline moves', async () => {
    // Before: 2027 counts the statutory holidays only, and says so.
    expect(await deadline('2026-12-31', 1)).toMatchObject({ deadline: '2027-01-04', known: false, warnings: [expect.stringContaining('2027 年尚无已确认的国务院节假日安排通知')] });

    const page = await calendarPage(admin);
    await expect.poll(() => page.getByTestId('state-2027').textContent(), WAIT).toBe('仅法定节假日');
    await visible(page.getByText('尚未确认 2027 年的国务院节假日安排通知'));
    expect(await page.getByTestId('state-2026').textContent()).toBe('国务院安排（已内置）');

    await page.getByRole('button', { name: '录入 2027 年通知' }).click();
    expect(await page.getByLabel('年份', { exact: true }).inputValue()).toBe('2027');
    await page.getByLabel('通知全文').fill(NOTICE_2027);
    await page.getByRole('button', { name: '读取', exact: true }).click();

    const readBack = page.getByTestId('read-back');
    await visible(readBack.getByRole('heading', { name: '读到的 2027 年安排（尚未生效）' }));
    const holidays = await page.getByTestId('read-holidays').locator('li').allTextContents();
    expect(holidays.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '元旦 2027-01-01 至 2027-01-03，共 3 天',
      '春节 2027-02-05 至 2027-02-13，共 9 天',
      '清明节 2027-04-03 至 2027-04-05，共 3 天',
      '劳动节 2027-05-01 至 2027-05-05，共 5 天',
      '端午节 2027-06-09，共 1 天',
      '中秋节 2027-09-15，共 1 天',
      '国庆节 2027-10-01 至 2027-10-07，共 7 天',
    ]);
    const worked = await page.getByTestId('read-workdays').locator('li').allTextContents();
    expect(worked.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '2027-01-31 春节',
      '2027-02-20 春节',
      '2027-04-25 劳动节',
      '2027-05-08 劳动节',
      '2027-09-26 国庆节',
      '2027-10-09 国庆节',
    ]);
    // The signature date says neither 放假 nor 上班: shown, not silently used.
    expect((await page.getByTestId('read-ignored').textContent())?.replace(/\s+/g, ' ')).toContain('第 13 行 2026年11月4日');
    await visible(readBack.getByText('所有法定节假日都在通知中。'));
    const wouldMove = page.getByTestId('would-move').locator('tr', { hasText: applicationId });
    expect((await wouldMove.textContent())?.replace(/\s+/g, ' ')).toMatch(/自主申请审核 .* 2027-01-25 2027-02-10 → 2027-02-15/);
    await shoot(page, 'calendar-read-back-1280');

    // Read back, not yet in force.
    expect(await deadline('2026-12-31', 1)).toMatchObject({ known: false });
    expect(await deadline('2027-01-25', 10)).toMatchObject({ deadline: '2027-02-10', known: false });

    // The demo data's open objections may move too; each moved deadline is one row.
    const moving = await page.getByTestId('would-move').locator('tbody tr').count();
    await page.getByTestId('confirm').click();
    await visible(page.getByText(`确认后，2027 年的工作日按这份通知计算，上面 ${moving} 个期限会立即改期`));
    await page.getByTestId('confirm-yes').click();
    await visible(page.getByText('已生效：2027 年的工作日现在按这份通知计算。'));
    expect((await page.getByTestId('moved').locator('tr', { hasText: applicationId }).textContent())?.replace(/\s+/g, ' ')).toContain('2027-02-10 → 2027-02-15');
    await expect.poll(() => page.getByTestId('state-2027').textContent(), WAIT).toBe('已确认的通知');
    await visible(page.getByText('2027 年按已确认的《国务院办公厅关于2027年部分节假日安排的通知》计算。'));
    expect(await page.getByTestId('notices').locator('li').first().getByTestId('notice-status').textContent()).toBe('已生效');
    await shoot(page, 'calendar-confirmed-1280');

    // The deadline from a December 2026 day skips 1 January 2027 and is no longer provisional.
    expect(await deadline('2026-12-31', 1)).toEqual({ from: '2026-12-31', days: 1, deadline: '2027-01-04', known: true, warnings: [] });
    expect(await deadline('2027-01-25', 10)).toMatchObject({ deadline: '2027-02-15', known: true });
    const asReviewer = await env.signIn(reviewer);
    expect(await (await asReviewer('GET', `/api/v1/self-applications/${applicationId}`)).json()).toMatchObject({ dueOn: '2027-02-15' });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('wrong turns while entering a notice', () => {
  it('answers each at its field, in Chinese, and changes nothing', async () => {
    const page = await calendarPage(admin, 375);
    const year = page.getByLabel('年份', { exact: true });
    const text = page.getByLabel('通知全文');
    const read = page.getByRole('button', { name: '读取', exact: true });
    const errorAt = (field: string) => page.getByTestId(`error-${field}`);
    await expect.poll(() => year.inputValue(), WAIT).toBe('2028');

    // Nothing pasted.
    await read.click();
    await visible(errorAt('text').getByText('请粘贴通知全文，或选择一个 .ics 文件。'));
    expect(await text.getAttribute('aria-invalid')).toBe('true');

    // A year outside the range, and a title naming another year.
    await year.fill('2208');
    await text.fill(NOTICE_2028);
    await read.click();
    await visible(errorAt('year').getByText('年份须是 1901 至 2099 之间的整数。'));
    await year.fill('2029');
    await read.click();
    await visible(errorAt('year').getByText('通知标题写的是 2028 年，与填写的年份 2029 不一致。'));

    // Text with no dates it can read.
    await year.fill('2028');
    await text.fill('国务院办公厅关于2028年部分节假日安排的通知\n具体安排另行通知。');
    await read.click();
    await visible(errorAt('text').getByText(/^没有读到任何放假日期。/));

    // A file that is no calendar.
    await page.locator('input[type=file]').setInputFiles({ name: '通知.ics', mimeType: 'text/calendar', buffer: Buffer.from('这不是日历文件') });
    await read.click();
    await visible(errorAt('ics').getByText('所选文件不能按 .ics 日历文件读取，请选择从日历软件导出的 .ics 文件。'));
    await page.getByRole('button', { name: '改用粘贴的文字' }).click();

    // The network goes while reading.
    await text.fill(NOTICE_2028);
    await page.context().setOffline(true);
    await read.click();
    await visible(errorAt('text').getByText('无法连接服务器，请检查网络后再试。刚才的操作没有生效。'));
    await page.context().setOffline(false);

    // Read back; meanwhile another admin enters a later 2028 notice, which replaces this one.
    await read.click();
    await visible(page.getByRole('heading', { name: '读到的 2028 年安排（尚未生效）' }));
    // The excerpt leaves out every statutory day but 元旦: the read-back says so before anything changes.
    await visible(page.getByTestId('read-missing').getByText('2028-01-26 春节'));
    await shoot(page, 'calendar-read-back-375');
    const other = await env.signIn(admin);
    expect((await other('POST', '/api/v1/calendar/notices', { year: 2028, text: NOTICE_2028 })).status).toBe(201);
    await page.getByTestId('confirm').click();
    await page.getByTestId('confirm-yes').click();
    await visible(errorAt('confirm').getByText(/^这份通知已被之后录入的同年通知取代（已撤回），这次确认没有作任何更改。/));
    expect(await page.getByTestId('state-2028').textContent()).toBe('仅法定节假日');

    // Read again; the session ends before it is confirmed: said at the button, then signing in again goes on.
    await read.click();
    await visible(page.getByRole('heading', { name: '读到的 2028 年安排（尚未生效）' }));
    await page.context().clearCookies();
    await page.getByTestId('confirm').click();
    await page.getByTestId('confirm-yes').click();
    await visible(errorAt('confirm').getByText('登录已过期，请重新登录后再试。刚才的操作没有生效。'));
    expect(await (await deadline('2028-01-03', 1)).known).toBe(false);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(admin.username);
    await dialog.getByLabel('密码').fill(admin.password);
    await dialog.getByRole('button', { name: '登录' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.getByTestId('confirm-yes').click();
    await visible(page.getByText('已生效：2028 年的工作日现在按这份通知计算。'));
    await expect.poll(() => page.getByTestId('state-2028').textContent(), WAIT).toBe('已确认的通知');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('a notice given as an .ics file', () => {
  it('is read back the same way, its events not used listed by number', async () => {
    const event = (start: string, end: string, summary: string) =>
      ['BEGIN:VEVENT', `UID:${start}-${summary}`, 'DTSTAMP:20281101T000000Z', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${summary}`, 'END:VEVENT'];
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//example//holidays//CN', ...event('20290101', '20290102', '元旦(休)'), ...event('20290312', '20290313', '植树节'), 'END:VCALENDAR'].join('\r\n');
    const page = await calendarPage(admin);
    await page.getByLabel('年份', { exact: true }).fill('2029');
    await page.locator('input[type=file]').setInputFiles({ name: '2029年节假日.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await visible(page.getByText('将读取文件：2029年节假日.ics'));
    expect(await page.getByLabel('通知全文').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '读取', exact: true }).click();
    await visible(page.getByRole('heading', { name: '读到的 2029 年安排（尚未生效）' }));
    expect((await page.getByTestId('read-holidays').textContent())?.replace(/\s+/g, ' ').trim()).toBe('元旦 2029-01-01，共 1 天');
    expect((await page.getByTestId('read-ignored').textContent())?.replace(/\s+/g, ' ')).toContain('第 2 行 2029-03-12 植树节');
    // Only 元旦 is given: every other statutory day of 2029 is listed before anything changes.
    await visible(page.getByTestId('read-missing').getByText('2029-05-01 劳动节'));
    expect(await page.getByTestId('state-2029').textContent()).toBe('仅法定节假日');
    await page.context().close();
  }, 60_000);
});

describe('single-day overrides', () => {
  it('an admin adds one with its reason and removes it; a missing reason is said at the field', async () => {
    const page = await calendarPage(admin);
    await page.getByLabel('日期', { exact: true }).fill('2027-03-08');
    await page.getByRole('button', { name: '添加调整' }).click();
    await visible(page.getByTestId('override-error-note').getByText('请写明原因。'));
    await page.getByLabel('改为').selectOption('holiday');
    await page.getByLabel('原因').fill('区政府通知：3月8日全区停电检修，窗口暂停办理');
    await page.getByRole('button', { name: '添加调整' }).click();
    await visible(page.getByText('已保存 2027-03-08 的调整。'));
    // The table is the calendar read again after the save: it may show the day a moment after the message.
    const row = page.getByTestId('overrides').locator('tr', { hasText: '2027-03-08' });
    await visible(row);
    const cells = (await row.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 4)).toEqual(['2027-03-08', '休息日（放假）', '区政府通知：3月8日全区停电检修，窗口暂停办理', expect.stringMatching(/^cal\.admin/)]);
    expect(await deadline('2027-03-05', 1)).toMatchObject({ deadline: '2027-03-09' });
    await row.getByRole('button', { name: '删除 2027-03-08' }).click();
    await visible(page.getByText('已删除 2027-03-08 的调整。'));
    await visible(page.getByText('没有单日调整。'));
    expect(await deadline('2027-03-05', 1)).toMatchObject({ deadline: '2027-03-08' });
    await page.context().close();
  }, 60_000);
});

describe('staff without the admin role', () => {
  it('read the calendar and are offered nothing they may not do', async () => {
    const page = await calendarPage(reviewer, 375);
    await visible(page.getByTestId('read-only').getByText('你可以查看工作日历；录入通知和单日调整需要管理员角色。'));
    await expect.poll(() => page.getByTestId('state-2027').textContent(), WAIT).toBe('已确认的通知');
    await visible(page.getByTestId('notices'));
    expect(await page.getByRole('heading', { name: '录入通知' }).count()).toBe(0);
    expect(await page.getByLabel('通知全文').count()).toBe(0);
    expect(await page.getByRole('button', { name: '添加调整' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^录入 \d{4} 年通知$/ }).count()).toBe(0);
    await shoot(page, 'calendar-read-only-375');
    // The screen has its own address: a reload or a shared link opens it again.
    await page.reload();
    await visible(page.getByTestId('read-only'));
    expect(page.url()).toBe(`${env.url}/editor/calendar`);
    await page.context().close();
  }, 60_000);
});
