import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { MESSAGES, newDraft, openDraft, openSection, saveState, signedIn, visible, WAIT, type Lang } from '../../test/support/browser/editor-pages';

/**
 * The traps staff fell into, each walked in Chinese and in English: a required number left blank is an
 * error at the field and never "saved"; a new condition is not saved or scored until it is complete; every
 * step, a removal too, can be undone and redone from the keyboard and from buttons.
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/2.json', import.meta.url), 'utf8')) as RuleSet;
const school = district.scenarios[0]!;
const employmentIndex = district.indicators.findIndex((i) => i.id === 'employment');
const employment = district.indicators[employmentIndex]!;
const bravery = district.indicators.findIndex((i) => i.id === 'goodSamaritan');

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let call: Awaited<ReturnType<EditorServer['signIn']>>;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('traps.editor', ['editor'], [district.owner]);
  call = await env.signIn(editor);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function stored(api: string): Promise<RuleSet> {
  return ((await (await call('GET', api)).json()) as { document: RuleSet }).document;
}

const title = (lang: Lang, t: { zh: string; en: string }) => t[lang];
/** A place as staff read it: 指标「就业情况」, Indicator “Employment”. */
const named = (lang: Lang, field: string | undefined, name: string) => (lang === 'zh' ? `${field}「${name}」` : `${field} “${name}”`);

describe.each(['zh', 'en'] as const)('editing traps (%s)', (lang) => {
  const m = MESSAGES[lang];
  let page: Page;
  let draft: Awaited<ReturnType<typeof newDraft>>;

  beforeAll(async () => {
    draft = await newDraft(call);
    page = await signedIn(browser, env, editor, lang);
    await openDraft(page, env, draft.page);
  }, 60_000);

  afterAll(async () => page?.context().close());

  it('shows a required number left blank as an error at the field and never says it saved', async () => {
    await openSection(page, title(lang, school.title));
    const bar = page.locator('input[data-path="scenarios.0.bar"]');
    await visible(bar);
    await bar.fill('');
    await saveState(page).toBe('invalid');
    expect(await page.getByTestId('save-state').textContent()).not.toContain(m.saved);
    expect(await bar.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator(`jifen-scenario-form #${await bar.getAttribute('aria-describedby')}`);
    expect((await error.textContent())?.trim()).toBe(m.requiredNumber);
    expect((await stored(draft.api)).scenarios[0]!.bar).toBe(school.bar);

    await bar.fill(String(school.bar + 5));
    await saveState(page).toBe('saved');
    expect((await stored(draft.api)).scenarios[0]!.bar).toBe(school.bar + 5);
  }, 60_000);

  it('keeps a new condition out of the draft until its fact, operator and value are chosen', async () => {
    await openSection(page, title(lang, district.indicators[bravery]!.title));
    const builder = page.locator('jifen-indicator-form jifen-condition-builder').first();
    const before = (await stored(draft.api)).indicators[bravery];
    await builder.getByRole('button', { name: `+ ${m.addCondition}`, exact: true }).first().click();
    const pending = builder.locator('.leaf.pending');
    await visible(pending);
    expect(await pending.getAttribute('aria-label')).toBe(m.newCondition);
    await saveState(page).toBe('saved');

    // Fact chosen, operator chosen: still incomplete, still not in the draft.
    await pending.locator('select.fact').selectOption('volunteerHours');
    await pending.locator('select.operator').selectOption('greaterThanInclusive');
    await saveState(page).toBe('saved');
    expect((await stored(draft.api)).indicators[bravery]).toEqual(before);

    await pending.locator('.value input').fill('40');
    await saveState(page).toBe('saved');
    await expect.poll(async () => JSON.stringify((await stored(draft.api)).indicators[bravery]), WAIT).toContain('"fact":"volunteerHours"');
    expect(await builder.locator('.leaf.pending').count()).toBe(0);
  }, 60_000);

  it('undoes and redoes every step, a removed tier too, from the keyboard and the buttons', async () => {
    await openSection(page, title(lang, employment.title));
    const tiers = page.locator('jifen-indicator-form li.tier');
    await expect.poll(() => tiers.count(), WAIT).toBe(2);
    const second = employment.kind === 'tiers' ? employment.tiers[1]! : undefined;
    await tiers.nth(1).getByRole('button', { name: `${m.remove}: ${title(lang, second!.title)}` }).click();
    await expect.poll(() => tiers.count(), WAIT).toBe(1);
    await visible(page.getByTestId('removed-notice'));
    await saveState(page).toBe('saved');
    expect(((await stored(draft.api)).indicators[employmentIndex] as { tiers: unknown[] }).tiers).toHaveLength(1);

    await page.locator('jifen-indicator-form h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => tiers.count(), WAIT).toBe(2);
    await saveState(page).toBe('saved');
    expect(((await stored(draft.api)).indicators[employmentIndex] as { tiers: unknown[] }).tiers).toHaveLength(2);

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => tiers.count(), WAIT).toBe(1);
    await page.getByTestId('undo').click();
    await expect.poll(() => tiers.count(), WAIT).toBe(2);
    expect(await page.getByTestId('undo').textContent()).toContain(m.undo);

    // Typing into a field is one step, undone in one go.
    const points = page.locator('input[data-path="indicators.1.tiers.0.points"]');
    await points.fill('1');
    await points.fill('13');
    await saveState(page).toBe('saved');
    await page.keyboard.press('Control+z');
    await expect.poll(() => points.inputValue(), WAIT).toBe(String((employment as { tiers: { points: number }[] }).tiers[0]!.points));
    await saveState(page).toBe('saved');
    expect(((await stored(draft.api)).indicators[employmentIndex] as { tiers: { points: number }[] }).tiers[0]!.points).toBe(10);
  }, 60_000);

  it('merges another person’s save of a different field and asks only about the field both changed', async () => {
    await openSection(page, title(lang, school.title));
    const other = await signedIn(browser, env, editor, lang);
    await openDraft(other, env, draft.page);
    await openSection(other, title(lang, school.title));
    const places = (p: Page) => p.locator('input[data-path="scenarios.0.places"]');
    const bar = (p: Page) => p.locator('input[data-path="scenarios.0.bar"]');
    const start = (await stored(draft.api)).scenarios[0]!;

    await places(other).fill(String(start.places + 1));
    await saveState(other).toBe('saved');
    await bar(page).fill(String(start.bar + 1));
    await saveState(page).toBe('saved');
    expect((await page.getByTestId('merged-notice').textContent())?.trim()).toBe(m.mergedNotice(1));
    expect((await stored(draft.api)).scenarios[0]).toMatchObject({ bar: start.bar + 1, places: start.places + 1 });

    await bar(other).fill(String(start.bar + 2));
    await saveState(other).toBe('conflict');
    const dialog = other.locator('jifen-conflict-dialog dialog');
    await visible(dialog);
    expect(await dialog.locator('tbody tr').count()).toBe(1);
    expect(await dialog.locator('tbody th').textContent()).toBe(`${named(lang, m.fieldNames.scenarios, title(lang, school.title))} › ${m.fieldNames.bar}`);
    await dialog.getByLabel(new RegExp(m.keepTheirs)).check();
    await dialog.getByRole('button', { name: m.applyChoices }).click();
    await saveState(other).toBe('saved');
    expect((await stored(draft.api)).scenarios[0]).toMatchObject({ bar: start.bar + 1, places: start.places + 1 });
    await expect.poll(() => bar(other).inputValue(), WAIT).toBe(String(start.bar + 1));
    await other.context().close();
  }, 90_000);

  it('names each problem by its place in staff’s words and takes the user to the field', async () => {
    await openSection(page, title(lang, employment.title));
    const points = page.locator('input[data-path="indicators.1.tiers.0.points"]');
    await points.fill('-1');
    await saveState(page).toBe('invalid');
    const summary = page.getByTestId('error-summary');
    await summary.locator('summary').click();
    const item = summary.locator('li[data-path="indicators.1.tiers.0.points"]');
    const tier = (employment as { tiers: { title: { zh: string; en: string } }[] }).tiers[0]!;
    const place = `${named(lang, m.fieldNames.indicators, title(lang, employment.title))} › ${named(lang, m.fieldNames.tiers, title(lang, tier.title))} › ${m.fieldNames.points}`;
    expect(await item.locator('.where').textContent()).toBe(place);
    expect(await item.locator('.what').textContent()).toMatch(lang === 'zh' ? /[\u4e00-\u9fff]/ : /^[^\u4e00-\u9fff]+$/);

    await openSection(page, m.general);
    await item.getByRole('button', { name: m.goTo }).click();
    await expect.poll(() => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-path');
    }), WAIT).toBe('indicators.1.tiers.0.points');
    await points.fill('10');
    await saveState(page).toBe('saved');
  }, 60_000);

  it('asks before taking the new results, shows each case old → new and flags a title that no longer holds', async () => {
    await openSection(page, title(lang, school.title));
    const bar = page.locator('input[data-path="scenarios.0.bar"]');
    // The school bar down to 119: the case "差1分未达入学积分线119分" now qualifies.
    await bar.fill('119');
    await saveState(page).toBe('saved');
    await openSection(page, m.testCases);
    const cases = page.locator('jifen-test-cases');
    const run = cases.getByRole('button', { name: m.runAllCases });
    await run.click();
    await visible(cases.getByTestId('accept-all'));
    const failure = cases.locator('tr[data-case="typical-below-school-bar"] ul.diffs li');
    expect(await failure.allTextContents()).toEqual([
      lang === 'zh' ? `场景「${school.title.zh}」资格：预期 不符合，实际 符合` : `Scenario “${school.title.en}” eligible: expected no, got yes`,
    ]);
    const before = JSON.stringify((await stored(draft.api)).cases);
    await cases.getByTestId('accept-all').click();
    const list = cases.getByTestId('accept-list');
    await visible(list);
    const below = list.locator('li[data-case="typical-below-school-bar"]');
    // Old → new in staff's words: the scenario's title and 符合 / 不符合, not a result path.
    expect(await below.locator('li').allTextContents()).toEqual([
      lang === 'zh' ? `场景「${school.title.zh}」资格 不符合 → 符合` : `Scenario “${school.title.en}” eligible no → yes`,
    ]);
    expect((await below.getByTestId('stale-title').textContent())?.trim()).toBe(`⚠ ${m.acceptTitleEligibility}`);
    expect(JSON.stringify((await stored(draft.api)).cases)).toBe(before);

    await cases.getByRole('button', { name: m.cancel, exact: true }).click();
    expect(JSON.stringify((await stored(draft.api)).cases)).toBe(before);
    await cases.getByTestId('accept-all').click();
    await cases.getByTestId('accept-confirm').click();
    await saveState(page).toBe('saved');
    await expect.poll(async () => (await stored(draft.api)).cases.find((c) => c.id === 'typical-below-school-bar')!.expect.scenarios?.['school-enrollment'], WAIT).toBe(true);
  }, 60_000);

  it('compares the preview with the published version, not with the previous preview', async () => {
    await openSection(page, title(lang, employment.title));
    const points = page.locator('input[data-path="indicators.1.tiers.0.points"]');
    const delta = page.getByTestId('preview-delta');
    const published = (employment as { tiers: { points: number }[] }).tiers[0]!.points;
    await points.fill(String(published + 3));
    await saveState(page).toBe('saved');
    await expect.poll(() => delta.textContent(), WAIT).toBe('+3');
    await points.fill(String(published + 4));
    await saveState(page).toBe('saved');
    await expect.poll(() => delta.textContent(), WAIT).toBe('+4');
    expect(await delta.getAttribute('title')).toBe(m.comparedWithVersion(district.version));
    await points.fill(String(published));
    await saveState(page).toBe('saved');
    await expect.poll(() => delta.count(), WAIT).toBe(0);
  }, 60_000);
});

