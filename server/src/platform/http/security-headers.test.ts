import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { JifenError } from '../../domain/errors';
import { errorHandler } from './errors';
import { securityHeaders } from './security-headers';

function app(trustProxy = false) {
  const a = new Hono();
  a.use('*', securityHeaders({ docsPath: '/docs', network: { trustProxy } }));
  a.get('/page', (c) => c.html('<p>hi</p>'));
  a.get('/docs', (c) => c.html('<p>docs</p>'));
  a.get('/data', (c) => c.json({ ok: true }));
  a.get('/own', (c) => {
    c.header('Content-Security-Policy', "script-src 'self' https://jifen.example.org");
    return c.html('<p>partner demo</p>');
  });
  a.get('/widget/w.js', (c) => c.body('export {}', 200, { 'content-type': 'text/javascript' }));
  a.get('/boom', () => {
    throw new JifenError('validation_failed', 'Test: bad', [{ path: 'x', message: 'bad' }]);
  });
  a.onError(errorHandler(() => {}));
  return a;
}

describe('securityHeaders', () => {
  it('gives pages a CSP that allows only their own scripts, styles and requests, and no framing', async () => {
    const res = await app().request('/page');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    // Plain http: no HSTS (see below).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS only when the client came over https, and believes X-Forwarded-Proto only from a trusted proxy', async () => {
    expect((await app().request('https://jifen.example/page')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    const viaProxy = { headers: { 'x-forwarded-proto': 'https' } };
    expect((await app(true).request('/data', viaProxy)).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect((await app(true).request('/data', { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull();
    // A client claiming https to a server that trusts no proxy gets no HSTS.
    expect((await app(false).request('/data', viaProxy)).headers.get('strict-transport-security')).toBeNull();
  });

  it('lets the API reference add styles, never scripts', async () => {
    const csp = (await app().request('/docs')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
  });

  it('gives JSON, errors included, a CSP that loads nothing', async () => {
    for (const path of ['/data', '/boom', '/nowhere']) {
      const res = await app().request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('lets partner sites embed what is under /widget/, and keeps a policy a handler set itself', async () => {
    const widget = await app().request('/widget/w.js');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const own = await app().request('/own');
    expect(own.headers.get('content-security-policy')).toBe("script-src 'self' https://jifen.example.org");
    expect(own.headers.get('x-frame-options')).toBe('DENY');
  });
});
