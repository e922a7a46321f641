import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

describe('staff accounts (admin)', () => {
  let env: Awaited<ReturnType<typeof lifecycleApp>>;
  let root: Browser;
  let rootId: string;
  beforeEach(async () => {
    env = await lifecycleApp();
    const admin = await addStaff(env.ctx, 'root', ['admin'], []);
    rootId = admin.id;
    root = await signIn(env.app, 'root', admin.password);
  });
  afterEach(() => env.cleanup());

  it('creates an account that can sign in, refuses a taken name, and lists accounts without credentials', async () => {
    // Hashed at Jifen's own cost, as in production: without the suite's lower test cost (test/support).
    const testCost = process.env.JIFEN_TEST_SCRYPT_LOG_N;
    delete process.env.JIFEN_TEST_SCRYPT_LOG_N;
    onTestFinished(() => {
      if (testCost !== undefined) process.env.JIFEN_TEST_SCRYPT_LOG_N = testCost;
    });
    const body = { username: 'zhang', displayName: '张编辑', password: 'zhang-has-a-long-password', roles: ['editor', 'auditor'], departments: ['XX区'] };
    const res = await root.call('POST', '/api/v1/users', { body });
    expect(res.status).toBe(201);
    // The editor role waits for a second admin; the auditor role is granted at once.
    expect(await res.json()).toMatchObject({ username: 'zhang', roles: ['auditor'], departments: ['XX区'], disabled: false, pendingRoles: { roles: ['editor'] } });
    expect((await signIn(env.app, 'zhang', body.password)).user.username).toBe('zhang');
    expect((await root.call('POST', '/api/v1/users', { body })).status).toBe(409);

    const list = await (await root.call('GET', '/api/v1/users')).json();
    expect(list.users.map((u: { username: string }) => u.username)).toEqual(['root', 'zhang']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);
    const stored = await env.client.execute("SELECT password_hash FROM users WHERE username = 'zhang'");
    expect(String(stored.rows[0]!.password_hash)).toMatch(/^scrypt\$15\$8\$1\$/);
  });

  it('names every invalid field', async () => {
    const res = await root.call('POST', '/api/v1/users', { body: { username: 'Bad Name', displayName: '', password: 'short', roles: ['king'] } });
    expect(res.status).toBe(422);
    const paths = (await res.json()).error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['displayName', 'password', 'roles.0', 'username']);
  });

  it('changes roles and departments, audited with the hashes before and after', async () => {
    const li = await addStaff(env.ctx, 'li', ['approver']);
    const res = await root.call('PATCH', `/api/v1/users/${li.id}`, { body: { roles: ['approver', 'auditor'] } });
    expect(res.status).toBe(200);
    expect((await res.json()).roles).toEqual(['approver', 'auditor']);
    const entry = (await env.client.execute("SELECT actor, action, target, before, after, details FROM audit_log ORDER BY seq DESC LIMIT 1")).rows[0]!;
    expect(entry).toMatchObject({ actor: 'root', action: 'user-changed', target: 'user:li' });
    expect(entry.before).not.toBe(entry.after);
    expect(JSON.parse(String(entry.details))).toEqual({ changed: ['roles'], roles: ['approver', 'auditor'] });
    expect((await root.call('PATCH', '/api/v1/users/nobody', { body: { disabled: true } })).status).toBe(404);
  });

  it('keeps at least one active admin', async () => {
    const res = await root.call('PATCH', `/api/v1/users/${rootId}`, { body: { disabled: true } });
    expect(res.status).toBe(409);
    expect((await root.call('GET', '/api/v1/auth/me')).status).toBe(200);
  });
});
