import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client } from '@libsql/client';
import { openDatabase } from '../../server/src/storage/database';

/**
 * A real libsql file database in a fresh temporary folder. `cleanup` closes every client opened through
 * it and removes the folder.
 *
 * @example
 * const db = tempDatabase(); const client = db.open(); … ; db.cleanup();
 */
export function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-db-'));
  const url = pathToFileURL(join(dir, 'nested', 'jifen.db')).href;
  const clients: Client[] = [];
  return {
    dir,
    url,
    open(): Client {
      const client = openDatabase({ url });
      clients.push(client);
      return client;
    },
    cleanup(): void {
      for (const c of clients) c.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
