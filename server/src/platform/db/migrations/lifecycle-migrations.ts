import type { Migration } from './migration';

const AUDIT_APPEND_ONLY = 'audit_log: the audit trail is append-only';

/**
 * Staff accounts, sessions, sign-in throttling, drafts and the audit trail (migration 2), and who approved
 * each published version.
 */
export const LIFECYCLE_MIGRATIONS: readonly Migration[] = [
  {
    id: 2,
    name: 'accounts, sessions, drafts and the audit trail',
    statements: [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        departments TEXT NOT NULL CHECK (json_valid(departments)),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      // Only the SHA-256 of a session id is stored: a copy of the database cannot be used to sign in.
      `CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
        user_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX sessions_by_user ON sessions (user_id)`,
      // One row per sign-in attempt still counted against a username or an address; shared by every server.
      `CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX login_attempts_by_key ON login_attempts (key, at)`,
      `ALTER TABLE rule_set_versions ADD COLUMN approved_by TEXT`,
      `CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        rule_set_id TEXT NOT NULL REFERENCES rule_sets (id),
        base_version INTEGER NOT NULL,
        parent_version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('editing', 'submitted', 'rejected', 'published')),
        author TEXT NOT NULL,
        contributors TEXT NOT NULL CHECK (json_valid(contributors)),
        document TEXT NOT NULL CHECK (json_valid(document)),
        document_hash TEXT NOT NULL CHECK (length(document_hash) = 64),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        note TEXT NOT NULL DEFAULT '',
        validation TEXT NOT NULL CHECK (json_valid(validation)),
        cases TEXT NOT NULL CHECK (json_valid(cases)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        decided_by TEXT,
        decided_at TEXT,
        decision_reason TEXT,
        published_version INTEGER
      ) STRICT`,
      `CREATE INDEX drafts_by_rule_set ON drafts (rule_set_id, created_at)`,
      `CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT,
        after TEXT,
        details TEXT CHECK (details IS NULL OR json_valid(details)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT`,
      `CREATE INDEX audit_log_by_actor ON audit_log (actor, seq)`,
      `CREATE INDEX audit_log_by_action ON audit_log (action, seq)`,
      `CREATE INDEX audit_log_by_target ON audit_log (target, seq)`,
      `CREATE INDEX audit_log_by_time ON audit_log (at)`,
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, '${AUDIT_APPEND_ONLY}'); END`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, '${AUDIT_APPEND_ONLY}'); END`,
      // The latest entry, written with it: entries cut from the end or appended behind Jifen's back show.
      `CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT`,
    ],
  },
];
