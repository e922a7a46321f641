import type { Client } from '@libsql/client';
import { inTransaction } from '../database';
import { CALENDAR_MIGRATIONS } from './calendar-migrations';
import { DRAFT_NAME_MIGRATIONS } from './draft-name-migrations';
import { DUTIES_MIGRATIONS } from './duties-migrations';
import { FAMILY_MIGRATIONS } from './family-migrations';
import { LIFECYCLE_MIGRATIONS } from './lifecycle-migrations';
import { RESIDENT_MIGRATIONS } from './residents-migrations';
import { ROUND_MIGRATIONS } from './rounds-migrations';
import { WIDGET_MIGRATIONS } from './widget-migrations';
import type { Migration } from './migration';

export type { Migration } from './migration';

const IMMUTABLE = 'rule_set_versions: published versions are immutable; publish a new version instead';

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'rule sets and published versions',
    statements: [
      `CREATE TABLE rule_sets (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE rule_set_versions (
        rule_set_id TEXT NOT NULL REFERENCES rule_sets (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        published_at TEXT NOT NULL,
        published_by TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        document TEXT NOT NULL CHECK (json_valid(document)),
        PRIMARY KEY (rule_set_id, version)
      ) STRICT`,
      `CREATE INDEX rule_set_versions_in_force ON rule_set_versions (rule_set_id, effective_from, version)`,
      `CREATE TRIGGER rule_set_versions_no_update BEFORE UPDATE ON rule_set_versions
       BEGIN SELECT RAISE(ABORT, '${IMMUTABLE}'); END`,
      `CREATE TRIGGER rule_set_versions_no_delete BEFORE DELETE ON rule_set_versions
       BEGIN SELECT RAISE(ABORT, '${IMMUTABLE}'); END`,
      // INSERT OR REPLACE deletes the old row without firing DELETE triggers; refuse it before it starts.
      `CREATE TRIGGER rule_set_versions_no_replace BEFORE INSERT ON rule_set_versions
       WHEN EXISTS (SELECT 1 FROM rule_set_versions WHERE rule_set_id = NEW.rule_set_id AND version = NEW.version)
       BEGIN SELECT RAISE(ABORT, '${IMMUTABLE}'); END`,
    ],
  },
  ...LIFECYCLE_MIGRATIONS,
  ...RESIDENT_MIGRATIONS,
  ...CALENDAR_MIGRATIONS,
  ...FAMILY_MIGRATIONS,
  ...ROUND_MIGRATIONS,
  ...WIDGET_MIGRATIONS,
  ...DUTIES_MIGRATIONS,
  ...DRAFT_NAME_MIGRATIONS,
];

/**
 * Applies the migrations not yet applied, all in one write transaction: a failure leaves the schema as it
 * was. Safe to run at every start and from several processes at once (the transaction serialises them).
 * Answers the ids applied now.
 *
 * @example
 * await migrate(client); // [1] on a fresh database, [] afterwards
 */
export async function migrate(client: Client, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return inTransaction(client, async (tx) => {
    await tx.execute(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const done = await tx.execute('SELECT id FROM schema_migrations');
    const applied = new Set(done.rows.map((row) => Number(row.id)));
    const fresh: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (applied.has(migration.id)) continue;
      for (const sql of migration.statements) await tx.execute(sql);
      await tx.execute({
        sql: `INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
        args: [migration.id, migration.name],
      });
      fresh.push(migration.id);
    }
    return fresh;
  });
}
