import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../test/support/browser/browser';
import { ensureEditorBuilt, startEditorServer, type EditorServer, type StaffAccount } from '../../test/support/browser/editor';
import { MESSAGES, openSection, signedIn, visible } from '../../test/support/browser/editor-pages';

/**
 * Staff on a phone (375 × 812, the Chinese UI): every main screen of the editor fits the screen with no
 * sideways page scroll, and what they came for is on the screen — a rule set's version number, a draft's
 * name, what an audit entry did. Tables read as one block per row there; the scoring table alone scrolls
 * inside its own frame, its first column kept in view. At 1280 px the same screens still fit.
 */

const m = MESSAGES.zh;
const EDITING = '2027年春季入学积分调整（随迁子女教育名额）';
const SUBMITTED = '2027年秋季入学积分调整';
// A name with nowhere to break, as long as a name may be.
const UNBROKEN = `Spring2027-school-places-${'x'.repeat(35)}`;
const PHONE = { width: 375, height: 812 };

let env: EditorServer;
let browser: Browser;
let editor: StaffAccount;
let approver: StaffAccount;
let auditor: StaffAccount;
let editing = '';
let submitted = '';
let unbroken = '';

beforeAll(async () => {
  ensureEditorBuilt();
  env = await startEditorServer();
  editor = await env.addStaff('phone.editor', ['editor'], ['XX区']);
  approver = await env.addStaff('phone.approver', ['approver']);
  auditor = await env.addStaff('phone.auditor', ['auditor']);
  const asEditor = await env.signIn(editor);
  const start = async (name: string) => {
    const res = await asEditor('POST', '/api/v1/rule-sets/district-sample/drafts', { name });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  editing = await start(EDITING);
  submitted = await start(SUBMITTED);
  unbroken = await start(UNBROKEN);
  for (const id of [submitted, unbroken]) {
    const res = await asEditor('POST', `/api/v1/rule-sets/district-sample/drafts/${id}/submit`, { note: '入学名额按区教育局通知执行' });
    expect(res.status).toBe(200);
  }
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

interface Screen {
  name: string;
  who: () => StaffAccount;
  path: () => string;
  /** What staff do on the screen before reading it (run the impact), if anything. */
  act?: (page: Page) => Promise<void>;
  /** What staff open the screen for: each must be on the screen, whole, once scrolled to. */
  key: (page: Page) => Locator[];
}

const draftPath = (id: string) => `/editor/rule-sets/district-sample/drafts/${id}`;

const SCREENS: Screen[] = [
  {
    name: 'home',
    who: () => editor,
    path: () => '/editor/',
    key: (page) => {
      const card = page.locator('jifen-rule-sets article', { has: page.getByRole('heading', { name: 'XX区新市民量化积分（示例）' }) });
      return [card.locator('dl.meta dd').getByText('第 2 版', { exact: true }), card.getByTestId('draft-link').filter({ hasText: EDITING }), card.getByTestId('draft-link').filter({ hasText: UNBROKEN })];
    },
  },
  {
    name: 'rule-set',
    who: () => editor,
    path: () => '/editor/rule-sets/district-sample',
    key: (page) => [
      page.locator('jifen-rule-set tr[data-version="2"]').getByTestId('version-number'),
      page.locator('jifen-rule-set tr[data-version="2"]').getByRole('link', { name: m.viewTable }),
      page.locator(`jifen-rule-set tr[data-draft="${editing}"]`).getByTestId('draft-link'),
      page.locator('jifen-rule-set').getByTestId('draft-link').filter({ hasText: UNBROKEN }),
      page.locator(`jifen-rule-set tr[data-draft="${submitted}"]`).getByText(m.statuses.submitted, { exact: true }),
    ],
  },
  {
    name: 'version',
    who: () => editor,
    path: () => '/editor/rule-sets/district-sample/versions/2',
    key: (page) => [page.getByRole('heading', { name: m.versionTable(2) }), page.locator('jifen-score-table td', { hasText: '年龄' }).first()],
  },
  {
    name: 'draft',
    who: () => editor,
    path: () => draftPath(editing),
    act: async (page) => {
      await visible(page.locator('jifen-general-form h2'));
      await openSection(page, m.testCases);
    },
    key: (page) => {
      const first = page.locator('jifen-test-cases tr[data-case]').first();
      return [page.getByTestId('draft-name'), first.locator('td').first(), first.getByText(m.passed, { exact: true })];
    },
  },
  {
    name: 'approvals',
    who: () => approver,
    path: () => '/editor/approvals',
    key: (page) => [
      page.getByTestId('queue-draft-name').filter({ hasText: SUBMITTED }),
      page.locator(`tr[data-draft="${submitted}"]`).getByRole('link', { name: m.review }),
      page.getByTestId('queue-draft-name').filter({ hasText: UNBROKEN }),
    ],
  },
  {
    name: 'review',
    who: () => approver,
    path: () => `${draftPath(unbroken)}/review`,
    act: (page) => page.getByTestId('impact-run').click(),
    key: (page) => {
      const school = page.locator('[data-testid="impact-scenarios"] tr[data-scenario="school-enrollment"]');
      return [page.getByTestId('review-draft-name'), page.getByTestId('approve'), school.locator('td').first(), page.getByTestId('lost-school-enrollment')];
    },
  },
  {
    name: 'compare',
    who: () => auditor,
    path: () => '/editor/rule-sets/district-sample/compare?from=1&to=2',
    key: (page) => {
      const include = page.locator('[data-testid="policy-changes"] tr[data-target="include:provincial-common"]');
      return [include.locator('td').first(), include.locator('td.before'), include.locator('td.after')];
    },
  },
  {
    name: 'audit',
    who: () => auditor,
    path: () => '/editor/audit',
    key: (page) => {
      const entry = page
        .locator('jifen-audit tbody tr')
        .filter({ has: page.getByText(m.auditActions['draft-submitted']!, { exact: true }) })
        .filter({ has: page.getByTestId('target-draft').filter({ hasText: SUBMITTED }) })
        .first();
      return [entry.getByText(m.auditActions['draft-submitted']!, { exact: true }), entry.getByTestId('target-draft').filter({ hasText: SUBMITTED }), entry.getByText(editor.username, { exact: true })];
    },
  },
  {
    name: 'calendar',
    who: () => auditor,
    path: () => '/editor/calendar',
    key: (page) => [page.getByRole('heading', { name: m.calendarNav, exact: true }), page.getByTestId('state-2026')],
  },
];

const shots = process.env.JIFEN_SCREENSHOTS;

/** The element's box lies inside the viewport once scrolled to, so nothing of it is cut off at the side. */
async function onScreen(page: Page, locator: Locator, label: string): Promise<void> {
  await visible(locator);
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, label).not.toBeNull();
  expect(box!.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${label}: right edge`).toBeLessThanOrEqual(width);
  expect(box!.y, `${label}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${label}: bottom edge`).toBeLessThanOrEqual(height);
}

describe.each([PHONE, { width: 1280, height: 900 }])('every editor screen at $width px (zh)', (size) => {
  // One signed-in page per account at this size, as a person moves between screens.
  const pages = new Map<StaffAccount, Page>();
  const pageOf = async (account: StaffAccount) => {
    const open = pages.get(account) ?? (await signedIn(browser, env, account, 'zh', size.width));
    pages.set(account, open);
    await open.setViewportSize(size);
    return open;
  };
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  it.each(SCREENS)('$name fits the screen with what staff came for in view', async (screen) => {
    const page = await pageOf(screen.who());
    await page.goto(`${env.url}${screen.path()}`);
    await screen.act?.(page);
    const key = screen.key(page);
    for (const [i, locator] of key.entries()) await onScreen(page, locator, `${screen.name} key ${i + 1}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${screen.name} page width`).toBeLessThanOrEqual(size.width);
    if (shots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${screen.name}-${size.width}.png`), fullPage: true });
    }
  }, 60_000);
});
