import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser/browser';
import { serveApp } from '../support/apps/serve-app';
import { testApp } from '../support/apps/test-app';

describe('the API reference page in Chromium', () => {
  let browser: Browser;
  let served: Awaited<ReturnType<typeof serveApp>>;
  beforeAll(async () => {
    served = await serveApp((await testApp()).app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('renders every operation offline, under its CSP, with no violation and no request elsewhere', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(served.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));

    const response = await page.goto(`${served.url}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('/api/v1/evaluate/batch').first().waitFor({ timeout: 20_000 });
    await expect(page.title()).resolves.toBe('Jifen API');
    expect(await page.getByText('Jifen API').count()).toBeGreaterThan(0);

    const violations = await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
    // Scalar's bundled zod probes once whether `new Function` is allowed, to compile its validators; the CSP
    // refuses, and zod interprets instead. That refusal is the only one.
    expect(violations.filter((v) => v !== 'script-src eval')).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    await page.close();
  });
});
