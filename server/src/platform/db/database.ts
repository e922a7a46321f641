import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client, type InStatement, type ResultSet } from '@libsql/client';

/** Where the database lives: an embedded file (`file:…`) or a libsql server (`http://`, `ws://`, `libsql://`). */
export interface DatabaseConfig {
  url: string;
  authToken?: string;
}

export const DEFAULT_DATABASE_URL = 'file:data/jifen.db';

/** Anything that runs SQL: the client itself or an open transaction. Repositories take one of these. */
export interface SqlExecutor {
  execute(stmt: InStatement): Promise<ResultSet>;
}

/**
 * Reads `JIFEN_DATABASE_URL` (default `file:data/jifen.db`) and `JIFEN_DATABASE_AUTH_TOKEN`.
 *
 * @example
 * databaseConfigFromEnv(process.env); // { url: 'file:data/jifen.db' }
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.JIFEN_DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const authToken = env.JIFEN_DATABASE_AUTH_TOKEN?.trim();
  return authToken ? { url, authToken } : { url };
}

/**
 * Opens a libsql client. For an embedded file the folder is created first, and writers wait for each
 * other for a while instead of failing at once (several server processes may share one file).
 *
 * @example
 * const client = openDatabase({ url: 'file:data/jifen.db' });
 */
export function openDatabase(config: DatabaseConfig): Client {
  const file = embeddedFilePath(config.url);
  if (file) mkdirSync(dirname(file), { recursive: true });
  return createClient({
    url: config.url,
    ...(config.authToken ? { authToken: config.authToken } : {}),
    timeout: 5_000,
  });
}

/**
 * Puts an embedded file in write-ahead-log mode, so that readers (other requests, other server processes
 * on the same file) never wait for a writer. A libsql server manages this itself: nothing is done there.
 *
 * @example
 * await useWriteAheadLog(client, 'file:data/jifen.db');
 */
export async function useWriteAheadLog(client: Client, url: string): Promise<void> {
  if (embeddedFilePath(url)) await client.execute('PRAGMA journal_mode = WAL');
}

/** The file path of an embedded database URL, or undefined for a server or an in-memory database. */
export function embeddedFilePath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  if (url.startsWith('file://')) return fileURLToPath(url.split('?')[0] ?? url);
  const path = (url.slice('file:'.length).split('?')[0] ?? '').trim();
  return path === '' || path === ':memory:' ? undefined : path;
}

/** The URL without query parameters (which may carry a token), for logs. */
export function redactDatabaseUrl(url: string): string {
  return url.split('?')[0] ?? url;
}

// SQLite's lock wait is synchronous: a second write transaction of the same process would block the event
// loop while the first one waits on it, so each client runs its write transactions one after another.
const writeQueues = new WeakMap<Client, Promise<unknown>>();

/**
 * Runs `work` in one write transaction: committed when it resolves, rolled back when it throws.
 * Write transactions on the same client are queued, never interleaved.
 *
 * @example
 * await inTransaction(client, async (tx) => { await tx.execute('…'); await tx.execute('…'); });
 */
export function inTransaction<T>(client: Client, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  const previous = writeQueues.get(client) ?? Promise.resolve();
  const run = previous.then(() => runTransaction(client, work));
  writeQueues.set(client, run.catch(() => undefined));
  return run;
}

async function runTransaction<T>(client: Client, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  const tx = await client.transaction('write');
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    // The transaction may be gone already (a libsql server ends one that outlives its timeout while another
    // writer waits): the error to report is the first one, not the failed rollback.
    if (!tx.closed) await tx.rollback().catch(() => undefined);
    throw error;
  } finally {
    tx.close();
  }
}
