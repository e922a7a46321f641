import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { createRuleSetResolver } from '../../server/src/features/rule-sets/rule-set-resolver';
import { startWidgetDemo } from '../../server/src/features/widget/widget-app';
import { launchBrowser } from '../../test/support/browser/browser';
import { serveApp } from '../../test/support/apps/serve-app';
import { addResident, widgetApp } from '../../test/support/apps/widget';

/**
 * The token hand-off as a resident lives it — consent in the resident's app, a form POST to the partner's
 * page, their real result there — and the partner developer's docs page; with screenshots at 375 px and
 * 1280 px, in Chinese and English, light and dark.
 */
const SHOTS = join(tmpdir(), 'jifen-widget-screenshots');
const WAIT = { timeout: 15_000 };

let env: Awaited<ReturnType<typeof widgetApp>>;
let served: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  env = await widgetApp();
  await addResident(env.client, {
    name: '欧阳小明',
    permitNumber: '330106199001011234',
    residenceRegistrationDate: '2024-01-01',
    facts: { accompanyingChildren: 1, socialInsuranceMonths: 40, birthDate: '1990-05-01', education: 'bachelor', residenceMonths: 60, housing: 'owned' },
  });
  served = await serveApp(env.app);
  await startWidgetDemo(env.widget, createRuleSetResolver(createLibsqlRuleSetRepository(env.client)), [served.url]);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  env?.cleanup();
});

async function open(path: string, options: { width: number; lang: 'zh-CN' | 'en'; dark: boolean }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, locale: options.lang, colorScheme: options.dark ? 'dark' : 'light' });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to|integrity/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${served.url}${path}`);
  return page;
}

describe('the token hand-off and the docs page', () => {
  it('takes the resident from consent in their app to their result on the partner page, never with the token in an address', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = await open(`/demo/resident-app?lang=${lang}`, { width: 375, lang, dark: false });
      await page.getByRole('button', { name: lang === 'en' ? 'Agree and allow' : '同意并授权' }).click();
      await page.getByRole('button', { name: lang === 'en' ? /^Continue to / : /^前往 / }).click();
      await page.waitForURL(/\/demo\/handoff$/, WAIT);
      const widget = page.locator('#resident');
      await widget.locator('[part=verdict]').waitFor(WAIT);
      await widget.getByText(lang === 'en' ? 'Resident: 欧**明 · 3301**********1234' : '居民：欧**明 · 3301**********1234').waitFor(WAIT);
      expect(page.url()).not.toMatch(/token/i);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(SHOTS, `handoff-375-${lang}.png`), fullPage: true });
    }
    const views = (await env.client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'widget-result-viewed'")).rows[0];
    expect(Number(views?.n)).toBe(2);
    expect(problems).toEqual([]);
  });

  it('documents the widget with live, integrity-pinned examples in Chinese and English, light and dark, at 375 and 1280 px', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const dark of [false, true]) {
        for (const width of [375, 1280]) {
          const page = await open(`/widget/docs?lang=${lang}`, { width, lang, dark });
          await page.locator('#live').getByRole('heading', { level: 3 }).waitFor(WAIT);
          await page.locator('#themed [part=submit]').waitFor(WAIT);
          const heading = lang === 'en' ? 'Verify the statement on your backend' : '在后端验证结果声明（statement）';
          await page.getByRole('heading', { name: heading }).waitFor(WAIT);
          // The themed example takes its tokens from a wrapper; the meter and buttons follow them.
          expect(await page.locator('#themed [part=submit]').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(15, 110, 86)');
          // The live widgets fit the narrowest screen.
          for (const id of ['live', 'themed']) expect((await page.locator(`#${id}`).boundingBox())!.width).toBeLessThanOrEqual(width);
          // And so does the page: no sideways scroll (a long address in running text wraps).
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lang} ${width}`).toBeLessThanOrEqual(width);
          await page.screenshot({ path: join(SHOTS, `docs-${width}-${lang}-${dark ? 'dark' : 'light'}.png`), fullPage: width === 375 });
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
