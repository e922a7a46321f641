import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../server/src/server';
import { RULE_SETS_DIR } from './rule-sets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EDITOR = join(ROOT, 'rules-editor');
const BUILT = join(EDITOR, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const isFresh = () => {
  const sources = Math.max(newestSource(join(EDITOR, 'src')), statSync(join(EDITOR, 'index.html')).mtimeMs, statSync(join(EDITOR, 'vite.config.ts')).mtimeMs);
  return existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources;
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the rules editor (as `npm run build:editor` does) when `rules-editor/dist` is missing or older than
 * its sources, so that a browser test always drives the code under test. Test files run in parallel: a lock
 * folder lets one of them build while the others wait for it.
 */
export function ensureEditorBuilt(): void {
  if (isFresh()) return;
  const lock = join(EDITOR, '.build-lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`ensureEditorBuilt: ${lock} has been held for two minutes; remove it if no build runs`);
      sleep(200);
    }
  }
  try {
    if (isFresh()) return;
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(EDITOR, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'pipe',
      // Under vitest NODE_ENV is "test"; the build is for production.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface StaffAccount {
  username: string;
  password: string;
}

export interface EditorServer {
  url: string;
  server: RunningServer;
  /** Creates a staff account through the admin API, as an administrator would. */
  addStaff(username: string, roles: string[], departments?: string[]): Promise<StaffAccount>;
  /** A fetch with a staff session (cookie and CSRF token). */
  signIn(account: StaffAccount): Promise<(method: string, path: string, body?: unknown) => Promise<Response>>;
  close(): Promise<void>;
}

/**
 * A real Jifen server on 127.0.0.1 over a fresh libsql file in a temp folder, seeded with the shipped rule
 * sets and the demo administrator (whose password it keeps to create the test's own accounts).
 *
 * @example
 * const env = await startEditorServer(); const editor = await env.addStaff('ed', ['editor'], ['XX区']); … ; await env.close();
 */
export async function startEditorServer(): Promise<EditorServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-editor-'));
  const server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    database: { url: `file:${join(dir, 'jifen.db')}` },
    ruleSetsDirectory: RULE_SETS_DIR,
    demo: true,
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
    return (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  }

  const asAdmin = await signIn(admin);
  let n = 0;
  return {
    url: server.url,
    server,
    signIn,
    async addStaff(username, roles, departments = []) {
      const password = `editor-test-${++n}-${Math.random().toString(36).slice(2)}`;
      const res = await asAdmin('POST', '/api/v1/users', { username, displayName: username, password, roles, departments });
      if (res.status !== 201 && res.status !== 200) throw new Error(`creating ${username} answered ${res.status}: ${await res.text()}`);
      return { username, password };
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
