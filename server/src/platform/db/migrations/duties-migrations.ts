import type { Migration } from './migration';

/** Separation of duties: who created and last changed an account, who chose its password, and role grants awaiting a second admin. */
export const DUTIES_MIGRATIONS: readonly Migration[] = [
  {
    id: 83,
    name: 'account provenance and role requests',
    statements: [
      `ALTER TABLE users ADD COLUMN created_by TEXT`,
      `ALTER TABLE users ADD COLUMN changed_by TEXT`,
      // Set when someone other than the owner chose the current password; cleared when the owner changes it.
      `ALTER TABLE users ADD COLUMN password_set_by TEXT`,
      `CREATE TABLE role_requests (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        requested_by TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'refused')),
        decided_by TEXT,
        decided_at TEXT
      ) STRICT`,
      `CREATE INDEX role_requests_pending ON role_requests (status, requested_at)`,
    ],
  },
];
