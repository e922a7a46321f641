import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../server/src/domain/accounts/roles';
import { ACCESS, CSRF_EXEMPT } from '../../server/src/platform/http/access';
import { createUser } from '../../server/src/features/staff/accounts';
import { DEFAULT_SESSION_POLICY } from '../../server/src/features/staff/sessions';
import { startServer, type RunningServer } from '../../server/src/server';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';

/**
 * What the lifecycle tests (server/src/features/staff/auth-routes.test.ts: fixation, CSRF on one route, the sign-in
 * limits through a trusted proxy) leave open, against a real server on 127.0.0.1: the CSRF check on every
 * state-changing route a session can reach, and the per-address limit when the client forges
 * X-Forwarded-For to a server that trusts no proxy.
 */

const db = tempDatabase();
let server: RunningServer;
let client: Client;
const PASSWORD = 'all-roles-passphrase-for-tests';

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
  client = db.open();
  const ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() };
  await createUser(ctx, { username: 'everyone', displayName: 'everyone', password: PASSWORD, roles: [...ROLES], departments: ['*'] }, 'test');
});

afterAll(async () => {
  await server?.close();
  db.cleanup();
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

async function session() {
  const res = await login('everyone', PASSWORD);
  expect(res.status).toBe(200);
  return { cookie: /jifen_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')![1]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const count = async (table: string) => Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe('staff sessions against forged requests', () => {
  it('refuses every state-changing route to a session without its CSRF token, or with another session’s, and changes nothing', async () => {
    const mine = await session();
    const other = await session();
    const routes = Object.entries(ACCESS)
      .filter(([key, audiences]) => /^(POST|PUT|PATCH|DELETE) /.test(key) && !CSRF_EXEMPT.has(key) && audiences.some((a) => a === 'staff' || (ROLES as readonly string[]).includes(a)))
      .map(([key]) => key);
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const auditBefore = await count('audit_log');
    const draftsBefore = await count('drafts');
    const letThrough: string[] = [];
    for (const key of routes) {
      const [method, pattern] = key.split(' ') as [string, string];
      const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' && pattern.startsWith('/api/v1/rule-sets/') ? 'district-sample' : 'x1'));
      for (const token of [undefined, other.csrf]) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: { cookie: `jifen_session=${mine.cookie}`, 'content-type': 'application/json', origin: 'https://evil.example', ...(token ? { 'x-csrf-token': token } : {}) },
          body: '{}',
        });
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        if (res.status !== 403 || !/^CSRF: /.test(body.error?.message ?? '')) letThrough.push(`${key} ${token ? "with another session's token" : 'without a token'} → ${res.status}`);
      }
    }
    expect(letThrough).toEqual([]);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count('drafts')).toBe(draftsBefore);
    // The same session with its own token does get through.
    const ok = await fetch(`${server.url}/api/v1/rule-sets/district-sample/drafts`, {
      method: 'POST',
      headers: { cookie: `jifen_session=${mine.cookie}`, 'content-type': 'application/json', 'x-csrf-token': mine.csrf },
      body: '{}',
    });
    expect(ok.status).toBe(201);
  });

  it('counts sign-in attempts by the real client address when X-Forwarded-For is forged', async () => {
    const limit = DEFAULT_SESSION_POLICY.attemptsPerAddress;
    for (let i = 0; i < limit; i++) {
      const res = await login(`guess-${i}`, 'wrong-password-guess', { 'x-forwarded-for': `203.0.113.${i + 1}` });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const blocked = await login('everyone', PASSWORD, { 'x-forwarded-for': '198.51.100.77' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const attempts = await client.execute("SELECT DISTINCT key FROM login_attempts WHERE key LIKE 'address:%'");
    expect(attempts.rows.map((r) => String(r.key))).toEqual(['address:127.0.0.1']);
  }, 60_000);
});
