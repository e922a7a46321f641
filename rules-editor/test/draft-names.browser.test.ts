import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../server/src/domain/drafts/draft';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { MESSAGES, newDraft, signedIn, visible, WAIT } from '../../test/support/browser/editor-pages';

/**
 * Policy staff name a draft when they start it and rename it while it is a draft, in the Chinese UI; the
 * name is what the draft list, the draft's header, the approval queue, the review page and the audit trail
 * show. A rename never overwrites someone else's change: a save in between is kept, a rename in between
 * is shown to the person before theirs is sent again.
 */

const m = MESSAGES.zh;
const SPRING = '2027年春季入学积分调整';
const AUTUMN = '2027年秋季入学积分调整';

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let auditor: StaffAccount;
let asEditor: Awaited<ReturnType<EditorServer['signIn']>>;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('names.editor', ['editor'], ['XX区']);
  approver = await env.addStaff('names.approver', ['approver']);
  auditor = await env.addStaff('names.auditor', ['auditor']);
  asEditor = await env.signIn(editor);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();
const nameShown = (page: Page) => expect.poll(() => text(page, 'draft-name'), WAIT);

async function stored(id: string): Promise<{ draft: Draft; etag: string }> {
  const res = await asEditor('GET', `/api/v1/rule-sets/district-sample/drafts/${id}`);
  return { draft: (await res.json()) as Draft, etag: res.headers.get('etag')! };
}

describe('draft names in the editor (zh)', () => {
  let draftId = '';

  it('names a draft when it is started, refusing a name too long, and shows it in its header and the lists', async () => {
    const unnamed = await newDraft(asEditor);
    const page = await signedIn(browser, env, editor, 'zh');
    // A draft never named still reads as something: when it was created.
    const unnamedLink = page.locator('jifen-rule-sets [data-testid="draft-link"]', { hasText: '草稿 · 创建于 ' });
    await visible(unnamedLink.first());

    await page.getByTestId('new-draft-district-sample').click();
    const name = page.getByTestId('new-draft-name');
    await visible(name);
    await name.fill('积'.repeat(61));
    await page.getByTestId('new-draft-create').click();
    await expect.poll(() => text(page, 'new-draft-error'), WAIT).toBe('草稿名称最多 60 个字符（现有 61 个）');
    expect(page.url()).toBe(`${env.url}/editor/`);

    await name.fill(`  ${SPRING} `);
    await page.getByTestId('new-draft-create').click();
    await page.waitForURL(/\/editor\/rule-sets\/district-sample\/drafts\/[a-z0-9]+$/, WAIT);
    draftId = page.url().split('/').pop()!;
    await nameShown(page).toBe(SPRING);
    expect((await stored(draftId)).draft.name).toBe(SPRING);

    await page.goto(`${env.url}/editor/rule-sets/district-sample`);
    const row = page.locator(`jifen-rule-set tr[data-draft="${draftId}"]`);
    await expect.poll(async () => (await row.getByTestId('draft-link').textContent())?.trim(), WAIT).toBe(SPRING);
    const other = page.locator(`jifen-rule-set tr[data-draft="${unnamed.id}"] [data-testid="draft-link"]`);
    expect((await other.textContent())?.trim()).toMatch(/^草稿 · 创建于 2026-\d\d-\d\d \d\d:\d\d$/);
    await page.context().close();
  }, 90_000);

  it('renames it in the header: a blank name is refused at the field, a new one is saved and shown everywhere', async () => {
    const page = await signedIn(browser, env, editor, 'zh');
    await page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/${draftId}`);
    await nameShown(page).toBe(SPRING);

    await page.getByTestId('rename-open').click();
    const input = page.getByTestId('rename-input');
    await expect.poll(() => input.inputValue(), WAIT).toBe(SPRING);
    await input.fill('   ');
    await page.getByTestId('rename-save').click();
    await expect.poll(() => text(page, 'rename-error'), WAIT).toBe('草稿名称不能为空');
    expect((await stored(draftId)).draft.name).toBe(SPRING);

    // Esc leaves the name as it was.
    await input.press('Escape');
    await page.getByTestId('rename-input').waitFor({ state: 'detached', ...WAIT });
    await nameShown(page).toBe(SPRING);

    await page.getByTestId('rename-open').click();
    await page.getByTestId('rename-input').fill(AUTUMN);
    await page.getByTestId('rename-input').press('Enter');
    await nameShown(page).toBe(AUTUMN);
    await page.getByTestId('rename-input').waitFor({ state: 'detached', ...WAIT });
    expect((await stored(draftId)).draft).toMatchObject({ name: AUTUMN, revision: 2 });

    await page.goto(`${env.url}/editor/`);
    await expect.poll(async () => (await page.locator('jifen-rule-sets [data-testid="draft-link"]').allTextContents()).map((t) => t.trim()), WAIT).toContain(AUTUMN);
    await page.context().close();
  }, 90_000);

  it('keeps a save made meanwhile, and tells the person when someone else renamed the draft first', async () => {
    const page = await signedIn(browser, env, editor, 'zh');
    await page.goto(`${env.url}/editor/rule-sets/district-sample/drafts/${draftId}`);
    await nameShown(page).toBe(AUTUMN);

    // A colleague's tab saves the document after this page loaded: the rename goes on, their change stays.
    const before = await stored(draftId);
    const document = structuredClone(before.draft.document);
    document.scenarios[0]!.places = (document.scenarios[0]!.places ?? 0) + 7;
    expect((await asEditor('PUT', `/api/v1/rule-sets/district-sample/drafts/${draftId}`, { document }, { 'if-match': before.etag })).status).toBe(200);
    await page.getByTestId('rename-open').click();
    await page.getByTestId('rename-input').fill(SPRING);
    await page.getByTestId('rename-save').click();
    await nameShown(page).toBe(SPRING);
    const after = (await stored(draftId)).draft;
    expect(after.name).toBe(SPRING);
    expect(after.document.scenarios[0]!.places).toBe(document.scenarios[0]!.places);

    // Someone renames it meanwhile: this page says so and sends nothing until the person saves again.
    const now = await stored(draftId);
    expect((await asEditor('PUT', `/api/v1/rule-sets/district-sample/drafts/${draftId}/name`, { name: '别人起的名字' }, { 'if-match': now.etag })).status).toBe(200);
    await page.getByTestId('rename-open').click();
    await page.getByTestId('rename-input').fill(AUTUMN);
    await page.getByTestId('rename-save').click();
    await expect.poll(() => text(page, 'rename-error'), WAIT).toBe(m.renameTakenBy('别人起的名字'));
    await nameShown(page).toBe('别人起的名字');
    expect((await stored(draftId)).draft.name).toBe('别人起的名字');
    await page.getByTestId('rename-save').click();
    await nameShown(page).toBe(AUTUMN);
    expect((await stored(draftId)).draft.name).toBe(AUTUMN);
    await page.context().close();
  }, 90_000);

  it('shows the name in the approval queue, on the review page and in the audit trail', async () => {
    expect((await asEditor('POST', `/api/v1/rule-sets/district-sample/drafts/${draftId}/submit`, { note: '入学名额增加 7 个' })).status).toBe(200);
    const page = await signedIn(browser, env, approver, 'zh');
    await page.goto(`${env.url}/editor/approvals`);
    const queued = page.locator(`jifen-approvals tr[data-draft="${draftId}"]`);
    await expect.poll(async () => (await queued.getByTestId('queue-draft-name').textContent())?.trim(), WAIT).toBe(AUTUMN);
    await queued.getByRole('link', { name: m.review }).click();
    await expect.poll(() => text(page, 'review-draft-name'), WAIT).toBe(AUTUMN);
    await page.context().close();

    const audit = await signedIn(browser, env, auditor, 'zh');
    await audit.goto(`${env.url}/editor/audit`);
    await audit.getByLabel(m.action, { exact: true }).fill(m.auditActions['draft-renamed']!);
    await audit.getByRole('button', { name: m.filter, exact: true }).click();
    const rows = audit.locator('jifen-audit tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(4);
    await expect.poll(async () => (await rows.getByTestId('renamed').allTextContents()).map((t) => t.trim()), WAIT).toEqual([
      m.renamedFromTo('别人起的名字', AUTUMN),
      m.renamedFromTo(SPRING, '别人起的名字'),
      m.renamedFromTo(AUTUMN, SPRING),
      m.renamedFromTo(SPRING, AUTUMN),
    ]);
    // Each entry names the draft by the name it has now.
    expect((await rows.first().getByTestId('target-draft').textContent())?.trim()).toBe(AUTUMN);
    await audit.context().close();
  }, 90_000);
});
