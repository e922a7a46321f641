import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../../../rules-editor/src/i18n/en';
import { zh, type Messages } from '../../../rules-editor/src/i18n/zh';
import { editorContext, type EditorServer, type StaffAccount } from './editor';

/** Page helpers for the editor's browser tests, in either language of the UI. */

export type Lang = 'zh' | 'en';
export const MESSAGES: Record<Lang, Messages> = { zh, en };
export const WAIT = { timeout: 15_000 };

export const visible = (l: Locator) => l.waitFor({ state: 'visible', ...WAIT });
export const gone = (l: Locator) => l.waitFor({ state: 'detached', ...WAIT });
export const saveState = (page: Page) => expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), WAIT);

/**
 * A new page signed in as `account`, the UI in `lang` (kept in the browser as the language switch keeps it).
 * With `clock`, the page's clock reads the editor tests' day (`EDITOR_NOW`), as the server's does.
 *
 * @example
 * const page = await signedIn(browser, env, editor, 'en', 375);
 */
export async function signedIn(
  browser: Browser,
  env: EditorServer,
  account: StaffAccount,
  lang: Lang,
  width = 1280,
  options: { clock?: boolean } = {},
): Promise<Page> {
  const contextOptions = { viewport: { width, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-GB' };
  const context = options.clock ? await editorContext(browser, contextOptions) : await browser.newContext(contextOptions);
  await context.addInitScript((l) => localStorage.setItem('jifen.editor.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel(MESSAGES[lang].username).fill(account.username);
  await page.getByLabel(MESSAGES[lang].password).fill(account.password);
  await page.getByRole('button', { name: MESSAGES[lang].signIn }).click();
  await visible(page.getByRole('heading', { name: MESSAGES[lang].ruleSets, exact: true }));
  return page;
}

/** A fresh draft of `ruleSetId` started through the API; answers its id and its API path. */
export async function newDraft(call: Awaited<ReturnType<EditorServer['signIn']>>, ruleSetId = 'district-sample'): Promise<{ id: string; api: string; page: string }> {
  const res = await call('POST', `/api/v1/rule-sets/${ruleSetId}/drafts`, {});
  if (res.status !== 201) throw new Error(`starting a draft answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  return { id, api: `/api/v1/rule-sets/${ruleSetId}/drafts/${id}`, page: `/editor/rule-sets/${ruleSetId}/drafts/${id}` };
}

/** Opens a draft in the editor and waits for its first form. */
export async function openDraft(page: Page, env: EditorServer, draftPage: string): Promise<void> {
  await page.goto(`${env.url}${draftPage}`);
  await visible(page.locator('jifen-general-form h2'));
}

/** Opens one part of the draft (an indicator's or scenario's title, 基本信息, 测试用例 …) from the draft's navigation. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.locator('jifen-draft-nav').getByRole('button', { name, exact: false }).first().click();
}
