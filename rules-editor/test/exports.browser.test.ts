import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { WAIT, visible } from '../../test/support/browser/editor-pages';

/**
 * Exports for meetings and records: the diff of two versions printed and as a workbook (policy changes
 * first, test-case rewrites apart), and the filtered audit trail as CSV.
 */

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';
let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let auditor: StaffAccount;
let draftId = '';

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('export.editor', ['editor'], ['XX区']);
  auditor = await env.addStaff('export.auditor', ['auditor']);
  browser = await launchBrowser();
  // A draft that raises 见义勇为 from 10 to 12 and renames one test case.
  const call = await env.signIn(editor);
  const created = await call('POST', DRAFTS, {});
  const draft = (await created.json()) as { id: string; document: RuleSet };
  draftId = draft.id;
  const doc = structuredClone(draft.document);
  const samaritan = doc.indicators.find((i) => i.id === 'goodSamaritan') as { points: number };
  samaritan.points = 12;
  doc.cases[0]!.title = `${doc.cases[0]!.title}（已核对）`;
  const saved = await call('PUT', `${DRAFTS}/${draftId}`, { document: doc }, { 'if-match': created.headers.get('etag')! });
  expect(saved.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});


async function signInPage(account: StaffAccount): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { name: '规则集', exact: true }));
  return page;
}

describe('exports for meetings and records', () => {
  it('prints the diff without the app around it and exports it as a workbook, policy first and case rewrites apart', async () => {
    const page = await signInPage(auditor);
    await page.goto(`${env.url}/editor/rule-sets/district-sample/compare?from=2&to=draft:${draftId}`);
    const policy = page.getByTestId('policy-changes');
    await visible(policy);
    expect(await policy.locator('tbody tr').count()).toBe(1);
    expect(await policy.textContent()).toContain('10');
    expect(await page.getByTestId('case-rewrites').locator('tbody tr').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diff-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`district-sample-变更-2-至-draft-${draftId}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['政策变更 Policy changes', '用例改写 Case rewrites', '用例结果 Case outcomes']);
    const first = book.worksheets[0]!;
    expect(first.rowCount).toBe(2);
    expect(first.getRow(2).getCell(5).value).toBe('10');
    expect(first.getRow(2).getCell(6).value).toBe('12');
    expect(book.worksheets[1]!.rowCount).toBe(2);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('jifen-app header.bar').isVisible()).toBe(false);
    expect(await page.locator('jifen-compare form.pick').isVisible()).toBe(false);
    expect(await page.getByTestId('diff-xlsx').isVisible()).toBe(false);
    await visible(page.locator('jifen-compare h1 .print-only'));
    expect(await page.locator('jifen-compare h1').textContent()).toContain(`第 2 版 → 草稿 ${draftId}`);
  }, 90_000);

  it('exports the filtered audit trail as CSV, every page of it', async () => {
    const page = await signInPage(auditor);
    await page.goto(`${env.url}/editor/audit`);
    await page.getByLabel('操作人').fill(editor.username);
    await page.getByRole('button', { name: '筛选' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间,操作人,操作,对象,之前,之后,详情');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.split(',')[2] === editor.username)).toBe(true);
  }, 60_000);
});
