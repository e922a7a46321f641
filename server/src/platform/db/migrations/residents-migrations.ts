import type { Migration } from './migration';

const APPEND_ONLY = (table: string) => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table}: history is append-only'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table}: history is append-only'); END`,
];

const DATE = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/**
 * Residents, their fact history, points ledgers and stored scores (40); feeds and service credentials (41);
 * self-applications, their evidence and the working-day calendar overrides (42).
 * The scenario rounds take the numbers from 50.
 */
export const RESIDENT_MIGRATIONS: readonly Migration[] = [
  {
    id: 40,
    name: 'residents, fact history, ledgers, scores',
    statements: [
      `CREATE TABLE residents (
        id TEXT PRIMARY KEY,
        permit_number TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        spouse_id TEXT REFERENCES residents (id),
        residence_registration_date TEXT CHECK (residence_registration_date IS NULL OR ${DATE('residence_registration_date')}),
        ledger_revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE children (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        birth_date TEXT NOT NULL CHECK (${DATE('birth_date')})
      ) STRICT`,
      `CREATE TABLE child_parents (
        child_id TEXT NOT NULL REFERENCES children (id),
        resident_id TEXT NOT NULL REFERENCES residents (id),
        PRIMARY KEY (child_id, resident_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE INDEX child_parents_by_resident ON child_parents (resident_id)`,
      `CREATE TABLE fact_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        fact TEXT NOT NULL,
        value TEXT CHECK (value IS NULL OR json_valid(value)),
        source_kind TEXT NOT NULL CHECK (source_kind IN ('feed', 'reviewer', 'office', 'resident', 'seed')),
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        evidence TEXT
      ) STRICT`,
      `CREATE INDEX fact_history_by_resident ON fact_history (resident_id, fact, seq)`,
      ...APPEND_ONLY('fact_history'),
      // The latest history entry of each fact: what scoring reads, kept in step with every append.
      `CREATE TABLE resident_facts (
        resident_id TEXT NOT NULL REFERENCES residents (id),
        fact TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES fact_history (seq),
        PRIMARY KEY (resident_id, fact)
      ) STRICT, WITHOUT ROWID`,
      `CREATE TABLE ledger_entries (
        id TEXT PRIMARY KEY,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        indicator TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('earn', 'spend')),
        points_hundredths INTEGER NOT NULL CHECK (points_hundredths > 0),
        earned_on TEXT NOT NULL CHECK (${DATE('earned_on')}),
        ref TEXT,
        benefit TEXT,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('feed', 'reviewer', 'office', 'resident', 'seed')),
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        evidence TEXT
      ) STRICT`,
      `CREATE INDEX ledger_entries_by_resident ON ledger_entries (resident_id, indicator, earned_on)`,
      ...APPEND_ONLY('ledger_entries'),
      `CREATE TABLE resident_scores (
        resident_id TEXT NOT NULL REFERENCES residents (id),
        rule_set_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        as_of TEXT NOT NULL,
        total REAL NOT NULL,
        vetoed INTEGER NOT NULL,
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        scored_at TEXT NOT NULL,
        PRIMARY KEY (resident_id, rule_set_id)
      ) STRICT, WITHOUT ROWID`,
    ],
  },
  {
    id: 41,
    name: 'service credentials and feed records',
    statements: [
      `CREATE TABLE service_credentials (
        id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('feed', 'resident-app')),
        source TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        secret_hash TEXT NOT NULL CHECK (length(secret_hash) = 64),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT
      ) STRICT`,
      `CREATE TABLE feed_calls (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        credential_id TEXT NOT NULL REFERENCES service_credentials (id),
        received_at TEXT NOT NULL,
        records INTEGER NOT NULL,
        applied INTEGER NOT NULL,
        replayed INTEGER NOT NULL,
        failed INTEGER NOT NULL
      ) STRICT`,
      // One row per applied record key: a replayed key finds its row and is a no-op.
      `CREATE TABLE feed_records (
        source TEXT NOT NULL,
        record_key TEXT NOT NULL,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        call_id TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        PRIMARY KEY (source, record_key)
      ) STRICT, WITHOUT ROWID`,
      `CREATE TABLE jifen_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT`,
    ],
  },
  {
    id: 42,
    name: 'self-applications, evidence, calendar overrides',
    statements: [
      `CREATE TABLE self_applications (
        id TEXT PRIMARY KEY,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        rule_set_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        department TEXT NOT NULL,
        facts TEXT NOT NULL CHECK (json_valid(facts)),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        submitted_at TEXT NOT NULL,
        submitted_on TEXT NOT NULL CHECK (${DATE('submitted_on')}),
        submitted_by TEXT NOT NULL,
        due_on TEXT NOT NULL CHECK (${DATE('due_on')}),
        decided_at TEXT,
        decided_by TEXT,
        reason TEXT
      ) STRICT`,
      `CREATE INDEX self_applications_queue ON self_applications (status, department, due_on)`,
      `CREATE INDEX self_applications_by_resident ON self_applications (resident_id, submitted_at)`,
      `CREATE TABLE evidence_files (
        id TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES self_applications (id),
        name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content BLOB NOT NULL
      ) STRICT`,
      `CREATE INDEX evidence_files_by_application ON evidence_files (application_id)`,
      `CREATE TABLE calendar_overrides (
        date TEXT PRIMARY KEY CHECK (${DATE('date')}),
        kind TEXT NOT NULL CHECK (kind IN ('workday', 'holiday')),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT`,
    ],
  },
];
