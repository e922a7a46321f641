import type { FactValue } from '../scoring/types';

/**
 * A resident (新市民) as Jifen records them: identity, family links and facts. Facts carry their provenance
 * and are never overwritten: every change appends to the fact history, and the current value of a fact is
 * its latest entry.
 */

/** How a fact value came to be recorded. */
export const PROVENANCE_KINDS = ['feed', 'reviewer', 'office', 'resident', 'seed'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

/** Where a value comes from: a data feed, a reviewer's decision, staff at the service office, the resident online, demo data. */
export interface Provenance {
  kind: ProvenanceKind;
  /** The feed's source name (`hrss`), the reviewer's or staff member's user id, or `demo`. */
  source: string;
  /** When it was recorded (ISO 8601 instant). */
  at: string;
  /** What backs it: a feed record key, a self-application id, a document number… */
  evidence?: string;
}

/** One entry of a resident's fact history; `value` null means the fact was cleared. */
export interface FactRecord {
  /** Increases with every entry written, across all residents: the history's order. */
  seq: number;
  fact: string;
  value: FactValue | null;
  provenance: Provenance;
}

/** A change to one fact, as a feed record or a reviewer sets it; null clears the fact. */
export interface FactChange {
  fact: string;
  value: FactValue | null;
}

export interface Resident {
  /** Internal id, e.g. `res-000001`; never the permit number. */
  id: string;
  /** Residence-permit number (居住证号), stored in full; shown masked except to roles that need it. */
  permitNumber: string;
  name: string;
  /** The spouse's resident id (the link is kept on both records). */
  spouseId?: string;
  /** Date of residence registration in the district (办理居住登记), `YYYY-MM-DD`; a ranking tie-breaker. */
  residenceRegistrationDate?: string;
  createdAt: string;
  updatedAt: string;
}

/** A child linked to one or both parents; children are not scored themselves. */
export interface Child {
  id: string;
  name: string;
  birthDate: string;
  /** Resident ids of the parents on record. */
  parentIds: string[];
}

/** What creating a resident needs. */
export interface NewResident {
  /** Given by demo data and imports; generated when absent. */
  id?: string;
  permitNumber: string;
  name: string;
  residenceRegistrationDate?: string;
}

/** A resident with their current facts (latest value of each fact, cleared facts left out). */
export interface ResidentRecord extends Resident {
  facts: Record<string, FactRecord>;
  children: Child[];
}

/**
 * A resident's stored score: the figures of the evaluation with the version in force when it was
 * computed. Refreshed after every change to the resident's facts or ledger (re-scoring is automatic).
 */
export interface StoredScore {
  residentId: string;
  ruleSetId: string;
  version: number;
  hash: string;
  asOf: string;
  total: number;
  vetoed: boolean;
  /** Group id → score. */
  groups: Record<string, number>;
  /** Indicator id → points. */
  indicators: Record<string, number>;
  /** Scenario id → eligibility, score and points short of the bar. */
  scenarios: Record<string, { eligible: boolean; score: number; shortBy: number }>;
  /** When it was computed (ISO instant). */
  scoredAt: string;
}
