import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { serveSpa } from './static';

const root = mkdtempSync(join(tmpdir(), 'jifen-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>editor</title><script type="module" src="/editor/assets/index-Ab12Cd34.js"></script>');
writeFileSync(join(root, 'assets', 'index-Ab12Cd34.js'), 'export const x = 1;');
writeFileSync(join(root, 'assets', 'index-Ef56Gh78.css'), 'body{}');

const app = new Hono();
app.route('/editor', serveSpa({ mount: '/editor', root }));
const missingApp = new Hono();
missingApp.route('/editor', serveSpa({ mount: '/editor', root: join(root, 'not-built') }));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('serving a single-page app under /editor/', () => {
  it('serves the page at /editor/, never cached, with a strict Content-Security-Policy', async () => {
    const res = await app.request('/editor/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>editor</title>');
  });

  it("answers the app's own routes with the page, so a reload keeps the screen", async () => {
    for (const path of ['/editor/rule-sets/district-sample', '/editor/rule-sets/district-sample/drafts/k3x9m2p7q4rt', '/editor/audit']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>editor</title>');
    }
  });

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await app.request('/editor/assets/index-Ab12Cd34.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('export const x = 1;');
    const css = await app.request('/editor/assets/index-Ef56Gh78.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 for a missing file rather than the page, and never leaves the folder', async () => {
    const missing = await app.request('/editor/assets/index-Zz99Zz99.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    for (const path of ['/editor/..%2f..%2f..%2fpackage.json', '/editor/../package.json', '/editor/%2e%2e/%2e%2e/package.json']) {
      const outside = await app.request(path);
      expect(await outside.text(), path).not.toContain('"name"');
    }
  });

  it('redirects /editor to /editor/ so that relative URLs resolve', async () => {
    const res = await app.request('/editor');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/editor/');
  });

  it('says how to build it when it is not built', async () => {
    const res = await missingApp.request('/editor/');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('npm run build');
  });
});
