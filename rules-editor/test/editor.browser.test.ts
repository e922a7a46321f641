import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import type { Evaluation } from '../../server/src/domain/scoring/types';
import { launchBrowser } from '../../test/support/browser/browser';
import { EDITOR_TODAY, editorContext, ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { WAIT, visible } from '../../test/support/browser/editor-pages';
import { openDatabase } from '../../server/src/platform/db/database';

/**
 * The whole job through the editor, against a real server and database: an editor raises one indicator's
 * points and watches the preview, adds a test case and submits; an approver publishes it; the evaluation
 * API then scores with the new points; an auditor reads the change in the diff, verifies the trail, and
 * downloads a signed checkpoint and checks the trail against it.
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/1.json', import.meta.url), 'utf8')) as RuleSet;
const sample = district.cases.find((c) => c.id === 'typical-at-school-bar')!;
const indicatorIndex = district.indicators.findIndex((i) => i.id === 'employment');
const employment = district.indicators[indicatorIndex]!;
if (employment.kind !== 'tiers') throw new Error('the test expects "employment" to be a tiers indicator');
const tierIndex = employment.tiers.findIndex((t) => t.id === 'contract-or-business');
const oldPoints = employment.tiers[tierIndex]!.points;
const newPoints = oldPoints + 5;

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let auditor: StaffAccount;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('test.editor', ['editor'], [district.owner]);
  approver = await env.addStaff('test.approver', ['approver']);
  auditor = await env.addStaff('test.auditor', ['auditor']);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function signInPage(account: StaffAccount): Promise<Page> {
  const context = await editorContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await visible(page.getByRole('heading', { name: '规则集', exact: true }));
  return page;
}

async function evaluate(body: Record<string, unknown>): Promise<Evaluation> {
  const res = await fetch(`${env.url}/api/v1/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ruleSetId: 'district-sample', ...body }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Evaluation;
}

const pointsOf = (ev: Evaluation, id: string) => ev.indicators.find((i) => i.id === id)?.points;

// Playwright's own assertions belong to its test runner; these wait the same way under vitest.
const text = (l: Locator) => expect.poll(async () => (await l.textContent())?.trim(), WAIT);
const value = (l: Locator) => expect.poll(() => l.inputValue(), WAIT);
const saved = (page: Page) => visible(page.locator('[data-testid="save-state"][data-state="saved"]'));

describe('the rules editor, end to end', () => {
  it('takes a weight change from an editor through four-eyes publishing to the evaluation API and the auditor', async () => {
    // The editor opens a new draft of the district rule set.
    const page = await signInPage(editor);
    await page.getByTestId('new-draft-district-sample').click();
    // Asked for a name first; it may stay blank (the draft is then shown by when it was created).
    await page.getByTestId('new-draft-create').click();
    await page.waitForURL(/\/editor\/rule-sets\/district-sample\/drafts\/[^/]+$/);
    const draftUrl = page.url();

    // The preview scores a sample resident exactly as the evaluation API does.
    const before = await evaluate({ asOf: sample.asOf, facts: sample.facts, version: 2 });
    await page.getByLabel('从测试用例载入').selectOption(sample.id);
    const total = page.getByTestId('preview-total');
    await text(total).toBe(String(before.total));
    await text(page.getByTestId('points-employment')).toBe(String(oldPoints));

    // Raise one tier's points; the draft is validated and saved, and the preview follows.
    await page.locator('jifen-draft-nav').getByRole('button', { name: employment.title.zh }).click();
    const points = page.locator(`input[data-path="indicators.${indicatorIndex}.tiers.${tierIndex}.points"]`);
    await value(points).toBe(String(oldPoints));
    await points.fill(String(newPoints));
    await points.blur();
    await saved(page);
    await text(total).toBe(String(before.total + 5));
    await text(page.getByTestId('points-employment')).toBe(String(newPoints));

    // Save the sample as a test case, with the result the preview shows as its expectation.
    await page.getByRole('button', { name: '保存为测试用例' }).click();
    await page.getByLabel('用例名称').fill('就业加分后的典型居民');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.locator('jifen-draft-nav').getByRole('button', { name: /测试用例/ }).click();
    const cases = page.locator('jifen-test-cases');
    const newCase = cases.locator('tr', { hasText: '就业加分后的典型居民' });
    await visible(newCase);
    await saved(page);
    await visible(newCase.getByText('通过'));

    // Cases written for the old weight now fail; the editor takes the new results deliberately.
    if (await cases.getByTestId('accept-all').isVisible()) {
      await cases.getByTestId('accept-all').click();
      // Confirmed case by case: each old → new is shown before anything is rewritten.
      await visible(cases.getByTestId('accept-list'));
      await cases.getByTestId('accept-confirm').click();
      await saved(page);
    }
    await text(cases.getByTestId('cases-failed')).toBe('0 个失败');

    // Submit with a change note.
    await page.getByTestId('submit-open').click();
    await page.getByTestId('change-note').fill(`劳动合同就业档分值由${oldPoints}分调整为${newPoints}分`);
    await page.getByTestId('submit-confirm').click();
    await visible(page.getByTestId('submitted-notice'));

    // The approver finds it in the queue, reads the change and the test results, and publishes it today.
    const review = await signInPage(approver);
    await review.getByRole('link', { name: '待审批' }).click();
    await review.getByRole('link', { name: '审批', exact: true }).click();
    await text(review.getByTestId('policy-changes')).toContain(`${oldPoints} → ${newPoints}`);

    // Before deciding, the approver runs the draft's impact on the demo population: the panel shows the
    // numbers the impact API answers (everyone employed on a contract gains the 5 points, nobody loses).
    const draftId = draftUrl.split('/').at(-1)!;
    const asApprover = await env.signIn(approver);
    const res = await asApprover('POST', `/api/v1/rule-sets/district-sample/drafts/${draftId}/impact`, {});
    expect(res.status).toBe(200);
    const impact = (await res.json()) as { residents: number; totals: { up: number; down: number }; scenarios: { id: string; gained: number }[] };
    expect(impact.residents).toBeGreaterThan(0);
    expect(impact.totals.up).toBeGreaterThan(0);
    expect(impact.totals.down).toBe(0);
    const grouped = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
    const panel = review.locator('jifen-impact');
    await panel.getByRole('button', { name: '运行' }).click();
    await visible(panel.getByTestId('impact-result'));
    await text(panel.getByTestId('impact-up')).toBe(grouped(impact.totals.up));
    await text(panel.getByTestId('impact-down')).toBe('0');
    const school = impact.scenarios.find((s) => s.id === 'school-enrollment')!;
    await text(panel.getByTestId('gained-school-enrollment')).toBe(school.gained ? `+${grouped(school.gained)}` : '0');
    await visible(panel.getByTestId('impact-histogram'));
    await text(panel.getByTestId('impact-movers-up').locator('tbody tr').first()).toContain('+5');
    // The date proposed is tomorrow; the approver publishes it today instead, the earliest date allowed.
    await value(review.getByTestId('effective-from')).toBe('2026-07-01');
    await review.getByTestId('effective-from').fill(EDITOR_TODAY);
    await review.getByTestId('approve').click();
    await text(review.getByTestId('published')).toContain('第 3 版');

    // Evaluation now uses the new points; the version before still scores the old way.
    const now = await evaluate({ asOf: EDITOR_TODAY, facts: sample.facts });
    const then = await evaluate({ asOf: EDITOR_TODAY, facts: sample.facts, version: 2 });
    expect(now.version).toBe(3);
    expect(pointsOf(now, 'employment')).toBe(newPoints);
    expect(pointsOf(then, 'employment')).toBe(oldPoints);
    expect(now.total).toBe(then.total + 5);

    // The auditor compares the two versions and sees the change in policy terms, then verifies the trail.
    const audit = await signInPage(auditor);
    await audit.goto(`${env.url}/editor/rule-sets/district-sample`);
    await audit.locator('tr[data-version="3"]').getByRole('link', { name: '变更内容' }).click();
    const change = audit.locator('[data-testid="policy-changes"] tr[data-target^="indicator:employment"]');
    await text(change).toContain(employment.title.zh);
    await text(change).toContain(`${oldPoints} → ${newPoints}`);
    await audit.getByRole('link', { name: '审计记录' }).click();
    await audit.getByTestId('verify').click();
    await text(audit.getByTestId('verify-result')).toContain('记录链前后相连');
    // The auditor keeps a signed checkpoint of the trail away from the server, and later checks against it.
    const [download] = await Promise.all([audit.waitForEvent('download'), audit.getByTestId('checkpoint-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^jifen-audit-checkpoint-\d+\.json$/);
    const kept = await download.path();
    await audit.getByTestId('checkpoint-file').setInputFiles(kept);
    await text(audit.getByTestId('checkpoint-result')).toContain('检查点成立');

    // Someone with the database file changes who did an entry: the check names it in Chinese, and the
    // entry is marked where the trail lists it, not shown as fact.
    const intruder = openDatabase({ url: env.databaseUrl });
    const published = Number((await intruder.execute("SELECT max(seq) AS seq FROM audit_log WHERE action = 'version-published'")).rows[0]!.seq);
    await intruder.execute('DROP TRIGGER audit_log_no_update');
    await intruder.execute({ sql: "UPDATE audit_log SET actor = 'intruder' WHERE seq = ?", args: [published] });
    intruder.close();
    await audit.reload();
    await audit.getByTestId('verify').click();
    await text(audit.getByTestId('verify-result')).toContain(`第 ${published} 条记录（intruder，version-published，`);
    await text(audit.getByTestId('verify-result')).toContain('与其哈希不符，内容被改动');
    const row = audit.locator(`tr[data-seq="${published}"]`);
    await row.getByTestId('entry-broken').waitFor(WAIT);
    expect(await row.getAttribute('class')).toContain('broken');
    expect(await audit.getByTestId('entry-broken').count()).toBe(1);

    // The published draft is read-only now for its author too.
    await page.goto(draftUrl);
    await visible(page.getByText('已发布为第 3 版'));
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
