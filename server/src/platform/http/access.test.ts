import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { ROLES, type Role } from '../../domain/accounts/roles';
import { startServer, type RunningServer } from '../../server';
import { createLibsqlRuleSetRepository } from '../../features/rule-sets/libsql-rule-set-repository';
import { EXTRA_CALLERS, type MatrixEnv } from '../../../../test/support/callers/callers';
import { RULE_SETS_DIR } from '../../../../test/support/data/rule-sets';
import { addStaff, openSession } from '../../../../test/support/callers/staff';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import { ACCESS, permits, tableKey, type Audience, type Principal } from './access';

type Env = MatrixEnv;

interface Caller {
  name: string;
  /** Who the access table sees; undefined for anonymous. */
  principal: Principal | undefined;
  /** Fresh headers for one request (a new session each time: a cell may sign out). */
  headers(): Promise<Record<string, string>>;
}

/**
 * The routes the app serves, as access-table keys, without global middleware. `ALL` routes are
 * middleware registered with `use` (CORS, static files): they need an entry only if they answer requests
 * that no route of their own method answers.
 */
function appRoutes(env: Pick<Env, 'app'>): { key: string; method: string; path: string }[] {
  const seen = new Map<string, { key: string; method: string; path: string }>();
  for (const r of env.app.routes) {
    if (r.method === 'ALL' && (r.path === '/*' || r.path === '*')) continue;
    const key = tableKey(r.method, r.path);
    seen.set(key, { key, method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** A concrete URL for a route pattern: every parameter and wildcard filled with a harmless value. */
function sampleUrl(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, 'x1').replace(/\*$/, 'x1');
}

describe('access control: every route × every caller', () => {
  let env: Env;
  let callers: Caller[];
  let server: RunningServer;
  const db = tempDatabase();

  beforeAll(async () => {
    // The app exactly as `npm start` builds it, so that every route of every feature is walked.
    server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
    const client = db.open();
    env = { app: server.app, client, ctx: { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() } };
    const staff = await Promise.all(
      ROLES.map(async (role: Role) => ({ role, user: await addStaff(env.ctx, `only-${role}`, [role]) })),
    );
    callers = [
      { name: 'anonymous', principal: undefined, headers: async () => ({}) },
      ...staff.map(({ role, user }) => ({
        name: role,
        principal: { kind: 'staff' as const, user, sessionId: '', csrfToken: '' },
        headers: async () => {
          const { cookie, csrfToken } = await openSession(env.ctx, user.id);
          return { cookie: `jifen_session=${cookie}`, 'x-csrf-token': csrfToken };
        },
      })),
    ];
    for (const factory of EXTRA_CALLERS) {
      const extra = await factory(env);
      callers.push({ name: extra.name, principal: { kind: extra.audience as 'service', id: extra.name }, headers: async () => extra.headers });
    }
  });
  afterAll(async () => {
    await server?.close();
    db.cleanup();
  });

  it('has an access-table entry for every route the app serves, and no entry for a route it does not', () => {
    const served = appRoutes(env).map((r) => r.key);
    expect(served.filter((key) => !key.startsWith('ALL ') && !(key in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('refuses every cell the table does not open, and lets every other cell past access control', async () => {
    const open: string[] = [];
    const shut: string[] = [];
    const broken: string[] = [];
    for (const route of appRoutes(env)) {
      const allowed: readonly Audience[] = ACCESS[route.key] ?? [];
      // A method no route registers reaches only the `ALL` middleware.
      const method = route.method === 'ALL' ? 'PROPFIND' : route.method;
      for (const caller of callers) {
        const headers = await caller.headers();
        const init: RequestInit = { method, headers: { ...headers } };
        if (method !== 'GET' && method !== 'HEAD') {
          init.headers = { ...headers, 'content-type': 'application/json' };
          init.body = '{}';
        }
        const res = await env.app.request(sampleUrl(route.path), init);
        const text = await res.text();
        const refused = (res.status === 401 || res.status === 403) && /"message":"Access: /.test(text);
        const cell = `${route.key} as ${caller.name} → ${res.status}`;
        if (res.status >= 500) broken.push(`${cell}: ${text.slice(0, 200)}`);
        if (permits(allowed, caller.principal)) {
          if (refused) shut.push(cell);
        } else if (!refused) open.push(`${cell}: ${text.slice(0, 120)}`);
      }
    }
    expect(open, 'cells open to a caller the access table does not name').toEqual([]);
    expect(shut, 'cells refused to a caller the access table names').toEqual([]);
    expect(broken, 'cells answering 5xx').toEqual([]);
  });

  it('answers 401 to anonymous callers and 403 to the wrong role', async () => {
    const anonymous = await env.app.request('/api/v1/audit');
    expect(anonymous.status).toBe(401);
    const editor = callers.find((c) => c.name === 'editor')!;
    const res = await env.app.request('/api/v1/audit', { headers: await editor.headers() });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/^Access: only-editor \(editor\) may not call GET \/api\/v1\/audit$/);
  });

  it('refuses a route that is missing from the table, even to an admin (fail closed), and the matrix names it', async () => {
    const app = createApp({ ruleSets: env.ctx.ruleSets, database: env.client });
    app.get('/api/v1/forgotten', (c) => c.json({ secret: true }));
    const admin = callers.find((c) => c.name === 'admin')!;
    for (const headers of [{}, await admin.headers()]) {
      const res = await app.request('/api/v1/forgotten', { headers });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/not in the access table/);
    }
    expect(appRoutes({ app }).map((r) => r.key).filter((key) => !key.startsWith('ALL ') && !(key in ACCESS))).toEqual(['GET /api/v1/forgotten']);
  });
});
