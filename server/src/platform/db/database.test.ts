import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import { databaseConfigFromEnv, embeddedFilePath, inTransaction, redactDatabaseUrl, useWriteAheadLog } from './database';

describe('database configuration', () => {
  it('defaults to an embedded file under data/ and passes a token only when given', () => {
    expect(databaseConfigFromEnv({})).toEqual({ url: 'file:data/jifen.db' });
    expect(databaseConfigFromEnv({ JIFEN_DATABASE_URL: 'http://127.0.0.1:8080', JIFEN_DATABASE_AUTH_TOKEN: 't0ken' })).toEqual({
      url: 'http://127.0.0.1:8080',
      authToken: 't0ken',
    });
  });

  it('knows which URLs are files, and keeps tokens out of logs', () => {
    expect(embeddedFilePath('file:data/jifen.db')).toBe('data/jifen.db');
    expect(embeddedFilePath('file:///srv/jifen/j.db')).toBe('/srv/jifen/j.db');
    expect(embeddedFilePath(':memory:')).toBeUndefined();
    expect(embeddedFilePath('libsql://jifen.example.org')).toBeUndefined();
    expect(redactDatabaseUrl('libsql://jifen.example.org?authToken=secret')).toBe('libsql://jifen.example.org');
  });
});

describe('inTransaction', () => {
  let db: ReturnType<typeof tempDatabase>;
  afterEach(() => db.cleanup());

  it('commits on success, rolls back on error, and queues overlapping transactions', async () => {
    db = tempDatabase();
    const client = db.open();
    await client.execute('CREATE TABLE t (n INTEGER)');
    const slowInsert = (n: number) =>
      inTransaction(client, async (tx) => {
        await tx.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [n] });
        await new Promise((r) => setTimeout(r, 20));
        await tx.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [n] });
      });
    const failing = inTransaction(client, async (tx) => {
      await tx.execute('INSERT INTO t (n) VALUES (99)');
      throw new Error('boom');
    });
    await Promise.all([slowInsert(1), slowInsert(2), expect(failing).rejects.toThrow('boom'), slowInsert(3)]);
    const rows = await client.execute('SELECT n FROM t ORDER BY rowid');
    expect(rows.rows.map((r) => Number(r.n))).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('useWriteAheadLog', () => {
  it('switches an embedded file to WAL, for good', async () => {
    const db = tempDatabase();
    try {
      await useWriteAheadLog(db.open(), db.url);
      const mode = await db.open().execute('PRAGMA journal_mode');
      expect(mode.rows[0]?.journal_mode).toBe('wal');
    } finally {
      db.cleanup();
    }
  });
});
