import type { Migration } from './migration';

/**
 * The eligibility widget's tables (70): partners and their API keys (hashes only), the grants behind
 * residents' widget tokens (the resident's consent, one scenario, until when), and the keys that sign
 * widget statements and tokens.
 */
export const WIDGET_MIGRATIONS: readonly Migration[] = [
  {
    id: 70,
    name: 'partners, partner keys, widget grants, signing keys',
    statements: [
      `CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        origins TEXT NOT NULL CHECK (json_valid(origins) AND json_type(origins) = 'array'),
        scenarios TEXT NOT NULL CHECK (json_valid(scenarios) AND json_type(scenarios) = 'array'),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE partner_keys (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL REFERENCES partners (id),
        secret_hash TEXT NOT NULL CHECK (length(secret_hash) = 64),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT
      ) STRICT`,
      `CREATE INDEX partner_keys_by_partner ON partner_keys (partner_id)`,
      `CREATE TABLE widget_grants (
        id TEXT PRIMARY KEY,
        resident_id TEXT NOT NULL,
        rule_set_id TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        consent_at TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX widget_grants_by_resident ON widget_grants (resident_id, issued_at)`,
      `CREATE TABLE signing_keys (
        kid TEXT PRIMARY KEY,
        alg TEXT NOT NULL,
        public_jwk TEXT NOT NULL CHECK (json_valid(public_jwk)),
        private_jwk TEXT NOT NULL CHECK (json_valid(private_jwk)),
        created_at TEXT NOT NULL
      ) STRICT`,
    ],
  },
  {
    id: 75,
    name: 'widget grants bound to a partner and its origin, revocable by the resident',
    statements: [
      `ALTER TABLE widget_grants ADD COLUMN partner_id TEXT`,
      `ALTER TABLE widget_grants ADD COLUMN origin TEXT`,
      `ALTER TABLE widget_grants ADD COLUMN revoked_at TEXT`,
    ],
  },
];
