import type {
  Objection,
  RankingEntry,
  RankingInput,
  RankingRevision,
  Round,
  RoundApplication,
  RoundApplicationStatus,
  RoundStatus,
} from './types';

/**
 * What Jifen stores about scenario rounds, as the domain sees it. Storage implements it on libsql; every
 * method runs on whatever it was built on (the client, or one transaction that also writes the audit
 * entry). A final round and its ranked list are immutable: storage refuses to change them.
 */
export interface RoundRepository {
  insertRound(round: Omit<Round, 'id'>): Promise<Round>;
  getRound(id: number): Promise<Round | undefined>;
  /** Newest first. */
  listRounds(filter?: { status?: RoundStatus; ruleSetId?: string; scenarioId?: string }): Promise<Round[]>;
  /** Writes the round's state; throws `conflict` when it is final. */
  updateRound(round: Round): Promise<void>;

  insertApplication(application: Omit<RoundApplication, 'id'>): Promise<RoundApplication>;
  getApplication(roundId: number, id: number): Promise<RoundApplication | undefined>;
  /** The application for a child in a round (one at most, whichever parent made it). */
  findChildApplication(roundId: number, childId: string): Promise<RoundApplication | undefined>;
  /** A round's applications in the order they were made. */
  listApplications(roundId: number, filter?: { status?: RoundApplicationStatus; residentId?: string }): Promise<RoundApplication[]>;
  /** Every application a resident made or is named in as the other parent, newest first. */
  listResidentApplications(residentId: string): Promise<RoundApplication[]>;
  countApplications(roundId: number, status: RoundApplicationStatus): Promise<number>;
  /** The name of the child each application of a round is for, by application id (child-related rounds). */
  childNames(roundId: number): Promise<Map<number, string>>;
  updateApplication(application: RoundApplication): Promise<void>;

  /** Stores a ranking revision and replaces the round's list with `entries`. */
  saveRanking(roundId: number, revision: RankingRevision, entries: readonly RankingEntry[]): Promise<void>;
  /** The current list, in order (eligible by position, then ineligible). */
  getRanking(roundId: number): Promise<RankingEntry[]>;
  /** Every ranking of the round, oldest first. */
  listRevisions(roundId: number): Promise<RankingRevision[]>;
  /** Stores the facts a ranking is computed from (at closing); `replaceRankingInput` corrects one. */
  saveRankingInputs(roundId: number, inputs: readonly RankingInput[]): Promise<void>;
  getRankingInputs(roundId: number): Promise<RankingInput[]>;
  replaceRankingInput(roundId: number, input: RankingInput): Promise<void>;

  insertObjection(objection: Omit<Objection, 'id'>): Promise<Objection>;
  getObjection(roundId: number, id: number): Promise<Objection | undefined>;
  listObjections(roundId: number): Promise<Objection[]>;
  /** Unanswered objections across rounds whose last day to answer is before `today`, oldest first. */
  listOverdueObjections(today: string): Promise<Objection[]>;
  countOpenObjections(roundId: number): Promise<number>;
  updateObjection(objection: Objection): Promise<void>;
}
