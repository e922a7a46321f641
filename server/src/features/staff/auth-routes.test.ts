import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, browser, lifecycleApp, sessionCookie, signIn } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

const login = (env: Env, username: string, password: string, headers: Record<string, string> = {}) =>
  env.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

const auditActions = async (env: Env) =>
  (await env.client.execute('SELECT action, actor, target FROM audit_log ORDER BY seq')).rows.map((r) => `${r.action} ${r.actor} ${r.target}`);

describe('staff sign-in', () => {
  let env: Env;
  afterEach(() => env.cleanup());

  it('signs in with an HttpOnly, SameSite=Strict cookie, answers /me, signs out, and audits each step', async () => {
    env = await lifecycleApp();
    const li = await addStaff(env.ctx, 'li.approver', ['approver']);
    const res = await login(env, 'li.approver', li.password);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({ id: li.id, username: 'li.approver', displayName: 'li.approver', roles: ['approver'], departments: ['*'], disabled: false });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^jifen_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);

    const session = browser(env.app, sessionCookie(res), body.csrfToken, body.user);
    const me = await session.call('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });

    // Only the hash of the session id is stored.
    const stored = await env.client.execute('SELECT id_hash FROM sessions');
    expect(stored.rows.map((r) => r.id_hash)).not.toContain(session.cookie);
    expect(stored.rows).toHaveLength(1);

    expect((await session.call('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await session.call('GET', '/api/v1/auth/me')).status).toBe(401);
    expect(await auditActions(env)).toEqual(['user-created test user:li.approver', 'login li.approver user:li.approver', 'logout li.approver user:li.approver']);
  });

  it('marks the cookie Secure over https', async () => {
    env = await lifecycleApp();
    const li = await addStaff(env.ctx, 'li', ['approver']);
    const res = await env.app.request('https://jifen.example/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'li', password: li.password }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers the same 401 for an unknown user and a wrong password, and audits both failures', async () => {
    env = await lifecycleApp();
    await addStaff(env.ctx, 'li', ['approver']);
    const unknown = await login(env, 'nobody', 'whatever-password');
    const wrong = await login(env, 'li', 'not-the-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect((await auditActions(env)).slice(1)).toEqual(['login-failed anonymous user:?', 'login-failed anonymous user:li']);
  });

  it('never adopts a session id the client brings (no fixation), and ends the old session', async () => {
    env = await lifecycleApp();
    const li = await addStaff(env.ctx, 'li', ['approver']);
    const planted = 'A'.repeat(43);
    const res = await login(env, 'li', li.password, { cookie: `jifen_session=${planted}` });
    expect(res.status).toBe(200);
    const issued = sessionCookie(res);
    expect(issued).not.toBe(planted);
    expect((await env.app.request('/api/v1/auth/me', { headers: { cookie: `jifen_session=${planted}` } })).status).toBe(401);

    const first = await signIn(env.app, 'li', li.password);
    const second = await login(env, 'li', li.password, { cookie: `jifen_session=${first.cookie}` });
    expect(sessionCookie(second)).not.toBe(first.cookie);
    expect((await first.call('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a change without the CSRF token, or with another session\'s token', async () => {
    env = await lifecycleApp();
    const zhang = await addStaff(env.ctx, 'zhang', ['editor']);
    const a = await signIn(env.app, 'zhang', zhang.password);
    const b = await signIn(env.app, 'zhang', zhang.password);
    const missing = await a.call('POST', '/api/v1/rule-sets/district-sample/drafts', { body: {}, csrf: false });
    expect(missing.status).toBe(403);
    expect((await missing.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^CSRF: /) });
    const crossed = await a.call('POST', '/api/v1/rule-sets/district-sample/drafts', { body: {}, headers: { 'x-csrf-token': b.csrfToken } });
    expect(crossed.status).toBe(403);
    expect(await env.client.execute('SELECT count(*) AS n FROM drafts').then((r) => Number(r.rows[0]!.n))).toBe(0);
    expect((await a.call('POST', '/api/v1/rule-sets/district-sample/drafts', { body: {} })).status).toBe(201);
  });

  it('locks a username at the address that failed 5 times, until the window passes, and audits the lockout', async () => {
    env = await lifecycleApp({ trustProxy: true });
    const li = await addStaff(env.ctx, 'li', ['approver']);
    const attacker = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 5; i++) expect((await login(env, 'li', `wrong-${i}`, attacker)).status).toBe(401);
    const limited = await login(env, 'li', li.password, attacker);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner, elsewhere, is not locked out by it.
    expect((await login(env, 'li', li.password, { 'x-forwarded-for': '198.51.100.4' })).status).toBe(200);
    const locked = await env.client.execute("SELECT target, details FROM audit_log WHERE action = 'login-locked'");
    expect(locked.rows.map((r) => [r.target, JSON.parse(String(r.details)).address])).toEqual([['user:li', '203.0.113.9']]);
    env.clock.advance(15 * 60_000 + 1000);
    expect((await login(env, 'li', li.password, attacker)).status).toBe(200);
  });

  it('slows, never locks, an address that fails across usernames', async () => {
    env = await lifecycleApp({ trustProxy: true, sessions: { attemptsPerAddress: 3 } });
    const li = await addStaff(env.ctx, 'li', ['approver']);
    for (const name of ['a1', 'a2', 'a3']) expect((await login(env, name, 'x-password', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(401);
    const slowed = await login(env, 'li', li.password, { 'x-forwarded-for': '203.0.113.9' });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect((await login(env, 'li', li.password, { 'x-forwarded-for': '198.51.100.4' })).status).toBe(200);
    env.clock.advance(30_000);
    expect((await login(env, 'li', li.password, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    env = await lifecycleApp();
    const li = await addStaff(env.ctx, 'li', ['approver']);
    const idle = await signIn(env.app, 'li', li.password);
    env.clock.advance(29 * 60_000);
    expect((await idle.call('GET', '/api/v1/auth/me')).status).toBe(200);
    env.clock.advance(29 * 60_000);
    expect((await idle.call('GET', '/api/v1/auth/me')).status).toBe(200);
    env.clock.advance(31 * 60_000);
    expect((await idle.call('GET', '/api/v1/auth/me')).status).toBe(401);

    const busy = await signIn(env.app, 'li', li.password);
    for (let hour = 0; hour < 12; hour++) {
      expect((await busy.call('GET', '/api/v1/auth/me')).status).toBe(200);
      for (let step = 0; step < 3; step++) {
        env.clock.advance(20 * 60_000);
        await busy.call('GET', '/api/v1/auth/me');
      }
    }
    expect((await busy.call('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('ends the sessions of an account that is disabled', async () => {
    env = await lifecycleApp();
    const admin = await addStaff(env.ctx, 'root', ['admin']);
    const li = await addStaff(env.ctx, 'li', ['approver']);
    const root = await signIn(env.app, 'root', admin.password);
    const session = await signIn(env.app, 'li', li.password);
    const res = await root.call('PATCH', `/api/v1/users/${li.id}`, { body: { disabled: true } });
    expect(res.status).toBe(200);
    expect((await session.call('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await login(env, 'li', li.password)).status).toBe(401);
    expect((await auditActions(env)).slice(-2)).toEqual(['user-disabled root user:li', 'login-failed anonymous user:li']);
  });
});
