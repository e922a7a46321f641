import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../support/browser/browser';
import { EDITOR_TODAY, editorContext, ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../support/browser/editor';
import { HOSTILE_TEXT, hostileRuleSet, injectedMarkup, watchDialogs } from '../support/data/hostile-text';

/**
 * Hostile text where policy staff read it: a draft of the district rule set whose every title, description
 * and test-case name is hostile (saved through the API, so validated and its cases run exactly as the
 * editor's own saves), submitted with a hostile change note, reviewed, published, listed and compared.
 * On every screen of the editor nothing may run, nothing may be injected, and the text reads as written.
 */

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let draftId: string;
let hostile: RuleSet;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('sec.editor', ['editor'], ['XX区']);
  approver = await env.addStaff('sec.approver', ['approver']);
  const asEditor = await env.signIn(editor);
  const created = await asEditor('POST', '/api/v1/rule-sets/district-sample/drafts', {});
  expect(created.status).toBe(201);
  draftId = ((await created.json()) as { id: string }).id;
  const current = await asEditor('GET', `/api/v1/rule-sets/district-sample/drafts/${draftId}`);
  const etag = current.headers.get('etag')!;
  hostile = hostileRuleSet(((await current.json()) as { document: RuleSet }).document);
  const saved = await fetch(`${env.url}/api/v1/rule-sets/district-sample/drafts/${draftId}`, {
    method: 'PUT',
    headers: { ...(await sessionHeaders(editor)), 'content-type': 'application/json', 'if-match': etag },
    body: JSON.stringify({ document: hostile }),
  });
  const draft = (await saved.json()) as { validation: { ok: boolean }; cases: { failed: number; passed: number } };
  expect(saved.status).toBe(200);
  expect(draft.validation.ok).toBe(true);
  expect(draft.cases).toMatchObject({ failed: 0, passed: hostile.cases.length });
  expect((await asEditor('POST', `/api/v1/rule-sets/district-sample/drafts/${draftId}/submit`, { note: HOSTILE_TEXT.script })).status).toBe(200);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

/** A session's cookie and CSRF token, for the one call `signIn`'s helper cannot make (a PUT with If-Match). */
async function sessionHeaders(account: StaffAccount): Promise<Record<string, string>> {
  const res = await fetch(`${env.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const cookie = /jifen_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

const WAIT = { timeout: 20_000 };
const visible = (l: Locator) => l.first().waitFor({ state: 'visible', ...WAIT });

async function signedIn(account: StaffAccount): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await (await editorContext(browser, { locale: 'zh-CN' })).newPage();
  const dialogs = watchDialogs(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await visible(page.getByRole('heading', { name: '规则集', exact: true }));
  return { page, dialogs, errors };
}

async function expectInert(page: Page, dialogs: string[], errors: string[]): Promise<void> {
  expect(await injectedMarkup(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
}

describe('hostile text in the rules editor', () => {
  it('stays text on the draft screen: the section list, the forms, the test cases', async () => {
    const { page, dialogs, errors } = await signedIn(editor);
    await page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/${draftId}`);
    const nav = page.locator('jifen-draft-nav');
    for (const indicator of hostile.indicators.slice(0, 4)) await visible(nav.getByRole('button', { name: indicator.title.zh }));
    await nav.getByRole('button', { name: hostile.indicators[0]!.title.zh }).first().click();
    await expectInert(page, dialogs, errors);
    await nav.getByRole('button', { name: /测试用例/ }).click();
    const cases = page.locator('jifen-test-cases');
    for (const c of hostile.cases.slice(0, 5)) await visible(cases.getByText(c.title, { exact: true }));
    await expectInert(page, dialogs, errors);
  }, 90_000);

  it("stays text in the approver's review, then in the list of versions and the comparison", async () => {
    const review = await signedIn(approver);
    await review.page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/${draftId}/review`);
    const changes = review.page.getByTestId('policy-changes');
    await visible(changes);
    await visible(changes.getByText(hostile.indicators[0]!.title.zh));
    await visible(review.page.getByText(HOSTILE_TEXT.script));
    await expectInert(review.page, review.dialogs, review.errors);
    await review.page.getByTestId('effective-from').fill(EDITOR_TODAY);
    await review.page.getByTestId('approve').click();
    await visible(review.page.getByTestId('published'));

    const { page, dialogs, errors } = await signedIn(editor);
    await visible(page.getByText(HOSTILE_TEXT.long, { exact: true }));
    await page.goto(`${env.url}/editor/rule-sets/district-sample`);
    await visible(page.locator('tr[data-version="3"]').getByText(HOSTILE_TEXT.script, { exact: true }));
    await expectInert(page, dialogs, errors);
    await page.goto(`${env.url}/editor/rule-sets/district-sample/compare?from=2&to=3`);
    await visible(page.getByTestId('policy-changes').getByText(hostile.scenarios.find((s) => s.id === 'school-enrollment')!.title.zh));
    await expectInert(page, dialogs, errors);
  }, 120_000);
});
