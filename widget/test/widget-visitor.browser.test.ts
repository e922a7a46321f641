import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/server';
import { launchBrowser } from '../../test/support/browser/browser';
import { hangingServer, partnerPages, type PartnerPage } from '../../test/support/browser/partner-page';
import { RULE_SETS_DIR } from '../../test/support/data/rule-sets';
import { tempDatabase } from '../../test/support/databases/temp-database';
import { addPartner, SCHOOL } from '../../test/support/apps/widget';

/**
 * What a visitor of a partner's page meets: a partner page on a second origin under a strict CSP, the
 * widget in the page's language, honest errors for each cause, a timeout with retry, focus where a
 * keyboard user expects it, the page's theme tokens, and a 375 px screen.
 */

const SHOTS = join(tmpdir(), 'jifen-widget-screenshots');
const WAIT = { timeout: 15_000 };
const visible = (l: Locator) => l.waitFor({ state: 'visible', ...WAIT });

const db = tempDatabase();
let server: RunningServer;
let browser: Browser;
let hang: Awaited<ReturnType<typeof hangingServer>>;
let site: Awaited<ReturnType<typeof partnerPages>>;
let stranger: Awaited<ReturnType<typeof partnerPages>>;
let key: string;
const problems: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
  hang = await hangingServer();
  site = await partnerPages(server.url, { connect: [hang.url, 'http://127.0.0.1:9'] });
  stranger = await partnerPages(server.url);
  ({ key } = await addPartner(db.open(), { name: '第一人民医院', origins: [site.url], scenarios: [SCHOOL] }));
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), stranger?.close(), hang?.close(), server?.close()]);
  db.cleanup();
});

async function open(at: typeof site, page: PartnerPage, options: { width?: number; locale?: string; dark?: boolean } = {}): Promise<Page> {
  at.set(page);
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1100, height: 900 },
    locale: options.locale ?? 'zh-CN',
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const p = await context.newPage();
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  await p.goto(`${at.url}/page`);
  return p;
}

/** The widget events the page's own script saw, in order. */
async function events(page: Page, count = 1): Promise<Record<string, unknown>[]> {
  const out = page.locator('#events');
  await expect.poll(async () => JSON.parse((await out.textContent()) || '[]').length, WAIT).toBeGreaterThanOrEqual(count);
  return JSON.parse((await out.textContent()) ?? '[]');
}

const school = (extra: Record<string, string | undefined> = {}) => ({ id: 'w', scenario: 'school-enrollment', 'partner-key': key, ...extra });

describe('<jifen-eligibility> as a visitor meets it', () => {
  it('times out after its timeout with a retry, in the page language, and fires jifen-error timeout', async () => {
    const page = await open(site, { htmlLang: 'en', widgets: [school({ 'api-base': hang.url, timeout: '1' })] });
    const widget = page.locator('#w');
    const error = widget.locator('[part=error]');
    await visible(error.getByText('Jifen took too long to answer. Please try again.'));
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await widget.locator('[part=base]').getAttribute('aria-busy')).toBe('false');
    expect((await events(page))[0]).toMatchObject({ type: 'jifen-error', code: 'timeout', status: 0 });
    const before = hang.held();
    await widget.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => hang.held(), WAIT).toBeGreaterThan(before);
    expect((await events(page, 2))[1]).toMatchObject({ type: 'jifen-error', code: 'timeout' });
    // The widget never wrote lang="" on the element: it follows <html lang>.
    expect(await widget.getAttribute('lang')).toBeNull();
  });

  it('says a network failure plainly, and an unregistered site as such, with the detail only in the event', async () => {
    const down = await open(site, { widgets: [school({ 'api-base': 'http://127.0.0.1:9' })] });
    // Not blamed on the visitor's connection alone (the service may be paused), and the page's own
    // fallback (the element's content) is shown beside it.
    await visible(down.locator('#w [part=error]').getByText('暂时无法连接积分服务（可能是网络问题，也可能是服务暂停），请稍后重试。'));
    await visible(down.locator('#w').getByText('积分组件未能加载 · The points widget could not load.'));
    expect((await events(down))[0]).toMatchObject({ code: 'network', message: expect.stringContaining('cannot reach Jifen') });
    expect(await down.locator('#w [part=error]').textContent()).not.toContain('127.0.0.1');

    const page = await open(stranger, { widgets: [school()] });
    await visible(page.locator('#w [part=error]').getByText('本网站未登记为积分合作网站，无法使用此组件。'));
    expect((await events(page))[0]).toMatchObject({ code: 'origin_not_registered' });
  });

  it('puts refused fields in the visitor language at the field and by the button, clears a stale result, and focuses the result', async () => {
    const page = await open(site, { htmlLang: 'zh-CN', widgets: [school({ 'heading-level': '3' })] });
    const widget = page.locator('#w');
    await visible(widget.getByRole('heading', { level: 3, name: '随迁子女教育' }));
    const fill = async (values: Record<string, string>) => {
      for (const [id, value] of Object.entries(values)) await widget.locator(`[name=${id}]`).fill(value);
    };
    await fill({ accompanyingChildren: '1', socialInsuranceMonths: '40', residenceRegistrationDate: '2020-01-01' });
    await widget.getByRole('button', { name: '测算' }).click();
    const result = widget.locator('[part=result]');
    await visible(result.locator('[part=verdict]'));
    // Focus lands on the result, never on an input or the page body.
    await expect.poll(() => widget.evaluate((el) => el.shadowRoot?.activeElement?.getAttribute('part'))).toBe('result');
    await visible(widget.getByRole('meter', { name: /^得分 [\d.]+，分数线 120$/ }));

    // A value out of its question's range and a date out of its bound: both named in one answer, the
    // first in the visitor's words, the bound in Jifen's Chinese with its reason.
    await fill({ accompanyingChildren: '25', residenceRegistrationDate: '2099-01-01' });
    await widget.getByRole('button', { name: '测算' }).click();
    const fieldError = widget.locator('#f-accompanyingChildren-error');
    await visible(fieldError);
    expect(await fieldError.textContent()).toBe('请填写整数，范围 0–20');
    expect(await widget.locator('#f-residenceRegistrationDate-error').textContent()).toMatch(/^不得晚于评估日期 \d{4}-\d{2}-\d{2}：/);
    await visible(widget.locator('.actions [part=error]').getByText('请检查标出的填写内容。'));
    expect(await result.textContent()).toBe('');
    expect(await widget.evaluate((el) => el.shadowRoot?.activeElement?.getAttribute('part'))).toBe('submit');
    const event = (await events(page, 2)).at(-1);
    expect(event).toMatchObject({ type: 'jifen-error', code: 'validation_failed', fields: [{ path: 'facts.accompanyingChildren' }, { path: 'facts.residenceRegistrationDate' }] });
    await page.screenshot({ path: join(SHOTS, 'field-error-zh.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('asks for a required fact left blank at its field instead of scoring it as absent', async () => {
    const page = await open(site, { htmlLang: 'zh-CN', widgets: [school()] });
    const widget = page.locator('#w');
    await visible(widget.getByRole('button', { name: '测算' }));
    await widget.locator('[name=accompanyingChildren]').fill('1');
    await widget.getByRole('button', { name: '测算' }).click();
    await visible(widget.locator('#f-socialInsuranceMonths-error'));
    expect(await widget.locator('#f-socialInsuranceMonths-error').textContent()).toBe('请填写此项：测算要用到它');
    expect(await widget.locator('#f-accompanyingChildren-error').count()).toBe(0);
    expect(await widget.locator('[part=result]').textContent()).toBe('');
    const event = (await events(page)).at(-1);
    expect(event).toMatchObject({ type: 'jifen-error', code: 'validation_failed', fields: expect.arrayContaining([{ path: 'facts.socialInsuranceMonths', message: 'is required for this scenario' }]) });
    expect(event?.fields).not.toContainEqual(expect.objectContaining({ path: 'facts.accompanyingChildren' }));

    // Something typed that is no number (the browser keeps the field empty) is asked for as a number, not as blank.
    await widget.locator('[name=socialInsuranceMonths]').pressSequentially('-');
    await widget.getByRole('button', { name: '测算' }).click();
    await expect.poll(() => widget.locator('#f-socialInsuranceMonths-error').textContent()).toBe('请填写整数，不小于 0');
    expect((await events(page)).at(-1)).toMatchObject({ fields: [{ path: 'facts.socialInsuranceMonths', message: 'is not a number' }] });
  });

  it('takes theme tokens from :root, follows them in dark mode, and needs no sideways scroll at 375 px', async () => {
    const css = ':root { --jifen-color-primary: rgb(0, 95, 115); } @media (prefers-color-scheme: dark) { :root { --jifen-color-primary: rgb(108, 182, 255); --jifen-color-surface: rgb(31, 36, 43); --jifen-color-text: rgb(230, 237, 243); } body { background: #15181c; } }';
    for (const dark of [false, true]) {
      const page = await open(site, { htmlLang: 'en', css, widgets: [school()] }, { width: 375, dark });
      const widget = page.locator('#w');
      const button = widget.getByRole('button', { name: 'Check' });
      await visible(button);
      expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(dark ? 'rgb(108, 182, 255)' : 'rgb(0, 95, 115)');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(SHOTS, `form-375-en-${dark ? 'dark' : 'light'}.png`), fullPage: true });
    }
  });
});
