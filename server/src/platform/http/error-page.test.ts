import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../../test/support/browser/browser';
import { serveApp } from '../../../../test/support/apps/serve-app';
import { testApp } from '../../../../test/support/apps/test-app';

/** What Chromium sends when it navigates to a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const asBrowser = { headers: { accept: BROWSER_ACCEPT } };

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  env = await testApp();
});

describe('error pages for people', () => {
  it('answers a browser navigating to a missing page with a bilingual page of the same status', async () => {
    for (const path of ['/nope', '/demo/school']) {
      const res = await env.app.request(path, asBrowser);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('content-security-policy')).toMatch(/style-src 'self'(;|$)/);
      const page = await res.text();
      expect(page).toContain('<html lang="zh-CN">');
      expect(page).toContain('<title>页面不存在 · Page not found</title>');
      expect(page.indexOf('页面不存在')).toBeLessThan(page.indexOf('Page not found'));
      expect(page).toContain(`Request: no route GET ${path}`);
      expect(page).toContain('<a href="/editor/">返回首页');
      expect(page).toContain('<link rel="stylesheet" href="/public/assets/notice.css">');
      expect(page).not.toMatch(/<script|<style|style=/);
    }
    // The stylesheet it links is there without a database too.
    const css = await env.app.request('/public/assets/notice.css');
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('.error-page');
  });

  it('escapes the message: a hostile path shows as text', async () => {
    const res = await env.app.request('/x%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E', asBrowser);
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).not.toContain('<img');
    expect(page).toContain('Request: no route GET /x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps the JSON error shape for API paths, JSON clients, clients that accept anything, and other methods', async () => {
    const cases: [string, RequestInit, string][] = [
      ['/api/v1/nope', asBrowser, 'Request: no route GET /api/v1/nope'],
      ['/nope', { headers: { accept: 'application/json' } }, 'Request: no route GET /nope'],
      ['/nope', { headers: { accept: 'application/json, text/html;q=0.9' } }, 'Request: no route GET /nope'],
      ['/nope', { headers: { accept: '*/*' } }, 'Request: no route GET /nope'],
      ['/nope', {}, 'Request: no route GET /nope'],
      ['/nope', { method: 'POST', headers: { accept: BROWSER_ACCEPT } }, 'Request: no route POST /nope'],
    ];
    for (const [path, init, message] of cases) {
      const res = await env.app.request(path, init);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message, messageZh: '没有这个网址' } });
    }
    // A domain error on an API path keeps its code and fields.
    const missing = await env.app.request('/api/v1/rule-sets/tiny/versions/9', asBrowser);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'RuleSets: tiny has no version 9', messageZh: expect.stringMatching(/[\u4e00-\u9fff]/), fields: [{ path: 'version', message: 'no such version', messageZh: '没有这个版本' }] },
    });
  });

  it('renders styled in Chromium under the page CSP, with no violation and nothing inline', async () => {
    const served = await serveApp(env.app);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 800, height: 600 } });
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      page.on('pageerror', (e) => violations.push(e.message));
      const res = await page.goto(`${served.url}/nope`);
      expect(res?.status()).toBe(404);
      expect(await page.title()).toBe('页面不存在 · Page not found');
      expect(await page.locator('h1').innerText()).toBe('页面不存在 Page not found');
      expect(await page.locator('a[href="/editor/"]').innerText()).toBe('返回首页 Home');
      // The stylesheet applied: the error card's width and the status colour come from it.
      expect(await page.locator('main').evaluate((el) => getComputedStyle(el).maxWidth)).toBe('640px');
      expect(await page.locator('.error-status').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');
      const shot = await page.screenshot({ fullPage: true });
      expect(shot.subarray(1, 4).toString()).toBe('PNG');
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});

afterAll(() => {
  expect(env.errors).toEqual([]);
});
