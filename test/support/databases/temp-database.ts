import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client } from '@libsql/client';
import { openDatabase } from '../../../server/src/platform/db/database';
import { startSqld } from './sqld';

/** Which database the tests run on: `file` (embedded, the default) or `sqld` (a real libsql server). */
export type TestDatabaseKind = 'file' | 'sqld';

/** `JIFEN_TEST_DB=sqld` runs every test database on its own libsql server (`npm run test:sqld`). */
export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): TestDatabaseKind {
  const kind = env.JIFEN_TEST_DB?.trim() || 'file';
  if (kind !== 'file' && kind !== 'sqld') throw new Error(`JIFEN_TEST_DB must be file or sqld, not "${kind}"`);
  return kind;
}

/**
 * A real, empty libsql database in a fresh temporary folder: an embedded file, or — with
 * `JIFEN_TEST_DB=sqld` — its own sqld process on 127.0.0.1. `url` is what `JIFEN_DATABASE_URL` would be;
 * `dataFile` is the SQLite file the data ends up in either way. `cleanup` closes every client opened
 * through it, stops the server and removes the folder.
 *
 * @example
 * const db = tempDatabase(); const client = db.open(); … ; db.cleanup();
 */
export function tempDatabase(kind: TestDatabaseKind = testDatabaseKind()) {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-db-'));
  const clients: Client[] = [];
  let url: string;
  let dataFile: string;
  let urls: string[];
  let stopServer = () => {};
  if (kind === 'sqld') {
    const sqld = startSqld(dir);
    ({ url, dataFile } = sqld);
    urls = [sqld.url, sqld.httpUrl];
    stopServer = sqld.stop;
  } else {
    dataFile = join(dir, 'nested', 'jifen.db');
    url = pathToFileURL(dataFile).href;
    urls = [url];
  }
  return {
    kind,
    dir,
    url,
    /** Every URL that reaches this same database: `url` first (on sqld, then its HTTP address). */
    urls,
    dataFile,
    open(): Client {
      const client = openDatabase({ url });
      clients.push(client);
      return client;
    },
    cleanup(): void {
      for (const c of clients) c.close();
      stopServer();
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
