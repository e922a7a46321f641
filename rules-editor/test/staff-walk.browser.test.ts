import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failingCasesText } from '../../server/src/domain/drafts/cases-gate';
import { earliestEffectiveFrom, effectiveFromProblems } from '../../server/src/domain/drafts/effective-from';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { EDITOR_TODAY, ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { MESSAGES, newDraft, openDraft, openSection, saveState, signedIn, visible, WAIT, type Lang } from '../../test/support/browser/editor-pages';

/**
 * What a newcomer walking the editor as policy staff must see: undo takes a field's error away with the
 * value that caused it; a cleared rate number is an error at its field, never the word "null"; a draft whose
 * cases fail is not offered for submission, and a blank change note is asked for in the editor's words;
 * bounds and refusals name facts by their titles, not their ids; a draft proposes a future effective date,
 * and the approval refuses a past one at the field, as the server does (and asks for a blank reason to return it).
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/2.json', import.meta.url), 'utf8')) as RuleSet;
const employmentIndex = district.indicators.findIndex((i) => i.id === 'employment');
const employment = district.indicators[employmentIndex] as Extract<RuleSet['indicators'][number], { kind: 'tiers' }>;
const volunteerIndex = district.indicators.findIndex((i) => i.id === 'volunteerService');
const volunteer = district.indicators[volunteerIndex] as Extract<RuleSet['indicators'][number], { kind: 'rate' }>;
const derived = district.derived!.find((d) => d.id === 'districtResidenceMonths')!;
const TOMORROW = '2026-07-01';

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let asEditor: Awaited<ReturnType<EditorServer['signIn']>>;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('walk.editor', ['editor'], [district.owner]);
  approver = await env.addStaff('walk.approver', ['approver']);
  asEditor = await env.signIn(editor);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function stored(api: string): Promise<{ document: RuleSet; status: string; cases: { failed: number } }> {
  return (await asEditor('GET', api)).json();
}

/** Saves a changed document into the draft through the API, as another tab would. */
async function saveDocument(api: string, change: (doc: RuleSet) => void): Promise<{ failed: number }> {
  const got = await asEditor('GET', api);
  const { document } = (await got.json()) as { document: RuleSet };
  change(document);
  const res = await asEditor('PUT', api, { document }, { 'if-match': got.headers.get('etag')! });
  expect(res.status).toBe(200);
  return ((await res.json()) as { cases: { failed: number } }).cases;
}

const shadowText = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.shadowRoot?.textContent ?? '');
const title = (lang: Lang, t: { zh: string; en: string }) => t[lang];

describe.each(['zh', 'en'] as const)('walking the editor as policy staff (%s)', (lang) => {
  const m = MESSAGES[lang];
  let page: Page;

  beforeAll(async () => {
    page = await signedIn(browser, env, editor, lang, 1280, { clock: true });
  }, 60_000);

  afterAll(async () => page?.context().close());

  it('takes a field’s error and the problem count away when undo restores a valid value', async () => {
    const draft = await newDraft(asEditor);
    await openDraft(page, env, draft.page);
    await openSection(page, title(lang, employment.title));
    const points = page.locator(`input[data-path="indicators.${employmentIndex}.tiers.0.points"]`);
    await visible(points);
    const before = String(employment.tiers[0]!.points);
    await points.fill('-1');
    await saveState(page).toBe('invalid');
    await visible(page.getByTestId('error-summary'));
    expect(await points.getAttribute('aria-invalid')).toBe('true');

    await page.locator('jifen-indicator-form h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => points.inputValue(), WAIT).toBe(before);
    await saveState(page).toBe('saved');
    expect(await page.getByTestId('error-summary').count()).toBe(0);
    expect(await points.getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator(`jifen-indicator-form [id="${'err-indicators_' + employmentIndex + '_tiers_0_points'}"]`).count()).toBe(0);

    // Redo brings the value back with its error; undo clears both again.
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => points.inputValue(), WAIT).toBe('-1');
    await visible(page.getByTestId('error-summary'));
    await page.keyboard.press('Control+z');
    await saveState(page).toBe('saved');
    expect(await page.getByTestId('error-summary').count()).toBe(0);
    expect((await stored(draft.api)).document.indicators[employmentIndex]).toEqual(employment);
  }, 60_000);

  it('shows a cleared per-unit points as an error at its field, never as "null" in the rate’s summary or the scoring table', async () => {
    const draft = await newDraft(asEditor);
    await openDraft(page, env, draft.page);
    await openSection(page, title(lang, volunteer.title));
    const points = page.locator(`input[data-path="indicators.${volunteerIndex}.points"]`);
    const summary = page.locator('jifen-indicator-form [data-testid="rate-summary"]');
    await visible(summary);
    expect(await summary.textContent()).toBe(m.rateSummary(volunteer.per!, volunteer.points, volunteer.cap));

    await points.fill('');
    await saveState(page).toBe('invalid');
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator(`jifen-indicator-form [id="${await points.getAttribute('aria-describedby')}"]`);
    expect((await error.textContent())?.trim()).toBe(m.requiredNumber);
    expect(await summary.count()).toBe(0);
    expect(await shadowText(page, 'jifen-indicator-form')).not.toMatch(/null/i);
    expect(await shadowText(page, 'jifen-draft-editor')).not.toMatch(/null/i);
    expect((await stored(draft.api)).document.indicators[volunteerIndex]).toEqual(volunteer);
    // The scoring table shows the same blank cell as a problem, not the word either.
    await openSection(page, m.scoreTable);
    const cell = page.locator(`jifen-score-table tr[data-key="i:${volunteer.id}"] td.points`);
    await visible(cell);
    expect((await cell.textContent())?.trim()).toBe('');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    await openSection(page, title(lang, volunteer.title));

    await points.fill('2');
    await saveState(page).toBe('saved');
    expect(await summary.textContent()).toBe(m.rateSummary(volunteer.per!, 2, volunteer.cap));
  }, 60_000);

  it('does not offer to submit a draft whose cases fail, says why and what to do, and leads to the cases', async () => {
    const draft = await newDraft(asEditor);
    const cases = await saveDocument(draft.api, (doc) => {
      (doc.indicators[employmentIndex] as typeof employment).tiers[0]!.points += 3;
    });
    expect(cases.failed).toBeGreaterThan(0);
    await openDraft(page, env, draft.page);
    // The header no longer offers the submit as the next step: it says the cases fail, and why when pointed at.
    const open = page.getByTestId('submit-open');
    await expect.poll(() => open.textContent(), WAIT).toContain(m.casesFailed(cases.failed));
    expect(await open.getAttribute('class')).not.toContain('primary');
    expect(await open.getAttribute('title')).toBe(failingCasesText(cases.failed)[lang]);
    await open.click();
    const blocked = page.getByTestId('submit-blocked');
    await visible(blocked);
    expect(await blocked.locator('p').textContent()).toBe(failingCasesText(cases.failed)[lang]);
    expect(await page.getByTestId('submit-cases').textContent()).toBe(m.casesFailed(cases.failed));
    expect(await page.getByTestId('submit-confirm').isDisabled()).toBe(true);
    await page.getByTestId('submit-open-cases').click();
    await visible(page.locator('jifen-test-cases').getByRole('button', { name: m.runAllCases }));
    expect(await page.locator('#submit-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect((await stored(draft.api)).status).toBe('editing');
  }, 60_000);

  it('asks for a blank change note at the field in the editor’s own words, then submits', async () => {
    const draft = await newDraft(asEditor);
    await openDraft(page, env, draft.page);
    await page.getByTestId('submit-open').click();
    const note = page.getByTestId('change-note');
    await visible(note);
    expect(await page.getByTestId('submit-cases').textContent()).toBe(m.casesPassed(district.cases!.length));
    await note.fill('   ');
    await page.getByTestId('submit-confirm').click();
    const error = page.getByTestId('note-error');
    await visible(error);
    expect((await error.textContent())?.trim()).toBe(m.noteRequired);
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(await note.getAttribute('aria-describedby')).toBe('note-error');
    // The browser's own bubble ("Please fill out this field") never shows: the editor asks instead.
    expect(await note.evaluate((t) => (t as HTMLTextAreaElement).validationMessage)).toBe('');
    expect((await stored(draft.api)).status).toBe('editing');

    await note.fill(lang === 'zh' ? '无改动，重新发布' : 'Republished unchanged');
    await page.getByTestId('submit-confirm').click();
    await visible(page.getByTestId('submitted-notice'));
    expect((await stored(draft.api)).status).toBe('submitted');
  }, 60_000);

  it('names a fact by its title, not its id, in an implied bound and in a refusal', async () => {
    const draft = await newDraft(asEditor);
    // Without its written bound, the registration date keeps the bound the derived months imply.
    await saveDocument(draft.api, (doc) => {
      const fact = doc.facts.find((f) => f.id === derived.fact)!;
      fact.bounds = fact.bounds!.filter((b) => b.kind !== 'notAfterAsOf');
    });
    await openDraft(page, env, draft.page);
    const bounds = page.locator(`jifen-preview ul[data-bounds="${derived.fact}"]`);
    await visible(bounds);
    const shown = (await bounds.textContent()) ?? '';
    expect(shown).toContain(derived.title[lang]);
    expect(shown).not.toContain(derived.id);

    // The preview refuses a registration date after its evaluation date with the server's own words.
    await page.locator(`jifen-preview input[data-fact="${derived.fact}"]`).fill('2099-01-01');
    const error = page.getByTestId('preview-error');
    await visible(error);
    const asOf = await page.locator('jifen-preview').getByLabel(m.asOf, { exact: true }).inputValue();
    const evaluated = await asEditor('POST', `${draft.api}/evaluate`, { asOf, facts: { [derived.fact]: '2099-01-01' } });
    expect(evaluated.status).toBe(422);
    const field = ((await evaluated.json()) as { error: { fields: { path: string; message: string; messageZh: string }[] } }).error.fields[0]!;
    expect(field.path).toBe(`facts.${derived.fact}`);
    expect(field.messageZh).toContain(`「${derived.title.zh}」`);
    for (const text of [field.message, field.messageZh]) expect(text).not.toContain(derived.id);
    await expect.poll(() => error.textContent(), WAIT).toContain(lang === 'zh' ? field.messageZh : field.message);
    expect(await error.textContent()).not.toContain(derived.id);
  }, 60_000);

  it('explains a rate counted in whole units of more than one as counting only whole units', async () => {
    const draft = await newDraft(asEditor);
    await openDraft(page, env, draft.page);
    await page.locator('jifen-preview input[data-fact="annualTaxYuan"]').fill('4500');
    const tax = page.locator('jifen-preview li[data-indicator="tax"]');
    await expect.poll(() => tax.locator('.small.muted').textContent(), WAIT).toBe(
      lang === 'zh' ? '4500 元，每满 2000 元 1 分，计 2 个整单位 = 2 分' : '4500 yuan, 1 point per full 2000 yuan: 2 whole units = 2',
    );
    expect(await page.getByTestId('points-tax').textContent()).toBe('2');
  }, 60_000);

  it('proposes tomorrow as the effective date, and the approval refuses a past date at the field as the server does', async () => {
    const draft = await newDraft(asEditor);
    await openDraft(page, env, draft.page);
    const proposed = page.getByTestId('proposed-effective-from');
    await expect.poll(() => proposed.textContent(), WAIT).toContain(m.proposedEffectiveFrom(TOMORROW));
    expect(await proposed.textContent()).not.toContain(district.effectiveFrom);
    expect((await asEditor('POST', `${draft.api}/submit`, { note: 'no change' })).status).toBe(200);

    const review = await signedIn(browser, env, approver, lang, 1280, { clock: true });
    await review.goto(`${env.url}${draft.page}/review`);
    const date = review.getByTestId('effective-from');
    await visible(date);
    await expect.poll(() => date.inputValue(), WAIT).toBe(TOMORROW);
    const published = ((await (await asEditor('GET', '/api/v1/rule-sets/district-sample')).json()) as { versions: { effectiveFrom: string }[] }).versions;
    const context = { today: EDITOR_TODAY, latestEffectiveFrom: published.map((v) => v.effectiveFrom).sort().at(-1)! };
    expect(await date.getAttribute('min')).toBe(earliestEffectiveFrom(context));

    const versions = async () => ((await (await asEditor('GET', '/api/v1/rule-sets/district-sample')).json()) as { versions: unknown[] }).versions.length;
    const count = published.length;
    await date.fill('2025-01-01');
    await review.getByTestId('approve').click();
    const error = review.getByTestId('effectiveFrom-error');
    await visible(error);
    const problem = effectiveFromProblems('2025-01-01', context)[0]!;
    expect((await error.textContent())?.trim()).toBe(lang === 'zh' ? problem.messageZh : problem.message);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await versions()).toBe(count);

    // Returning it without a reason is asked for at the field too, in the editor's words.
    await review.getByRole('button', { name: m.reject, exact: true }).click();
    const reason = review.getByTestId('reason-error');
    await visible(reason);
    expect((await reason.textContent())?.trim()).toBe(m.reasonRequired);
    expect((await stored(draft.api)).status).toBe('submitted');

    await date.fill(TOMORROW);
    await review.getByTestId('approve').click();
    await visible(review.getByTestId('published'));
    expect(await review.getByTestId('published').textContent()).toContain(TOMORROW);
    expect(await versions()).toBe(count + 1);
    await review.context().close();
  }, 90_000);
});
