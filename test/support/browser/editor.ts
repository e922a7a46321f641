import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { startServer, type RunningServer } from '../../../server/src/server';
import { createLibsqlRuleSetRepository } from '../../../server/src/features/rule-sets/libsql-rule-set-repository';
import { createUser } from '../../../server/src/features/staff/accounts';
import { openDatabase } from '../../../server/src/platform/db/database';
import { ensureBuilt } from '../apps/builds';
import { RULE_SETS_DIR } from '../data/rule-sets';
import { testClock } from '../databases/seeded-database';

/**
 * When the editor tests happen, for the server and the browser alike: 10:00 in China on 30 June 2026, far
 * from a midnight and from the turn of a year, whenever the tests run. Effective dates and "today" in the
 * editor are China's calendar days, so a test that read the real clock could see the day turn between two
 * steps (an approval dated yesterday is refused).
 */
export const EDITOR_NOW = '2026-06-30T02:00:00Z';
/** `EDITOR_NOW`'s day in China: what the editor offers as today. */
export const EDITOR_TODAY = '2026-06-30';

/**
 * The demo population of an editor test's server: the same deterministic residents, families and rounds as
 * the full 20,000 of `npm start`, a tenth as many, which seeds in a fraction of the time. The editor's
 * screens work on whatever population there is; the full demo seeds in test/security/resident-masking.
 */
export const EDITOR_DEMO_RESIDENTS = 2_000;

/**
 * Builds the rules editor (as `npm run build:editor` does) when `rules-editor/dist` is missing or older than
 * its sources (its own and the domain code it imports).
 */
export function ensureEditorBuilt(): void {
  ensureBuilt({ folder: 'rules-editor', output: 'dist/index.html', sources: ['rules-editor/src', 'rules-editor/index.html', 'rules-editor/vite.config.ts', 'server/src/domain'] });
}

export interface StaffAccount {
  username: string;
  password: string;
}

export interface EditorServer {
  url: string;
  server: RunningServer;
  /** The server's database file, for a test that tampers with it as an intruder would. */
  databaseUrl: string;
  /** Creates a staff account through the admin API, as an administrator would. */
  /** `adminsPassword`: leave the password the admin chose (the owner has not changed it yet). */
  addStaff(username: string, roles: string[], departments?: string[], options?: { adminsPassword?: boolean }): Promise<StaffAccount>;
  /** A fetch with a staff session (cookie and CSRF token), and any headers besides (`If-Match`). */
  signIn(account: StaffAccount): Promise<(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>>;
  close(): Promise<void>;
}

/**
 * A browser context whose pages see `EDITOR_NOW` as the time (timers still run), for an editor served by
 * `startEditorServer`.
 *
 * @example
 * const page = await (await editorContext(browser, { locale: 'zh-CN' })).newPage();
 */
export async function editorContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.clock.setFixedTime(EDITOR_NOW);
  return context;
}

/**
 * A real Jifen server on 127.0.0.1 over a fresh libsql file in a temp folder, seeded with the shipped rule
 * sets, `EDITOR_DEMO_RESIDENTS` demo residents with their rounds, and the demo administrator (whose
 * password it keeps to create the test's own accounts), its clock stopped at `now` (default `EDITOR_NOW`).
 * Give `residentTokenSecret` to sign residents' tokens in the test.
 *
 * @example
 * const env = await startEditorServer(); const editor = await env.addStaff('ed', ['editor'], ['XX区']); … ; await env.close();
 */
export async function startEditorServer(options: { now?: string; residentTokenSecret?: string } = {}): Promise<EditorServer> {
  const now = options.now ?? EDITOR_NOW;
  const dir = mkdtempSync(join(tmpdir(), 'jifen-editor-'));
  const server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    database: { url: `file:${join(dir, 'jifen.db')}` },
    ruleSetsDirectory: RULE_SETS_DIR,
    demo: true,
    demoResidents: EDITOR_DEMO_RESIDENTS,
    now: testClock(now).now,
    ...(options.residentTokenSecret ? { residentTokenSecret: options.residentTokenSecret } : {}),
  });
  const admin = server.demoUsers.find((u) => u.roles.includes('admin'));
  if (!admin) throw new Error('the server created no demo administrator');

  async function signIn(account: StaffAccount) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${account.username} answered ${res.status}: ${await res.text()}`);
    const cookie = /jifen_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  }

  const asAdmin = await signIn(admin);
  // A second admin, as the operator would add one from the shell: it confirms the roles the first asks for.
  const second = { username: 'second.admin', password: `second-admin-${Math.random().toString(36).slice(2)}-long` };
  const client = openDatabase({ url: `file:${join(dir, 'jifen.db')}` });
  await createUser({ db: client, ruleSets: createLibsqlRuleSetRepository(client), now: testClock(now).now }, { ...second, displayName: second.username, roles: ['admin'] }, 'cli');
  client.close();
  const asSecondAdmin = await signIn(second);
  let n = 0;
  return {
    url: server.url,
    server,
    databaseUrl: `file:${join(dir, 'jifen.db')}`,
    signIn,
    // As staff are taken on: one admin creates the account, a second confirms its editor or approver role,
    // and the owner replaces the password the admin chose.
    async addStaff(username, roles, departments = [], options = {}) {
      const given = `editor-test-${++n}-${Math.random().toString(36).slice(2)}`;
      const res = await asAdmin('POST', '/api/v1/users', { username, displayName: username, password: given, roles, departments });
      if (res.status !== 201) throw new Error(`creating ${username} answered ${res.status}: ${await res.text()}`);
      const { pendingRoles } = (await res.json()) as { pendingRoles?: { request: string } };
      if (pendingRoles) {
        const confirmed = await asSecondAdmin('POST', `/api/v1/role-requests/${pendingRoles.request}/confirm`);
        if (confirmed.status !== 200) throw new Error(`confirming ${username}'s roles answered ${confirmed.status}: ${await confirmed.text()}`);
      }
      if (options.adminsPassword) return { username, password: given };
      const password = `${given}-own`;
      const owner = await signIn({ username, password: given });
      const changed = await owner('POST', '/api/v1/auth/password', { currentPassword: given, newPassword: password });
      if (changed.status !== 204) throw new Error(`${username} changing their password answered ${changed.status}: ${await changed.text()}`);
      return { username, password };
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
