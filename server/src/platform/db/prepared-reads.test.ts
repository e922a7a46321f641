import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, useWriteAheadLog } from './database';
import { openPreparedReads } from './prepared-reads';

// Always an embedded file: prepared reads exist only for one, whichever database the other tests run on.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

async function embedded() {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-reads-'));
  dirs.push(dir);
  const url = pathToFileURL(join(dir, 'jifen.db')).href;
  const client = openDatabase({ url });
  await useWriteAheadLog(client, url);
  await client.execute('CREATE TABLE versions (id TEXT, version INTEGER)');
  return { url, client };
}

describe('openPreparedReads', () => {
  it('sees each committed write at once, as the next request would', async () => {
    const { url, client } = await embedded();
    const reads = openPreparedReads(url)!;
    const latest = reads.prepare('SELECT max(version) FROM versions WHERE id = ?');
    expect(latest('tiny')).toEqual([null]);
    await client.execute({ sql: 'INSERT INTO versions VALUES (?, ?)', args: ['tiny', 1] });
    expect(latest('tiny')).toEqual([1]);
    // Written by another connection (another server process on the same file) just the same.
    const other = openDatabase({ url });
    await other.execute({ sql: 'INSERT INTO versions VALUES (?, ?)', args: ['tiny', 2] });
    expect(latest('tiny')).toEqual([2]);
    other.close();
    reads.close();
    client.close();
  });

  it('never sees a transaction before it commits', async () => {
    const { url, client } = await embedded();
    const reads = openPreparedReads(url)!;
    const count = reads.prepare('SELECT count(*) FROM versions');
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO versions VALUES (?, ?)', args: ['tiny', 1] });
    expect(count()).toEqual([0]);
    await tx.commit();
    expect(count()).toEqual([1]);
    reads.close();
    client.close();
  });

  it('answers undefined for a libsql server or an in-memory database, where the client reads', () => {
    for (const url of ['http://127.0.0.1:8080', 'libsql://jifen.example.org', 'ws://127.0.0.1:8080', 'file::memory:', ':memory:']) {
      expect(openPreparedReads(url), url).toBeUndefined();
    }
  });

  it('answers undefined, and makes no file, where it might not open the very file the client does', async () => {
    const { url, client } = await embedded();
    const folder = join(fileURLToPath(url), '..');
    for (const other of [`${url}?mode=ro`, `${url}#x`, pathToFileURL(join(folder, 'my db.db')).href, pathToFileURL(join(folder, 'not-made-yet.db')).href]) {
      expect(openPreparedReads(other), other).toBeUndefined();
    }
    expect(readdirSync(folder).filter((f) => !f.startsWith('jifen.db'))).toEqual([]);
    client.close();
  });
});
