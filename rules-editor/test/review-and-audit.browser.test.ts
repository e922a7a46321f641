import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { MESSAGES, newDraft, openDraft, openSection, saveState, signedIn, visible, WAIT } from '../../test/support/browser/editor-pages';

/**
 * The review page shows each person only what they may do: the author of a submission sees no approve or
 * 退回 button but can withdraw it; the approver sees when it was submitted and, after approving, their
 * note. The audit trail is filtered by the labels it shows and tells which field each save changed, in
 * staff's words over the exact pointer.
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/1.json', import.meta.url), 'utf8')) as RuleSet;
const school = district.scenarios[0]!;

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let auditor: StaffAccount;
let asEditor: Awaited<ReturnType<EditorServer['signIn']>>;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('review.editor', ['editor'], [district.owner]);
  approver = await env.addStaff('review.approver', ['approver']);
  auditor = await env.addStaff('review.auditor', ['auditor']);
  asEditor = await env.signIn(editor);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

/** A draft adding `by` school places (no case changes), saved and submitted by the editor through the API. */
async function submittedDraft(by: number) {
  const draft = await newDraft(asEditor);
  const got = await asEditor('GET', draft.api);
  const { document } = (await got.json()) as { document: RuleSet };
  document.scenarios[0]!.places = school.places + by;
  expect((await asEditor('PUT', draft.api, { document }, { 'if-match': got.headers.get('etag')! })).status).toBe(200);
  expect((await asEditor('POST', `${draft.api}/submit`, { note: `入学名额 ${school.places} → ${school.places + by}` })).status).toBe(200);
  return draft;
}

describe.each(['zh', 'en'] as const)('review and audit (%s)', (lang) => {
  const m = MESSAGES[lang];

  it('shows the author no decision buttons on their own submission, and lets them withdraw it', async () => {
    const draft = await submittedDraft(lang === 'zh' ? 1 : 2);
    const page = await signedIn(browser, env, editor, lang);
    await page.goto(`${env.url}${draft.page}/review`);
    const own = page.getByTestId('own-submission');
    await visible(own);
    expect((await own.textContent())?.replace(/\s+/g, ' ')).toContain(m.waitingForOther);
    expect(await page.getByRole('button', { name: m.reject, exact: true }).count()).toBe(0);
    expect(await page.getByTestId('approve').count()).toBe(0);
    await own.getByRole('button', { name: m.withdraw }).click();
    await visible(page.getByText(m.withdrawn));
    const stored = (await (await asEditor('GET', draft.api)).json()) as { status: string };
    expect(stored.status).toBe('editing');
    await page.context().close();
  }, 60_000);

  it('shows the approver when it was submitted, and their note after approving', async () => {
    const draft = await submittedDraft(lang === 'zh' ? 3 : 4);
    const submittedAt = ((await (await asEditor('GET', draft.api)).json()) as { submittedAt: string }).submittedAt;
    const page = await signedIn(browser, env, approver, lang);
    await page.goto(`${env.url}${draft.page}/review`);
    const meta = page.getByTestId('review-meta');
    await visible(meta);
    // In China time (UTC+8), as the server's own messages say it, whatever zone this machine is in.
    const stamp = new Date(Date.parse(submittedAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    await expect.poll(() => meta.textContent(), WAIT).toContain(editor.username);
    expect(await meta.textContent()).toContain(m.submittedBy(editor.username, stamp));

    const note = lang === 'zh' ? '同意，按区政府通知执行' : 'Agreed, per the district notice';
    await page.getByLabel(m.approvalNote).fill(note);
    await page.getByTestId('approve').click();
    const approval = page.getByTestId('approval');
    await visible(approval);
    expect(await approval.textContent()).toContain(note);
    expect(await approval.textContent()).toContain(approver.username);
    await page.context().close();
  }, 60_000);

  /** The auditor's trail, filtered by the label of `action` as a person types it. */
  async function trailOf(action: string) {
    const page = await signedIn(browser, env, auditor, lang);
    await page.goto(`${env.url}/editor/audit`);
    const filter = page.getByLabel(m.action, { exact: true });
    await visible(filter);
    await filter.fill(m.auditActions[action]!);
    await page.getByRole('button', { name: m.filter, exact: true }).click();
    return page;
  }

  it('filters the audit trail by the label it shows, and shows which field each save changed', async () => {
    const page = await trailOf('draft-edited');
    const rows = page.locator('jifen-audit tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(0);
    const labels = await rows.locator('td:nth-child(4)').allTextContents();
    expect(new Set(labels.map((l) => l.trim()))).toEqual(new Set([m.auditActions['draft-edited']]));
    expect(await rows.first().getByTestId('patch').textContent()).toContain('/scenarios/0/places');
    await page.context().close();
  }, 60_000);

  it('shows a decision refused for four eyes in the trail, with what the person who tried was told', async () => {
    const both = await env.addStaff(`review.both.${lang}`, ['editor', 'approver'], [district.owner]);
    const asBoth = await env.signIn(both);
    const draft = await newDraft(asBoth);
    expect((await asBoth('POST', `${draft.api}/submit`, { note: '无改动' })).status).toBe(200);
    expect((await asBoth('POST', `${draft.api}/approve`, { effectiveFrom: '2027-01-01' })).status).toBe(403);

    const page = await trailOf('draft-decision-refused');
    const mine = page.locator('jifen-audit tbody tr', { hasText: both.username });
    await visible(mine.first());
    const told = lang === 'zh' ? '双人审核：您参与编写了这份草稿，不能批准它，请由另一位审批人决定' : `Drafts: four eyes: ${both.username} wrote draft`;
    expect(await mine.first().getByTestId('refused-because').textContent()).toContain(m.refusedTold(told));
    await page.context().close();
  }, 60_000);
});

describe('a save in the audit trail (zh)', () => {
  const m = MESSAGES.zh;
  const shots = process.env.JIFEN_SCREENSHOTS;

  it('names the tier whose points the editor changed, with the exact pointer beside it', async () => {
    const draft = await newDraft(asEditor);
    const { document } = (await (await asEditor('GET', draft.api)).json()) as { document: RuleSet };
    const index = document.indicators.findIndex((i) => i.kind === 'tiers');
    const indicator = document.indicators[index]!;
    const tier = indicator.kind === 'tiers' ? indicator.tiers[0]! : undefined;
    const pointer = `/indicators/${index}/tiers/0/points`;

    const page = await signedIn(browser, env, editor, 'zh');
    await openDraft(page, env, draft.page);
    await openSection(page, indicator.title.zh);
    const points = page.locator(`input[data-path="indicators.${index}.tiers.0.points"]`);
    await visible(points);
    await points.fill(String(tier!.points + 2));
    await saveState(page).toBe('saved');
    await page.context().close();

    for (const width of [1280, 375]) {
      const trail = await signedIn(browser, env, auditor, 'zh', width);
      await trail.goto(`${env.url}/editor/audit`);
      await visible(trail.getByLabel(m.target, { exact: true }));
      await trail.getByLabel(m.target, { exact: true }).fill(`rule-set:district-sample/draft:${draft.id}`);
      await trail.getByRole('button', { name: m.filter, exact: true }).click();
      const change = trail.locator('jifen-audit tbody tr').first().getByTestId('patch-op').first();
      await expect.poll(() => change.locator('.where').textContent(), WAIT).toBe(`指标「${indicator.title.zh}」 › 档次「${tier!.title.zh}」 › 分值`);
      expect(await change.locator('.change').textContent()).toBe(`${tier!.points} → ${tier!.points + 2}`);
      expect(await change.locator('code.pointer').textContent()).toBe(pointer);
      expect(await change.locator('.where').getAttribute('title')).toBe(pointer);
      // On a phone each entry is a block of its own: bring the change into view.
      await change.scrollIntoViewIfNeeded();
      if (shots) await trail.screenshot({ path: join(shots, `audit-words-${width}.png`), fullPage: true });
      await trail.context().close();
    }
  }, 90_000);
});
