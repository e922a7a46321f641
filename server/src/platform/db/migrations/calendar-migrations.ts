import type { Migration } from './migration';

const DATE = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/**
 * The State Council's yearly holiday notices as admins enter and confirm them, and the deadlines a
 * confirmed notice moved (46). The calendar overrides are in migration 42.
 */
export const CALENDAR_MIGRATIONS: readonly Migration[] = [
  {
    id: 46,
    name: 'holiday notices, moved deadlines',
    statements: [
      `CREATE TABLE calendar_notices (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 1901 AND 2099),
        title TEXT NOT NULL,
        holidays TEXT NOT NULL CHECK (json_valid(holidays)),
        workdays TEXT NOT NULL CHECK (json_valid(workdays)),
        source TEXT NOT NULL CHECK (source IN ('text', 'ics')),
        status TEXT NOT NULL CHECK (status IN ('entered', 'confirmed', 'superseded', 'withdrawn')),
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        confirmed_at TEXT,
        confirmed_by TEXT
      ) STRICT`,
      // At most one confirmed notice per year: the one in force.
      `CREATE UNIQUE INDEX calendar_notices_in_force ON calendar_notices (year) WHERE status = 'confirmed'`,
      `CREATE TABLE deadline_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        counted_from TEXT NOT NULL CHECK (${DATE('counted_from')}),
        working_days INTEGER NOT NULL,
        old_due_on TEXT NOT NULL CHECK (${DATE('old_due_on')}),
        new_due_on TEXT NOT NULL CHECK (${DATE('new_due_on')}),
        reason_zh TEXT NOT NULL,
        reason_en TEXT NOT NULL,
        notice_id TEXT NOT NULL REFERENCES calendar_notices (id),
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX deadline_changes_by_subject ON deadline_changes (subject_kind, subject_id, seq)`,
      `CREATE TRIGGER deadline_changes_no_update BEFORE UPDATE ON deadline_changes
       BEGIN SELECT RAISE(ABORT, 'deadline_changes: history is append-only'); END`,
      `CREATE TRIGGER deadline_changes_no_delete BEFORE DELETE ON deadline_changes
       BEGIN SELECT RAISE(ABORT, 'deadline_changes: history is append-only'); END`,
    ],
  },
];
