import type { Migration } from './migration';

const DATE = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;
const FINAL = 'rounds: a final round and its ranked list can no longer change';
const IS_FINAL = (column: string) => `(SELECT status FROM rounds WHERE id = ${column}) = 'final'`;

/** Refuses any change to a table's rows that belong to a final round. */
const FROZEN_WHEN_FINAL = (table: string) => [
  `CREATE TRIGGER ${table}_final_no_insert BEFORE INSERT ON ${table} WHEN ${IS_FINAL('NEW.round_id')}
   BEGIN SELECT RAISE(ABORT, '${FINAL}'); END`,
  `CREATE TRIGGER ${table}_final_no_update BEFORE UPDATE ON ${table} WHEN ${IS_FINAL('OLD.round_id')}
   BEGIN SELECT RAISE(ABORT, '${FINAL}'); END`,
  `CREATE TRIGGER ${table}_final_no_delete BEFORE DELETE ON ${table} WHEN ${IS_FINAL('OLD.round_id')}
   BEGIN SELECT RAISE(ABORT, '${FINAL}'); END`,
];

/**
 * Scenario rounds (50): rounds, applications, the facts each ranking is computed from, ranking revisions
 * and the current ranked list, and objections. A final round, its list and its inputs are frozen by
 * triggers; ranking revisions are append-only; an answered objection never changes.
 */
export const ROUND_MIGRATIONS: readonly Migration[] = [
  {
    id: 50,
    name: 'scenario rounds, applications, rankings, objections',
    statements: [
      `CREATE TABLE rounds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rule_set_id TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        department TEXT NOT NULL,
        title TEXT NOT NULL CHECK (json_valid(title)),
        places INTEGER NOT NULL CHECK (places >= 1),
        child_related INTEGER NOT NULL CHECK (child_related IN (0, 1)),
        opens_on TEXT NOT NULL CHECK (${DATE('opens_on')}),
        closes_on TEXT NOT NULL CHECK (${DATE('closes_on')} AND closes_on >= opens_on),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'published', 'final')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        version INTEGER,
        version_hash TEXT,
        closed_at TEXT,
        published_on TEXT CHECK (published_on IS NULL OR ${DATE('published_on')}),
        publication_ends_on TEXT CHECK (publication_ends_on IS NULL OR ${DATE('publication_ends_on')}),
        finalized_at TEXT,
        revision INTEGER NOT NULL DEFAULT 0,
        CHECK (status = 'open' OR (version IS NOT NULL AND version_hash IS NOT NULL AND closed_at IS NOT NULL)),
        CHECK (status IN ('open', 'closed') OR (published_on IS NOT NULL AND publication_ends_on IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX rounds_by_status ON rounds (status, rule_set_id, scenario_id)`,
      `CREATE TRIGGER rounds_final_no_update BEFORE UPDATE ON rounds WHEN OLD.status = 'final'
       BEGIN SELECT RAISE(ABORT, '${FINAL}'); END`,
      // The version fixed at closing is never replaced.
      `CREATE TRIGGER rounds_version_fixed BEFORE UPDATE OF version, version_hash ON rounds
       WHEN OLD.version IS NOT NULL AND (NEW.version IS NOT OLD.version OR NEW.version_hash IS NOT OLD.version_hash)
       BEGIN SELECT RAISE(ABORT, 'rounds: the rule-set version is fixed when the round closes'); END`,
      `CREATE TRIGGER rounds_no_delete BEFORE DELETE ON rounds
       BEGIN SELECT RAISE(ABORT, 'rounds: rounds are never deleted'); END`,

      `CREATE TABLE round_applications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        resident_id TEXT NOT NULL REFERENCES residents (id),
        child_id TEXT REFERENCES children (id),
        spouse_id TEXT REFERENCES residents (id),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected')),
        submitted_at TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        reason TEXT,
        CHECK (status = 'submitted' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL AND reason IS NOT NULL))
      ) STRICT`,
      // One application per resident and round; for a child-related scenario one per child (and a parent
      // may apply for each of their children).
      `CREATE UNIQUE INDEX round_applications_one_per_resident ON round_applications (round_id, resident_id) WHERE child_id IS NULL`,
      `CREATE UNIQUE INDEX round_applications_one_per_child ON round_applications (round_id, child_id) WHERE child_id IS NOT NULL`,
      `CREATE INDEX round_applications_by_resident ON round_applications (resident_id, id)`,
      `CREATE INDEX round_applications_by_spouse ON round_applications (spouse_id) WHERE spouse_id IS NOT NULL`,
      `CREATE INDEX round_applications_by_round ON round_applications (round_id, status, id)`,
      ...FROZEN_WHEN_FINAL('round_applications'),

      `CREATE TABLE round_ranking_inputs (
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        application_id INTEGER NOT NULL REFERENCES round_applications (id),
        resident_id TEXT NOT NULL,
        facts TEXT NOT NULL CHECK (json_valid(facts)),
        spouse_id TEXT,
        spouse_facts TEXT CHECK (spouse_facts IS NULL OR json_valid(spouse_facts)),
        masked_name TEXT NOT NULL,
        masked_permit TEXT NOT NULL,
        PRIMARY KEY (round_id, application_id)
      ) STRICT, WITHOUT ROWID`,
      ...FROZEN_WHEN_FINAL('round_ranking_inputs'),

      `CREATE TABLE round_rankings (
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        ranked_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        cause TEXT NOT NULL CHECK (cause IN ('closed', 'objection')),
        objection_id INTEGER,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        PRIMARY KEY (round_id, revision)
      ) STRICT, WITHOUT ROWID`,
      `CREATE TRIGGER round_rankings_no_update BEFORE UPDATE ON round_rankings
       BEGIN SELECT RAISE(ABORT, 'round_rankings: ranking history is append-only'); END`,
      `CREATE TRIGGER round_rankings_no_delete BEFORE DELETE ON round_rankings
       BEGIN SELECT RAISE(ABORT, 'round_rankings: ranking history is append-only'); END`,
      ...FROZEN_WHEN_FINAL('round_rankings').slice(0, 1),

      `CREATE TABLE round_ranking_entries (
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        application_id INTEGER NOT NULL REFERENCES round_applications (id),
        ord INTEGER NOT NULL,
        resident_id TEXT NOT NULL,
        position INTEGER CHECK (position IS NULL OR position >= 1),
        score_hundredths INTEGER NOT NULL,
        eligible INTEGER NOT NULL CHECK (eligible IN (0, 1)),
        admitted INTEGER NOT NULL CHECK (admitted IN (0, 1)),
        tied INTEGER NOT NULL CHECK (tied IN (0, 1)),
        spouse_counted INTEGER NOT NULL CHECK (spouse_counted IN (0, 1)),
        previous_position INTEGER,
        masked_name TEXT NOT NULL,
        masked_permit TEXT NOT NULL,
        PRIMARY KEY (round_id, application_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE UNIQUE INDEX round_ranking_entries_in_order ON round_ranking_entries (round_id, ord)`,
      ...FROZEN_WHEN_FINAL('round_ranking_entries'),

      `CREATE TABLE round_objections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        resident_id TEXT NOT NULL REFERENCES residents (id),
        application_id INTEGER NOT NULL REFERENCES round_applications (id),
        reason TEXT NOT NULL,
        evidence_ref TEXT,
        filed_at TEXT NOT NULL,
        filed_on TEXT NOT NULL CHECK (${DATE('filed_on')}),
        filed_by TEXT NOT NULL,
        answer_by TEXT NOT NULL CHECK (${DATE('answer_by')}),
        status TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
        answered_by TEXT,
        answered_at TEXT,
        answer TEXT,
        correction TEXT CHECK (correction IS NULL OR json_valid(correction)),
        CHECK (status = 'open' OR (answered_by IS NOT NULL AND answered_at IS NOT NULL AND answer IS NOT NULL)),
        CHECK (status <> 'upheld' OR correction IS NOT NULL)
      ) STRICT`,
      `CREATE INDEX round_objections_by_round ON round_objections (round_id, id)`,
      `CREATE INDEX round_objections_open ON round_objections (status, answer_by)`,
      `CREATE TRIGGER round_objections_answered_once BEFORE UPDATE ON round_objections WHEN OLD.status <> 'open'
       BEGIN SELECT RAISE(ABORT, 'round_objections: an answered objection never changes'); END`,
      `CREATE TRIGGER round_objections_no_delete BEFORE DELETE ON round_objections
       BEGIN SELECT RAISE(ABORT, 'round_objections: objections are never deleted'); END`,
      ...FROZEN_WHEN_FINAL('round_objections').slice(0, 1),
    ],
  },
];
