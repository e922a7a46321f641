import type { Migration } from './migration';

const DATE = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/**
 * Families from data (47): residents' and children's citizen ID numbers, the append-only family history
 * (marriages, divorces, children) with provenance, and family records kept pending until the person they
 * name is on record. `residents.spouse_id` and `child_parents` stay the current state, kept in step with
 * every history entry.
 */
export const FAMILY_MIGRATIONS: readonly Migration[] = [
  {
    id: 47,
    name: 'family history, ID numbers, pending family records',
    statements: [
      `ALTER TABLE residents ADD COLUMN id_number TEXT`,
      `CREATE UNIQUE INDEX residents_by_id_number ON residents (id_number) WHERE id_number IS NOT NULL`,
      `ALTER TABLE children ADD COLUMN id_number TEXT`,
      `CREATE UNIQUE INDEX children_by_id_number ON children (id_number) WHERE id_number IS NOT NULL`,
      `CREATE TABLE family_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        event TEXT NOT NULL CHECK (event IN ('marriage', 'divorce', 'child')),
        spouse_id TEXT REFERENCES residents (id),
        child_id TEXT REFERENCES children (id),
        on_date TEXT NOT NULL CHECK (${DATE('on_date')}),
        source_kind TEXT NOT NULL CHECK (source_kind IN ('feed', 'reviewer', 'office', 'resident', 'seed')),
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        evidence TEXT,
        CHECK ((event = 'child') = (child_id IS NOT NULL) AND (event = 'child') = (spouse_id IS NULL))
      ) STRICT`,
      `CREATE INDEX family_history_by_resident ON family_history (resident_id, seq)`,
      `CREATE TRIGGER family_history_no_update BEFORE UPDATE ON family_history
       BEGIN SELECT RAISE(ABORT, 'family_history: history is append-only'); END`,
      `CREATE TRIGGER family_history_no_delete BEFORE DELETE ON family_history
       BEGIN SELECT RAISE(ABORT, 'family_history: history is append-only'); END`,
      `CREATE TABLE family_pending (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL,
        record_key TEXT NOT NULL,
        record TEXT NOT NULL CHECK (json_valid(record)),
        missing TEXT NOT NULL CHECK (missing IN ('resident', 'spouse')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'applied', 'refused')),
        received_at TEXT NOT NULL,
        resolved_at TEXT,
        outcome TEXT,
        UNIQUE (source, record_key)
      ) STRICT`,
      `CREATE INDEX family_pending_open ON family_pending (status, id)`,
    ],
  },
];
