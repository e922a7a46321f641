import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../test/support/browser/browser';
import { editorContext, ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { WAIT, visible } from '../../test/support/browser/editor-pages';

/**
 * An approver whose password an admin chose opens a submitted draft and approves: the editor says why it
 * is refused, offers the change of password right there, and the approval goes through once it is done.
 */

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let draftId: string;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('pw.editor', ['editor'], ['XX区']);
  approver = await env.addStaff('pw.approver', ['approver'], [], { adminsPassword: true });
  const asEditor = await env.signIn(editor);
  const draft = (await (await asEditor('POST', '/api/v1/rule-sets/district-sample/drafts', { note: 'no change' })).json()) as { id: string };
  draftId = draft.id;
  expect((await asEditor('POST', `/api/v1/rule-sets/district-sample/drafts/${draftId}/submit`, { note: 'no change' })).status).toBe(200);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});


describe('an approver with a password an admin chose', () => {
  it('is told why the approval is refused, changes the password in place, and then approves', async () => {
    const context = await editorContext(browser, { locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${env.url}/editor/`);
    await page.getByLabel('用户名').fill(approver.username);
    await page.getByLabel('密码').fill(approver.password);
    await page.getByRole('button', { name: '登录' }).click();
    await visible(page.getByRole('heading', { name: '规则集', exact: true }));
    await page.getByRole('link', { name: '待审批' }).click();
    await page.getByRole('link', { name: '审批', exact: true }).click();

    await page.getByTestId('approve').click();
    await visible(page.getByText('你的密码由管理员设置，修改后才能批准或退回草稿。'));
    await page.getByLabel('当前密码').fill(approver.password);
    await page.getByLabel('新密码（至少 12 个字符）').fill('only-the-approver-knows');
    await page.getByLabel('再次输入新密码').fill('only-the-approver-knows');
    await page.getByTestId('change-password').click();
    await visible(page.getByText('密码已修改'));

    await page.getByTestId('approve').click();
    await visible(page.getByTestId('published'));
    await context.close();
  }, 120_000);
});
