import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/server';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';

describe('security headers on the running server', () => {
  const db = tempDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
  });
  afterAll(async () => {
    await server?.close();
    db.cleanup();
  });
  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

  it('answers JSON, errors included, with a CSP that loads nothing and the usual hardening', async () => {
    const responses = await Promise.all([
      get('/healthz'),
      get('/api/v1/rule-sets'),
      get('/no/such/route'),
      get('/api/v1/audit'),
      get('/api/v1/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 401, 400]);
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      // Plain http to a server that trusts no proxy: HSTS is for https only (test/security/behind-proxy.test.ts).
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('gives the API reference only its own scripts, served by Jifen itself', async () => {
    const page = await get('/api/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|https?:\/\//);
    const bundle = await get('/api/docs/scalar.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });

  it('lets partner pages load what is under /widget/ from their own origin', async () => {
    const widget = await get('/widget/jifen-eligibility.js');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(widget.headers.get('content-security-policy')).toBeTruthy();
    expect(widget.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
