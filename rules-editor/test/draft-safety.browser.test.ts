import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { launchBrowser } from '../../test/support/browser/browser';
import { editorContext, ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { WAIT, visible } from '../../test/support/browser/editor-pages';

/**
 * Work is never lost and never silently overwritten: two pages saving the same draft have their edits to
 * different fields merged and are asked only about a field both changed; another tab hears of each save;
 * leaving with unsaved changes asks first; the JSON view and the forms show the server's validation errors
 * at their fields; the condition builder offers what suits each fact.
 */

const district = JSON.parse(readFileSync(new URL('../../rule-sets/district-sample/1.json', import.meta.url), 'utf8')) as RuleSet;
const scenario = district.scenarios[0]!;
const text = (l: Locator) => expect.poll(async () => (await l.textContent())?.trim(), WAIT);
const state = (page: Page) => expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), WAIT);

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let draftUrl: string;
let call: Awaited<ReturnType<EditorServer['signIn']>>;

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('safety.editor', ['editor'], [district.owner]);
  call = await env.signIn(editor);
  const res = await call('POST', '/api/v1/rule-sets/district-sample/drafts', {});
  expect(res.status).toBe(201);
  const draft = (await res.json()) as { id: string };
  draftUrl = `${env.url}/editor/rule-sets/district-sample/drafts/${draft.id}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function openDraft(): Promise<Page> {
  const page = await (await editorContext(browser)).newPage();
  await page.goto(`${env.url}/editor/`);
  await page.getByLabel('用户名').fill(editor.username);
  await page.getByLabel('密码').fill(editor.password);
  await page.getByRole('button', { name: '登录' }).click();
  await visible(page.getByRole('heading', { name: '规则集', exact: true }));
  await page.goto(draftUrl);
  await visible(page.locator('jifen-general-form h2'));
  return page;
}

async function stored(): Promise<RuleSet> {
  const res = await call('GET', new URL(draftUrl).pathname.replace('/editor/', '/api/v1/'));
  return ((await res.json()) as { document: RuleSet }).document;
}

async function storedBar(): Promise<number> {
  return (await stored()).scenarios[0]!.bar;
}

const barInput = (page: Page) => page.locator('input[data-path="scenarios.0.bar"]');

async function openScenario(page: Page): Promise<void> {
  await page.locator('jifen-draft-nav').getByRole('button', { name: scenario.title.zh }).click();
  await visible(barInput(page));
}

async function setBar(page: Page, bar: number): Promise<void> {
  await barInput(page).fill(String(bar));
  await barInput(page).blur();
}

describe('the draft editor keeps work safe', () => {
  it('merges saves of different fields, asks only about a field both changed, and can still reload', async () => {
    const first = await openDraft();
    const second = await openDraft();
    await openScenario(first);
    await openScenario(second);
    const places = (page: Page) => page.locator('input[data-path="scenarios.0.places"]');

    await setBar(first, scenario.bar + 1);
    await state(first).toBe('saved');
    expect(await storedBar()).toBe(scenario.bar + 1);

    // The second page still holds the old revision and changes another field: both edits are kept.
    await places(second).fill(String(scenario.places + 7));
    await state(second).toBe('saved');
    await visible(second.getByTestId('merged-notice'));
    const both = await stored();
    expect(both.scenarios[0]!.bar).toBe(scenario.bar + 1);
    expect(both.scenarios[0]!.places).toBe(scenario.places + 7);
    await expect.poll(() => barInput(second).inputValue(), WAIT).toBe(String(scenario.bar + 1));

    // Both change the bar: only the bar is asked about, with the value before, theirs and mine.
    await setBar(first, scenario.bar + 2);
    await state(first).toBe('saved');
    await setBar(second, scenario.bar + 10);
    await state(second).toBe('conflict');
    const dialog = second.locator('jifen-conflict-dialog dialog');
    await visible(dialog);
    const rows = dialog.getByTestId('conflicts').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    await text(rows.first()).toContain(String(scenario.bar + 2));
    await text(rows.first()).toContain(String(scenario.bar + 10));
    expect(await storedBar()).toBe(scenario.bar + 2);
    await rows.first().getByLabel(/用我的/).check();
    await dialog.getByRole('button', { name: '按所选合并并保存' }).click();
    await state(second).toBe('saved');
    expect(await storedBar()).toBe(scenario.bar + 10);
    expect((await stored()).scenarios[0]!.places).toBe(scenario.places + 7);

    // Now the first page is behind on the same field; this time its user takes the stored draft instead.
    await setBar(first, scenario.bar + 20);
    await state(first).toBe('conflict');
    await first.locator('jifen-conflict-dialog').getByRole('button', { name: '重新加载（放弃我的修改）' }).click();
    await state(first).toBe('saved');
    await expect.poll(() => barInput(first).inputValue(), WAIT).toBe(String(scenario.bar + 10));
    expect(await storedBar()).toBe(scenario.bar + 10);
    await first.context().close();
    await second.context().close();
  }, 120_000);

  it('tells another tab of the same draft about a save, which takes it in without a conflict', async () => {
    const first = await openDraft();
    const second = await first.context().newPage();
    await second.goto(draftUrl);
    await visible(second.locator('jifen-general-form h2'));
    await openScenario(first);
    await openScenario(second);
    const before = await storedBar();
    await setBar(first, before + 3);
    await state(first).toBe('saved');
    await visible(second.getByTestId('merged-notice'));
    await expect.poll(() => barInput(second).inputValue(), WAIT).toBe(String(before + 3));
    await state(second).toBe('saved');
    await first.context().close();
  }, 120_000);

  it('asks before leaving with unsaved changes, in the app and when the page closes', async () => {
    const page = await openDraft();
    await openScenario(page);
    // A negative bar is refused by validation, so the change stays unsaved.
    await setBar(page, -5);
    await state(page).toBe('invalid');
    await text(page.locator('jifen-scenario-form .field-error').first()).toContain('0');

    await page.locator('jifen-app').getByRole('link', { name: '规则集', exact: true }).click();
    const leave = page.locator('#leave-dialog');
    await visible(leave);
    await leave.getByRole('button', { name: '留在此页' }).click();
    expect(new URL(page.url()).pathname).toBe(new URL(draftUrl).pathname);

    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.locator('jifen-app').getByRole('link', { name: '规则集', exact: true }).click();
    await leave.getByRole('button', { name: '放弃修改并离开' }).click();
    await page.waitForURL(`${env.url}/editor/`);
    expect(await storedBar()).not.toBe(-5);
    await page.context().close();
  }, 120_000);

  it('validates the JSON view as the user types and shows each error at its field', async () => {
    const page = await openDraft();
    await page.locator('jifen-draft-nav').getByRole('button', { name: /JSON/ }).click();
    const json = page.locator('jifen-json-view textarea');
    const original = await json.inputValue();

    // A comma typed after the last brace breaks the JSON; taking it back mends it.
    await json.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(',');
    await visible(page.getByText('JSON 格式错误').first());
    await page.keyboard.press('Backspace');
    await visible(page.locator('jifen-json-view .badge.ok'));

    // Pasting a whole document with a negative number of places. (Chromium types a large text into a
    // textarea one character at a time, far too slowly for a test, so the paste is an input event.)
    const doc = JSON.parse(original) as RuleSet;
    doc.scenarios[0]!.places = -1;
    await json.evaluate((el: HTMLTextAreaElement, pasted: string) => {
      el.value = pasted;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    }, JSON.stringify(doc, null, 2));
    const problems = page.getByTestId('json-errors');
    await text(problems).toContain('scenarios.0.places');

    // The same error sits next to the places field of the scenario's form.
    await openScenario(page);
    const places = page.locator('input[data-path="scenarios.0.places"]');
    await expect.poll(() => places.getAttribute('aria-invalid'), WAIT).toBe('true');
    const describedBy = (await places.getAttribute('aria-describedby')) ?? '';
    await text(page.locator(`jifen-scenario-form #${describedBy}`)).toContain('0');
    await page.context().close();
  }, 120_000);

  it('offers operators and value inputs that suit the chosen fact, and the server accepts them', async () => {
    const page = await openDraft();
    await openScenario(page);
    const leaf = page.locator('jifen-scenario-form jifen-condition-builder .leaf').first();
    const fact = leaf.locator('select.fact');
    const operator = leaf.locator('select.operator');

    await fact.selectOption('residenceRegistrationDate');
    await expect.poll(() => operator.locator('option').allTextContents(), WAIT).toEqual(['等于', '不等于', '早于', '不晚于', '晚于', '不早于']);
    await expect.poll(() => leaf.locator('.value input').getAttribute('type'), WAIT).toBe('date');

    await fact.selectOption('education');
    await operator.selectOption('in');
    const choices = leaf.locator('.value input[type="checkbox"]');
    await expect.poll(() => choices.count(), WAIT).toBeGreaterThan(3);
    await choices.nth(1).check();
    await state(page).toBe('saved');
    const res = await call('GET', new URL(draftUrl).pathname.replace('/editor/', '/api/v1/'));
    const stored = ((await res.json()) as { document: RuleSet }).document.scenarios[0]!.eligibility as { all: unknown[] };
    expect(stored.all[0]).toMatchObject({ fact: 'education', operator: 'in' });
    expect((stored.all[0] as { value: string[] }).value.length).toBe(2);
    await page.context().close();
  }, 120_000);

  it('labels every control on every part of the draft, and can be worked from the keyboard', async () => {
    const page = await openDraft();
    const unlabelled = () =>
      page.evaluate(() => {
        const found: string[] = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
            const control = el as HTMLInputElement;
            const named =
              (control.labels?.length ?? 0) > 0 ||
              el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              (el.tagName === 'BUTTON' && el.textContent?.trim());
            if (!named && el.getClientRects().length > 0) found.push(`${el.tagName.toLowerCase()}[${el.getAttribute('data-path') ?? el.getAttribute('name') ?? ''}]`);
          }
          for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
        };
        visit(document);
        return found;
      });
    const nav = page.locator('jifen-draft-nav');
    const sections = ['基本信息', '分组与上限', ...district.indicators.map((i) => i.title.zh), ...district.scenarios.map((x) => x.title.zh), '测试用例', '高级：JSON'];
    for (const name of sections) {
      const section = nav.getByRole('button', { name, exact: false }).first();
      await section.click();
      // The nav marks the section shown once the page has rendered it.
      await expect.poll(() => section.getAttribute('aria-current'), WAIT).toBe('true');
      expect({ section: name, unlabelled: await unlabelled() }).toEqual({ section: name, unlabelled: [] });
    }

    // From the keyboard: from a fresh page, Tab reaches the language switch and Enter switches it.
    await page.reload();
    await visible(page.locator('jifen-general-form h2'));
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement as HTMLElement | null)?.textContent?.trim())) === 'English';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('button', { name: 'Submit for approval' }));
    await page.context().close();
  }, 120_000);
});
