import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../../test/support/databases/temp-database';
import { migrate, MIGRATIONS, type Migration } from './migrations';

describe('migrate', () => {
  let db: ReturnType<typeof tempDatabase>;
  afterEach(() => db.cleanup());

  it('creates the database folder and applies every migration once', async () => {
    db = tempDatabase();
    const client = db.open();
    expect(await migrate(client)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(existsSync(db.dataFile)).toBe(true);

    expect(await migrate(client)).toEqual([]);
    const again = db.open();
    expect(await migrate(again)).toEqual([]);
    const applied = await client.execute('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.rows.map((r) => Number(r.id))).toEqual(MIGRATIONS.map((m) => m.id));
    const tables = await client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['rule_sets', 'rule_set_versions']));
  });

  it('leaves the schema untouched when a migration fails half way', async () => {
    db = tempDatabase();
    const client = db.open();
    await migrate(client);
    const broken: Migration = { id: 999, name: 'broken', statements: ['CREATE TABLE half_done (x INTEGER)', 'NOT SQL AT ALL'] };
    await expect(migrate(client, [...MIGRATIONS, broken])).rejects.toThrow();
    const half = await client.execute("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'");
    expect(Number(half.rows[0]?.n)).toBe(0);
    const recorded = await client.execute('SELECT count(*) AS n FROM schema_migrations WHERE id = 999');
    expect(Number(recorded.rows[0]?.n)).toBe(0);
  });
});
