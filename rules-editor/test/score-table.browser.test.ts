import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { WAIT, visible } from '../../test/support/browser/editor-pages';

/**
 * The whole scoring table and the Excel round trip, as district staff use them: keyboard only in the
 * table (Chinese and English), a published version read-only, and a workbook downloaded, changed in one
 * cell and uploaded back.
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/1.json', import.meta.url), 'utf8')) as RuleSet;
const samaritanIndex = district.indicators.findIndex((i) => i.id === 'goodSamaritan');
const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('table.editor', ['editor'], [district.owner]);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const text = (l: Locator) => expect.poll(async () => (await l.textContent())?.trim(), WAIT);
const saved = (page: Page) => visible(page.locator('[data-testid="save-state"][data-state="saved"]'));

async function signInPage(account: StaffAccount, lang: 'zh' | 'en', width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US', acceptDownloads: true });
  await context.addInitScript((l) => localStorage.setItem('jifen.editor.lang', l), lang);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel(lang === 'zh' ? '用户名' : 'User name').fill(account.username);
  await page.getByLabel(lang === 'zh' ? '密码' : 'Password').fill(account.password);
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { name: lang === 'zh' ? '规则集' : 'Rule sets', exact: true }));
  return page;
}

async function newDraft(): Promise<{ id: string; call: Awaited<ReturnType<EditorServer['signIn']>> }> {
  const call = await env.signIn(editor);
  const res = await call('POST', DRAFTS, {});
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, call };
}

async function draftDoc(call: Awaited<ReturnType<EditorServer['signIn']>>, id: string): Promise<RuleSet> {
  return ((await (await call('GET', `${DRAFTS}/${id}`)).json()) as { document: RuleSet }).document;
}

const pointsOf = (doc: RuleSet, id: string) => (doc.indicators.find((i) => i.id === id) as { points?: number }).points;

describe('the whole scoring table', () => {
  it('changes one weight with the keyboard only, in Chinese: search, Tab in, arrows, type, Enter', async () => {
    const { id, call } = await newDraft();
    const page = await signInPage(editor, 'zh');
    await page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/${id}`);
    const open = page.locator('jifen-draft-nav').getByRole('button', { name: '积分总表' });
    await open.focus();
    await page.keyboard.press('Enter');
    const table = page.locator('jifen-score-table');
    const grid = table.getByRole('grid');
    await visible(grid);
    expect(await grid.locator('th').allTextContents()).toEqual(['名称', '计分方式', '分值', '每多少单位', '起点', '止点', '每单位增减', '封顶', '条件', '负责部门', '依据']);

    // Search narrows the table to the indicator; Tab reaches the grid; arrows reach its 分值 cell.
    await table.getByRole('searchbox').focus();
    await page.keyboard.type('见义勇为');
    await text(table.getByRole('status')).toBe(`显示 1 / ${district.indicators.length + 5} 项指标`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const cell = grid.locator('tr[data-key="i:goodSamaritan"] td.points');
    expect(await cell.getAttribute('aria-selected')).toBe('true');
    await text(cell).toBe('10');

    // Typing starts the change; Esc cancels it; a word is refused at the cell; Enter confirms.
    await page.keyboard.type('99');
    await page.keyboard.press('Escape');
    await text(cell).toBe('10');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await text(cell.getByRole('alert')).toBe('请输入数字');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await text(cell).toBe('12');
    await saved(page);
    expect(pointsOf(await draftDoc(call, id), 'goodSamaritan')).toBe(12);

    // The draft's undo and redo cover the table's edits.
    await page.keyboard.press('Control+Z');
    await text(cell).toBe('10');
    await page.keyboard.press('Control+Shift+Z');
    await text(cell).toBe('12');
    await saved(page);

    // Copy the cell (Enter stayed on it: it is the last row shown), paste it into a tier's 分值 of another indicator.
    expect(await cell.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+C');
    await table.getByRole('searchbox').fill('就业情况');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const tier = grid.locator('tr[data-key="t:employment:contract-or-business"] td.points');
    await expect.poll(() => tier.getAttribute('aria-selected'), WAIT).toBe('true');
    await page.keyboard.press('Control+V');
    await text(tier).toBe('12');
    await saved(page);
    const employment = (await draftDoc(call, id)).indicators.find((i) => i.id === 'employment');
    expect(employment?.kind === 'tiers' && employment.tiers[0]!.points).toBe(12);

    // Enter on a condition opens the detailed form of that indicator.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await visible(page.locator('jifen-indicator-form'));
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('opens a published version read-only in English, filtered by kind; keys never edit it', async () => {
    const page = await signInPage(editor, 'en');
    await page.goto(`${env.url}/editor/rule-sets/district-sample`);
    await page.locator('tr[data-version="1"]').getByRole('link', { name: 'Scoring table' }).click();
    const table = page.locator('jifen-score-table');
    const grid = table.getByRole('grid');
    await visible(grid);
    expect(await grid.getAttribute('aria-readonly')).toBe('true');
    await text(page.getByRole('heading', { level: 1 })).toBe('Version 1 · scoring table (read-only)');
    await table.getByRole('combobox').nth(1).selectOption('deduction');
    const deductions = district.indicators.filter((i) => i.kind === 'deduction').length;
    await text(table.getByRole('status')).toBe(`Showing ${deductions} of ${district.indicators.length + 5} indicators`);
    await grid.locator('td[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    expect(await grid.locator('input').count()).toBe(0);
    await text(grid.locator('td[aria-selected="true"]')).toBe(String(pointsOf(district, 'administrativePenalty')));
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe('the Excel round trip in the editor', () => {
  it('downloads the draft, one cell changed in Excel uploads as exactly that change', async () => {
    const { id, call } = await newDraft();
    const page = await signInPage(editor, 'zh');
    await page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/${id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('workbook-download').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('指标 Indicators')!;
    const pointsColumn = (ws.getRow(1).values as unknown[]).indexOf('分值');
    ws.eachRow((row) => {
      if (row.getCell(1).value === '指标' && row.getCell(2).value === 'goodSamaritan') row.getCell(pointsColumn).value = 15;
    });
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    await page.getByTestId('workbook-upload').setInputFiles({ name: '积分规则.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited });
    await text(page.getByTestId('workbook-result')).toContain('已从 Excel 导入并保存');
    const diff = (await (await call('GET', `/api/v1/rule-sets/district-sample/diff?from=2&to=draft:${id}`)).json()) as { changes: { kind: string; path: string; after: unknown }[] };
    expect(diff.changes.map((c) => [c.kind, c.path, c.after])).toEqual([['points-changed', `/indicators/${samaritanIndex}/points`, 15]]);

    // The same file again changes nothing.
    await page.getByTestId('workbook-upload').setInputFiles({ name: '积分规则.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited });
    await text(page.getByTestId('workbook-result')).toContain('Excel 与草稿一致，没有变更');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
