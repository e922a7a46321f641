import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '../../server/src/domain/scoring/types';
import { startServer, type RunningServer } from '../../server/src/server';
import { partnerAdmin } from '../../server/src/features/partners/partners-service';
import { launchBrowser } from '../../test/support/browser/browser';
import { RULE_SETS_DIR } from '../../test/support/data/rule-sets';
import { tempDatabase } from '../../test/support/databases/temp-database';
import { addPartner, addResident, ensureWidgetBuilt, partnerSite, residentAppCredential, SCHOOL } from '../../test/support/apps/widget';
import type { JifenResultDetail, WidgetResult } from '../src/jifen-eligibility/jifen-eligibility';

/**
 * The widget as a partner uses it: a real Jifen server on 127.0.0.1, and the demo school page served from
 * a second origin with a strict CSP, registered as a partner. A third origin is not registered.
 */

const SHOTS = join(tmpdir(), 'jifen-widget-screenshots');

const selfCheckFacts: Facts = { socialInsuranceMonths: 40, residenceRegistrationDate: '2024-01-01', accompanyingChildren: 1, birthDate: '1990-05-01', education: 'bachelor', residenceMonths: 60 };
const recordFacts: Facts = { ...selfCheckFacts, employmentStatus: 'contract', employmentMonths: 20, appRegistered: true, profileVerified: true, housing: 'owned' };

const db = tempDatabase();
let server: RunningServer;
let browser: Browser;
let site: Awaited<ReturnType<typeof partnerSite>>;
let stranger: Awaited<ReturnType<typeof partnerSite>>;
let key: string;
let partnerId: string;
let residentId: string;
let appCredential: string;
const problems: string[] = [];

beforeAll(async () => {
  ensureWidgetBuilt();
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
  site = await partnerSite(server.url, () => key);
  stranger = await partnerSite(server.url, () => key);
  const client = db.open();
  ({ key, partner: { id: partnerId } } = await addPartner(client, { name: '实验小学', origins: [site.url], scenarios: [SCHOOL] }));
  const { residenceRegistrationDate, ...facts } = recordFacts;
  residentId = await addResident(client, { name: '欧阳小明', permitNumber: '330106199001011234', residenceRegistrationDate: String(residenceRegistrationDate), facts });
  appCredential = await residentAppCredential(client);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stranger?.close();
  await server?.close();
  db.cleanup();
});

const WAIT = { timeout: 15_000 };
const visible = (l: Locator) => l.waitFor({ state: 'visible', ...WAIT });

async function open(url: string, lang = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: lang });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

async function evaluate(facts: Facts, asOf: string) {
  const res = await fetch(`${server.url}/api/v1/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ruleSetId: 'district-sample', asOf, facts }),
  });
  const body = (await res.json()) as { scenarios: { id: string; score: number; eligible: boolean; shortBy: number }[] };
  return body.scenarios.find((s) => s.id === 'school-enrollment')!;
}

/** The widget's last `jifen-result`, as the partner page's own script shows it. */
async function lastEvent(page: Page): Promise<Partial<JifenResultDetail> & { type?: string; code?: string; message?: string }> {
  const output = page.locator('#last-event');
  await expect.poll(async () => (await output.textContent())?.trim().startsWith('{'), WAIT).toBe(true);
  return JSON.parse((await output.textContent()) ?? '{}');
}

async function fillSelfCheck(widget: Locator, facts: Facts): Promise<void> {
  // Facts the bar depends on least are folded away: open them, as a visitor with more to tell would.
  for (const summary of await widget.locator('form details > summary').all()) await summary.click();
  for (const [id, value] of Object.entries(facts)) {
    if (id === 'education') await widget.locator(`select[name=${id}]`).selectOption(String(value));
    else await widget.locator(`input[name=${id}]`).fill(String(value));
  }
}

async function tokenFor(scenarioId = SCHOOL.scenarioId): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/widget-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${appCredential}` },
    body: JSON.stringify({ residentId, ruleSetId: SCHOOL.ruleSetId, scenarioId, partnerId, origin: site.url, consent: true }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

describe('<jifen-eligibility> on a partner site', () => {
  it('self-checks in Chinese, keyboard only, with the score POST /api/v1/evaluate gives, announced, and a statement that verifies', async () => {
    const page = await open(`${site.url}/school`);
    const widget = page.locator('#self-check');
    await visible(widget.getByRole('heading', { name: '随迁子女教育' }));
    await visible(widget.getByText('积分资格自测'));
    // Chinese labels from the rule set, the conditions first and marked required.
    await visible(widget.getByLabel(/省内累计缴纳社会保险月数（月）/));

    await fillSelfCheck(widget, selfCheckFacts);
    await widget.locator('input[name=residenceMonths]').focus();
    await page.keyboard.press('Enter');

    const status = widget.getByRole('status');
    await visible(status.getByText(/分数线 120/));
    const event = await lastEvent(page);
    expect(event).toMatchObject({ type: 'jifen-result', mode: 'self-check', scenario: 'district-sample/school-enrollment', bar: 120 });
    const expected = await evaluate(selfCheckFacts, event.asOf!);
    expect(event.score).toBe(expected.score);
    expect(await status.locator('[part=score] strong').textContent()).toBe(String(expected.score));
    await visible(status.getByText(expected.eligible ? '✓ 符合条件' : '暂不符合条件'));
    if (expected.shortBy > 0) await visible(status.getByText(`距分数线还差 ${expected.shortBy} 分`));
    // The meter is marked (and filled in the success colour) once the score reaches the bar.
    expect(await status.locator('[part=meter]').getAttribute('class')).toBe(expected.score >= 120 ? 'reached' : '');

    const result = await widget.evaluate((el) => (el as unknown as { result: WidgetResult }).result);
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(result.statement, jwks, { audience: partnerId });
    expect(payload).toMatchObject({ scenario: 'district-sample/school-enrollment', version: 2, asOf: event.asOf, result: { score: expected.score, eligible: expected.eligible } });

    await widget.locator('[part=breakdown] summary').click();
    await page.screenshot({ path: join(SHOTS, 'self-check-zh.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('speaks English with lang="en"', async () => {
    const page = await open(`${site.url}/school?lang=en`, 'en');
    const widget = page.locator('#self-check');
    await visible(widget.getByRole('heading', { name: 'Schooling for accompanying children' }));
    await visible(widget.getByLabel(/Months of social insurance paid in the province \(month\)/));
    await fillSelfCheck(widget, selfCheckFacts);
    await widget.getByRole('button', { name: 'Check' }).click();
    await visible(widget.getByRole('status').getByText(/Bar 120/));
    await page.screenshot({ path: join(SHOTS, 'self-check-en.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("shows a resident's real score from their record, masked, with the ways to close the gap", async () => {
    const token = await tokenFor();
    const page = await open(`${site.url}/school?token=${encodeURIComponent(token)}`);
    const widget = page.locator('#resident');
    await visible(widget.getByText('我的积分资格'));
    const status = widget.getByRole('status');
    await visible(status.getByText('居民：欧**明 · 3301**********1234'));
    const event = await lastEvent(page);
    const expected = await evaluate(recordFacts, event.asOf!);
    expect(event).toMatchObject({ mode: 'resident', score: expected.score, eligible: expected.eligible });
    expect(await status.locator('[part=score] strong').textContent()).toBe(String(expected.score));
    await visible(status.getByRole('heading', { name: '怎样才能符合条件（由易到难）' }));
    await visible(status.getByText(/省内累计缴纳社会保险月数：再增加 \d+ 月/));
    // When time alone does it, and each way with its effort and whether it suffices alone.
    await visible(status.getByText(/按目前情况（继续在本区居住、缴纳社保），\d{4}年\d{1,2}月起符合条件。/));
    await visible(status.locator('li', { hasText: '省内累计缴纳社会保险月数' }).getByText('只需等待'));
    await visible(status.locator('li', { hasText: '省内累计缴纳社会保险月数' }).getByText('仅此一项即可符合条件'));
    await visible(status.getByText(/依据：XX区.* 第 2 版/));
    expect(await page.content()).not.toContain('欧阳小明');
    await page.screenshot({ path: join(SHOTS, 'resident-zh.png'), fullPage: true });

    const en = await open(`${site.url}/school?lang=en&token=${encodeURIComponent(await tokenFor())}`, 'en');
    await visible(en.locator('#resident').getByRole('heading', { name: 'What would make you eligible (easiest first)' }));
    await en.screenshot({ path: join(SHOTS, 'resident-en.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('clears a result once an answer changes, and does not count points short of the bar for a vetoed resident', async () => {
    const page = await open(`${site.url}/school`);
    const widget = page.locator('#self-check');
    await fillSelfCheck(widget, selfCheckFacts);
    await widget.locator('[part=submit]').click();
    const status = widget.getByRole('status');
    await visible(status.locator('[part=verdict]'));
    // The result was for 40 months; with 3 typed it no longer is, so it goes until the next check.
    await widget.locator('input[name=socialInsuranceMonths]').fill('3');
    await expect.poll(() => status.locator('[part=verdict]').count(), WAIT).toBe(0);

    await widget.locator('input[name=socialInsuranceMonths]').fill(String(selfCheckFacts.socialInsuranceMonths));
    await widget.locator('input[name=vetoGrounds][value=criminal_penalty]').check();
    await widget.locator('[part=submit]').click();
    await visible(status.getByText('暂不符合条件'));
    await visible(status.locator('[part=missing]').getByText(/一票否决（.+）：积分再高也不符合条件。依据：/));
    expect(await status.getByText(/距分数线还差/).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'vetoed-zh.png'), fullPage: true });
  });

  it('says at once that a scenario attribute is missing, and points the visitor elsewhere', async () => {
    const page = await open(`${site.url}/school`);
    const widget = page.locator('#self-check');
    await visible(widget.getByRole('heading', { name: '随迁子女教育' }));
    await widget.evaluate((el) => el.setAttribute('scenario', ''));
    const error = widget.locator('[part=error]');
    await visible(error.getByText('本网站的积分组件配置有误，暂时无法使用。请联系网站管理员。'));
    // The page's own fallback content, beside the error: the partner's words for where else to go.
    await visible(widget.getByText('积分自测暂时无法使用，请到新市民服务中心或拨打 12345 咨询办理。'));
    expect(await error.locator('[part=fallback] slot').count()).toBe(1);
    expect(await lastEvent(page)).toMatchObject({ type: 'jifen-error', code: 'scenario_missing', message: expect.stringContaining('needs a scenario attribute') });
  });

  it('refuses an unregistered site visibly, in the widget', async () => {
    const page = await open(`${stranger.url}/school`);
    const error = page.locator('#self-check [part=error]');
    await visible(error.getByText('本网站未登记为积分合作网站，无法使用此组件。'));
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await lastEvent(page)).toMatchObject({ type: 'jifen-error', code: 'origin_not_registered' });
    await page.screenshot({ path: join(SHOTS, 'unregistered-zh.png'), fullPage: true });
  });

  it('refuses a revoked key visibly, in the widget, in plain words for the visitor', async () => {
    const admin = partnerAdmin(db.open());
    const { key: revoked, stored } = await admin.issueKey(partnerId, 'test.admin', new Date());
    await admin.revokeKey(partnerId, stored.id, 'test.admin', new Date());
    const page = await open(`${site.url}/school?lang=en&key=${encodeURIComponent(revoked)}`, 'en');
    const error = page.locator('#self-check [part=error]');
    await visible(error.getByText("This site's points widget is not set up correctly. Please tell the site's administrator."));
    // The developer's detail is in the event (and the console), never in front of the visitor.
    expect(await lastEvent(page)).toMatchObject({ type: 'jifen-error', code: 'key_revoked', message: expect.stringMatching(/revoked on \d{4}-\d{2}-\d{2}/) });
    expect(await error.textContent()).not.toContain('revoked on');
    await page.screenshot({ path: join(SHOTS, 'revoked-en.png'), fullPage: true });
  });
});
