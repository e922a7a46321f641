import { randomBytes } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../../../server/src/app';
import type { AppEnv } from '../../../server/src/platform/http/access';
import { createUser } from '../../../server/src/features/staff/accounts';
import type { LifecycleContext } from '../../../server/src/platform/db/context';
import { csrfTokenFor, hashSessionId, type SessionPolicy } from '../../../server/src/features/staff/sessions';
import { createSessionStore } from '../../../server/src/features/staff/session-store';
import type { RuleSet } from '../../../server/src/domain/rule-set/schema';
import type { CaseResult } from '../../../server/src/domain/rule-set/run-cases';
import { inTransaction } from '../../../server/src/platform/db/database';
import { seededDatabase } from '../databases/seeded-database';

/**
 * The app over a real libsql file in a temporary folder, migrated and seeded with the shipped rule sets,
 * with a clock the test controls (default 2026-06-30 10:00 China time).
 *
 * @example
 * const env = await lifecycleApp(); … ; env.cleanup();
 */
export async function lifecycleApp(options: { now?: string; sessions?: Partial<SessionPolicy>; trustProxy?: boolean } = {}) {
  const { db, client, clock, ruleSets } = await seededDatabase(options.now ?? '2026-06-30T02:00:00Z');
  const ctx: LifecycleContext = { db: client, ruleSets, now: clock.now };
  const errors: unknown[] = [];
  const app = createApp({
    ruleSets,
    database: client,
    now: clock.now,
    log: (_m, error) => errors.push(error),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.trustProxy ? { network: { trustProxy: true } } : {}),
  });
  return { app, client, ctx, clock, errors, url: db.url, cleanup: db.cleanup };
}

let counter = 0;

/**
 * Creates a staff account with a known password.
 *
 * @example
 * const li = await addStaff(ctx, 'li', ['approver']);
 */
export async function addStaff(ctx: LifecycleContext, username: string, roles: string[], departments: string[] = ['*']) {
  const password = `pass-${username}-${++counter}-long-enough`;
  const user = await createUser(ctx, { username, displayName: username, password, roles, departments }, 'test');
  return { ...user, password };
}

/** A signed-in browser: sends the session cookie, and the CSRF token on every change. */
export interface Browser {
  cookie: string;
  csrfToken: string;
  user: { username: string; roles: string[] };
  /** `fetch` through `app.request` as this user; a body is sent as JSON unless `contentType` says otherwise. */
  call(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; contentType?: string; csrf?: boolean }): Promise<Response>;
}

/**
 * Signs in through `POST /api/v1/auth/login` and answers a browser for that session.
 *
 * @example
 * const li = await signIn(app, 'li', password); const res = await li.call('GET', '/api/v1/auth/me');
 */
export async function signIn(app: OpenAPIHono<AppEnv>, username: string, password: string): Promise<Browser> {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { username: string; roles: string[] } };
  return browser(app, sessionCookie(res), body.csrfToken, body.user);
}

/** A browser for a cookie and token obtained elsewhere. */
export function browser(app: OpenAPIHono<AppEnv>, cookie: string, csrfToken: string, user: Browser['user']): Browser {
  return {
    cookie,
    csrfToken,
    user,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { cookie: `jifen_session=${cookie}` };
      if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = csrfToken;
      Object.assign(headers, options.headers);
      if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
      return app.request(path, {
        method,
        headers,
        ...(options.body !== undefined
          ? { body: typeof options.body === 'string' || options.body instanceof Uint8Array ? (options.body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(options.body) }
          : {}),
      });
    },
  };
}

/** The session id a response sets in `jifen_session`. */
export function sessionCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const match = /jifen_session=([^;]*)/.exec(set);
  if (!match?.[1]) throw new Error(`no session cookie in ${set}`);
  return match[1];
}

/**
 * The document with every case expectation set to what its failing result says the rules now give: what
 * an editor does after a deliberate change of weights.
 *
 * @example
 * const fixed = acceptActuals(draft.document, draft.cases.results);
 */
export function acceptActuals(document: RuleSet, results: readonly CaseResult[]): RuleSet {
  const copy = structuredClone(document);
  for (const result of results) {
    const testCase = copy.cases.find((c) => c.id === result.id);
    if (!testCase) continue;
    for (const d of result.differences) {
      const [section, id] = d.path.split('.');
      if (d.actual === undefined) continue;
      if (section === 'total' && typeof d.actual === 'number') testCase.expect.total = d.actual;
      else if (section === 'vetoed' && typeof d.actual === 'boolean') testCase.expect.vetoed = d.actual;
      else if (id && (section === 'groups' || section === 'indicators') && typeof d.actual === 'number') {
        testCase.expect[section] = { ...testCase.expect[section], [id]: d.actual };
      } else if (id && section === 'scenarios' && typeof d.actual === 'boolean') {
        testCase.expect.scenarios = { ...testCase.expect.scenarios, [id]: d.actual };
      }
    }
  }
  return copy;
}

/**
 * Opens a session for an existing account straight in the database (no password check, no scrypt): for
 * tests that need many sessions. Answers the cookie value and its CSRF token.
 *
 * @example
 * const { cookie, csrfToken } = await openSession(ctx, user.id);
 */
export async function openSession(ctx: LifecycleContext, userId: string): Promise<{ cookie: string; csrfToken: string }> {
  const cookie = randomBytes(32).toString('base64url');
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, (tx) => createSessionStore(tx).insert({ idHash: hashSessionId(cookie), userId, createdAt: at, lastSeenAt: at }));
  return { cookie, csrfToken: csrfTokenFor(cookie) };
}
