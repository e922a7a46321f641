import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../test/support/browser/browser';
import { editorContext, ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { WAIT } from '../../test/support/browser/editor-pages';

/**
 * Staff read the server's refusals in the editor's language: its Chinese (`messageZh`) in the Chinese UI,
 * its English in the English one — a wrong password, a lockout with how long it lasts, a draft that
 * does not exist.
 */

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let reader: StaffAccount;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('msg.editor', ['editor'], ['XX区']);
  reader = await env.addStaff('msg.reader', ['editor'], ['XX区']);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const SHOTS = join(tmpdir(), 'jifen-editor-screenshots');

async function editorPage(lang: 'zh' | 'en'): Promise<Page> {
  const context = await editorContext(browser, { locale: lang === 'zh' ? 'zh-CN' : 'en' });
  await context.addInitScript((l) => localStorage.setItem('jifen.editor.lang', l), lang);
  return context.newPage();
}

async function signInWith(page: Page, lang: 'zh' | 'en', username: string, password: string): Promise<void> {
  await page.getByLabel(lang === 'zh' ? '用户名' : 'User name').fill(username);
  await page.getByLabel(lang === 'zh' ? '密码' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: lang === 'zh' ? '登录' : 'Sign in' }).click();
}

describe("the server's refusals in the editor's language", () => {
  it('says a wrong password and then the lockout, with how long it lasts, in Chinese', async () => {
    const page = await editorPage('zh');
    await page.goto(`${env.url}/editor/`);
    await signInWith(page, 'zh', editor.username, 'not the password at all');
    await page.getByText('用户名或密码不正确').waitFor(WAIT);
    // The fifth failure locks this account from this address; the next try is told how long to wait.
    for (let i = 0; i < 5; i++) await signInWith(page, 'zh', editor.username, `wrong password ${i}`);
    await page.getByText(/已暂时锁定，请 \d+ 分钟后再试/).waitFor(WAIT);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'sign-in-locked-1280-zh.png') });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, 'sign-in-locked-375-zh.png') });
    await page.context().close();
  }, 120_000);

  it('says the same in English in the English UI', async () => {
    const page = await editorPage('en');
    await page.goto(`${env.url}/editor/`);
    await signInWith(page, 'en', 'nobody.here', 'not the password at all');
    await page.getByText('Auth: wrong username or password').waitFor(WAIT);
    expect(await page.getByText('用户名或密码不正确').count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it("shows a missing draft in the server's Chinese", async () => {
    const page = await editorPage('zh');
    await page.goto(`${env.url}/editor/`);
    await signInWith(page, 'zh', reader.username, reader.password);
    await page.getByRole('heading', { name: '规则集', exact: true }).waitFor(WAIT);
    await page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/d0000000000000000`);
    await page.getByText('没有这份草稿').waitFor(WAIT);
    expect(await page.getByText('Drafts: district-sample has no draft').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
