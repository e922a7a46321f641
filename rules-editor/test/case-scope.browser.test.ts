import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet, TestCase } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { MESSAGES, newDraft, openDraft, openSection, saveState, signedIn, visible, WAIT } from '../../test/support/browser/editor-pages';

/**
 * A case about one thing, saved from the preview in Chinese: staff choose what the case checks (one
 * indicator, or eligibility for a scenario and how far short of its bar), the case list says so, an unrelated weight change leaves the
 * case passing, and taking the new result after a change to what it checks rewrites only that.
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/2.json', import.meta.url), 'utf8')) as RuleSet;
const typical = district.cases.find((c) => c.id === 'typical-at-school-bar')!;
const taxIndex = district.indicators.findIndex((i) => i.id === 'tax');
const employmentIndex = district.indicators.findIndex((i) => i.id === 'employment');
const m = MESSAGES.zh;

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let call: Awaited<ReturnType<EditorServer['signIn']>>;
let page: Page;
let draft: Awaited<ReturnType<typeof newDraft>>;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('scope.editor', ['editor'], [district.owner]);
  call = await env.signIn(editor);
  browser = await launchBrowser();
  draft = await newDraft(call);
  page = await signedIn(browser, env, editor, 'zh');
  await openDraft(page, env, draft.page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function storedCase(id: (cases: TestCase[]) => TestCase | undefined): Promise<TestCase | undefined> {
  const doc = ((await (await call('GET', draft.api)).json()) as { document: RuleSet }).document;
  return id(doc.cases);
}

const byTitle = (title: string) => (cases: TestCase[]) => cases.find((c) => c.title === title);

describe('saving a scoped test case (zh)', () => {
  it('saves the sample as a case about one indicator, then one about a scenario, each expecting only that', async () => {
    const preview = page.locator('jifen-preview');
    await preview.getByLabel(m.loadFromCase).selectOption(typical.id);
    await expect.poll(() => preview.getByTestId('points-tax').textContent(), WAIT).toBe('3');

    await preview.getByRole('button', { name: m.saveAsCase }).click();
    const dialog = preview.locator('dialog');
    await dialog.getByLabel(m.caseTitle).fill('纳税得3分');
    await dialog.getByRole('radio', { name: m.aboutIndicator }).check();
    await dialog.locator('select[name="indicator"]').selectOption('tax');
    await dialog.getByRole('button', { name: m.add, exact: true }).click();
    await saveState(page).toBe('saved');
    await expect.poll(() => storedCase(byTitle('纳税得3分')), WAIT).toMatchObject({
      facts: typical.facts,
      scope: { about: 'indicator', indicator: 'tax' },
      expect: { indicators: { tax: 3 } },
    });

    await preview.getByRole('button', { name: m.saveAsCase }).click();
    await dialog.getByLabel(m.caseTitle).fill('入学资格符合');
    await dialog.getByRole('radio', { name: m.aboutEligibility }).check();
    // No scenario ticked: the dialog stays open and says what is missing.
    await dialog.getByRole('button', { name: m.add, exact: true }).click();
    await visible(dialog.getByText(m.chooseOneScenario));
    await dialog.getByRole('checkbox', { name: /随迁子女教育/ }).check();
    await dialog.getByRole('checkbox', { name: m.alsoShortBy }).check();
    await dialog.getByRole('button', { name: m.add, exact: true }).click();
    await saveState(page).toBe('saved');
    await expect
      .poll(() => storedCase(byTitle('入学资格符合')), WAIT)
      .toMatchObject({ scope: { about: 'eligibility', scenarios: ['school-enrollment'] } });
    expect((await storedCase(byTitle('入学资格符合')))!.expect).toEqual({ scenarios: { 'school-enrollment': true }, shortBy: { 'school-enrollment': 0 } });
  }, 60_000);

  it('lists what each case checks', async () => {
    await openSection(page, m.testCases);
    const cases = page.locator('jifen-test-cases');
    const scopeOf = (title: string) => cases.locator('tr', { hasText: title }).getByTestId('case-scope').textContent();
    await expect.poll(() => scopeOf('纳税得3分'), WAIT).toBe('核对：指标「纳税」');
    expect(await scopeOf('入学资格符合')).toBe('核对：「随迁子女教育」的资格');
    expect(await scopeOf(typical.title)).toBe(m.scopeAll);
  }, 60_000);

  it('an unrelated weight change leaves the scoped cases passing; taking a new result rewrites only what the case checks', async () => {
    const cases = page.locator('jifen-test-cases');
    const row = (title: string) => cases.locator('tr', { hasText: title });

    // 劳动合同就业 10 → 15: the typical resident's total moves, the tax points and the school place do not.
    await openSection(page, district.indicators[employmentIndex]!.title.zh);
    const tier = page.locator(`input[data-path="indicators.${employmentIndex}.tiers.0.points"]`);
    await tier.fill('15');
    await saveState(page).toBe('saved');
    await openSection(page, m.testCases);
    await visible(row(typical.title).getByText(m.failed, { exact: true }));
    // What failed, in the words staff use: the indicator's title, expected and actual points.
    expect(await row(typical.title).locator('li[data-path="indicators.employment"]').textContent()).toBe('指标「就业情况」得分：预期 10 分，实际 15 分');
    await visible(row('纳税得3分').getByText(m.passed, { exact: true }));
    await visible(row('入学资格符合').getByText(m.passed, { exact: true }));

    // 纳税 1 → 2 points per 2,000 yuan: the case about tax fails, and taking its new result sets only the tax.
    await openSection(page, district.indicators[taxIndex]!.title.zh);
    const rate = page.locator(`input[data-path="indicators.${taxIndex}.points"]`);
    await rate.fill('2');
    await saveState(page).toBe('saved');
    await openSection(page, m.testCases);
    const taxCase = row('纳税得3分');
    await visible(taxCase.getByText(m.failed, { exact: true }));
    expect(await taxCase.locator('ul.diffs li').allTextContents()).toEqual(['指标「纳税」得分：预期 3 分，实际 6 分']);
    await taxCase.getByRole('button', { name: m.acceptResult }).click();
    const list = cases.getByTestId('accept-list');
    await visible(list);
    expect(await list.textContent()).toContain(m.acceptOnlyScope('核对：指标「纳税」'));
    expect(await list.locator('li[data-case] li').allTextContents()).toEqual(['指标「纳税」得分 3 → 6 分']);
    await cases.getByTestId('accept-confirm').click();
    await saveState(page).toBe('saved');
    await expect.poll(() => storedCase(byTitle('纳税得3分')), WAIT).toMatchObject({ scope: { about: 'indicator', indicator: 'tax' }, expect: { indicators: { tax: 6 } } });
    expect((await storedCase(byTitle('纳税得3分')))!.expect).toEqual({ indicators: { tax: 6 } });
    await visible(taxCase.getByText(m.passed, { exact: true }));
  }, 90_000);
});
