import type { Text } from '../rule-set/schema';
import type { Facts } from '../scoring/types';

/**
 * Scenario rounds (场景应用轮次): a department opens a round for one of its scenarios, residents apply in the
 * application window, reviewers accept or reject, closing ranks the accepted applicants with the rule-set
 * version in force on the closing date, the ranked list is published (公示) for at least 5 working days,
 * objections (异议) are answered within 10 working days, and the list is then fixed.
 */

/**
 * `open` → `closed` (ranked) → `published` (public notice; objections filed and answered) → `final` (fixed,
 * immutable). A round never goes back.
 */
export const ROUND_STATUSES = ['open', 'closed', 'published', 'final'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface Round {
  id: number;
  ruleSetId: string;
  scenarioId: string;
  /** The scenario's owning department, copied when the round opens. */
  department: string;
  /** The scenario's title when the round opened. */
  title: Text;
  places: number;
  /** The scenario ranks families (随迁子女): applications name a child and both parents are scored. */
  childRelated: boolean;
  /** First and last day of the application window (inclusive), `YYYY-MM-DD`. */
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  createdBy: string;
  createdAt: string;
  /** Fixed when the round closes: the version in force on `closesOn`, used for every ranking after. */
  version?: number;
  versionHash?: string;
  closedAt?: string;
  /** Start and last day of the public notice (公示期). */
  publishedOn?: string;
  publicationEndsOn?: string;
  finalizedAt?: string;
  /** 0 until the round is ranked; 1 at closing, +1 for every re-ranking after an upheld objection. */
  revision: number;
}

export const APPLICATION_STATUSES = ['submitted', 'accepted', 'rejected'] as const;
export type RoundApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A resident's application to a round; for a child-related scenario it names the child. */
export interface RoundApplication {
  id: number;
  roundId: number;
  residentId: string;
  /** The child the application is for (child-related scenarios only). */
  childId?: string;
  /** The other parent on record when the application was made; both parents are scored (就高原则). */
  spouseId?: string;
  status: RoundApplicationStatus;
  submittedAt: string;
  /** The resident themself, or the staff member who applied on their behalf. */
  submittedBy: string;
  decidedBy?: string;
  decidedAt?: string;
  /** Why it was accepted or rejected. */
  reason?: string;
}

/** One line of a round's ranked list. */
export interface RankingEntry {
  applicationId: number;
  residentId: string;
  /** 1-based, shared by applicants equal on every key; undefined for an ineligible applicant. */
  position?: number;
  /** The scenario score that counted (the higher spouse's for child-related scenarios). */
  score: number;
  eligible: boolean;
  admitted: boolean;
  tied: boolean;
  spouseCounted: boolean;
  /** The position in the revision before, when the list was re-ranked (undefined: unranked or new). */
  previousPosition?: number;
  /** Masked name and permit number, as the public notice shows them. */
  maskedName: string;
  maskedPermit: string;
}

/** The facts a ranking was computed from, kept so that a re-ranking changes only what was corrected. */
export interface RankingInput {
  applicationId: number;
  residentId: string;
  facts: Facts;
  /** The other parent, for child-related scenarios. */
  spouse?: { residentId: string; facts: Facts };
  maskedName: string;
  maskedPermit: string;
}

/** One ranking of a round: at closing (revision 1) or after an upheld objection. */
export interface RankingRevision {
  revision: number;
  rankedAt: string;
  version: number;
  /** Why: `closed`, or `objection` with the objection's id. */
  cause: 'closed' | 'objection';
  objectionId?: number;
  /** SHA-256 of the ranked list (positions, scores, admissions): what the audit trail records. */
  hash: string;
}

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** A resident's objection (异议) to a published ranking. */
export interface Objection {
  id: number;
  roundId: number;
  residentId: string;
  /** The objector's application in the round. */
  applicationId: number;
  reason: string;
  /** A reference to evidence (a document number, an uploaded file's id). */
  evidenceRef?: string;
  filedAt: string;
  filedOn: string;
  filedBy: string;
  /** The last working day to answer: 10 working days after filing. */
  answerBy: string;
  status: ObjectionStatus;
  answeredBy?: string;
  answeredAt?: string;
  answer?: string;
  /** What an upheld objection corrected. */
  correction?: FactCorrection;
}

/** A fact correction made when an objection is upheld; goes through the residents' fact history. */
export interface FactCorrection {
  residentId: string;
  facts: Record<string, Facts[string] | null>;
  evidence?: string;
}
