import type { LedgerEntry } from '../ledger/ledger';
import type { FactValue } from '../scoring/types';
import type { Child, FactChange, FactRecord, NewResident, Provenance, Resident, ResidentRecord, StoredScore } from './types';

/**
 * What Jifen stores about residents, as the domain sees it. Storage implements it on libsql
 * (`createLibsqlResidentRepository`); nothing here knows about SQL.
 *
 * Give the libsql implementation an open write transaction (`inTransaction`) to make several writes one
 * unit — a feed record's facts, its re-score and its audit entry commit together or not at all.
 * Reads may use the client directly.
 */
export interface ResidentRepository {
  /** Creates a resident. `conflict` when the id or the permit number is already on record. */
  createResident(input: NewResident, at: string): Promise<Resident>;
  getResident(id: string): Promise<Resident | undefined>;
  /** Several residents at once, in no particular order; unknown ids are left out. */
  getResidents(ids: readonly string[]): Promise<Resident[]>;
  findByPermit(permitNumber: string): Promise<Resident | undefined>;
  /** Residents ordered by id, the page after `after` (keyset pagination); at most `limit` (≤ 10,000). */
  listResidents(options: { after?: string; limit: number }): Promise<Resident[]>;
  countResidents(): Promise<number>;
  /** Changes a resident's name or registration date (identity corrections at the office). */
  updateResident(id: string, change: { name?: string; residenceRegistrationDate?: string | null }, at: string): Promise<Resident>;

  /**
   * Links two residents as spouses (on both records) as family-history entries: an earlier marriage of either
   * is ended by a divorce entry first. `not_found`, `validation_failed` on self.
   */
  linkSpouses(a: string, b: string, at: string): Promise<void>;
  /** Records a child of one or two residents; answers it with its id. */
  addChild(child: { id?: string; name: string; birthDate: string; parentIds: readonly string[] }): Promise<Child>;
  /** Children linked to the resident. */
  childrenOf(residentId: string): Promise<Child[]>;

  /** The resident with current facts and children, or undefined. */
  getRecord(id: string): Promise<ResidentRecord | undefined>;
  /** Current facts (latest entry of each, cleared ones left out) of several residents, by resident id. */
  currentFacts(ids: readonly string[]): Promise<Map<string, Record<string, FactRecord>>>;
  /** Current fact values only (no provenance) of several residents, by resident id: what scoring reads, in bulk. */
  currentValues(ids: readonly string[]): Promise<Map<string, Record<string, FactValue>>>;
  /** The full history of the resident's facts (or one fact), oldest first. */
  factHistory(residentId: string, fact?: string): Promise<FactRecord[]>;
  /**
   * Appends the changes to the resident's fact history with one provenance; each becomes the fact's
   * current value. History entries are never updated or deleted.
   */
  appendFacts(residentId: string, changes: readonly FactChange[], provenance: Provenance): Promise<FactRecord[]>;

  /** Every ledger entry of the resident (earned and spent), optionally of one indicator, in date order. */
  ledgerEntries(residentId: string, indicator?: string): Promise<StoredLedgerEntry[]>;
  /** Ledger entries of several residents, by resident id. */
  ledgerEntriesOf(ids: readonly string[]): Promise<Map<string, StoredLedgerEntry[]>>;
  /**
   * Appends a ledger entry. Spends must be planned (`planSpend`) in the same write transaction, after
   * `lockLedger`, so that two exchanges at once cannot both spend the same points.
   */
  appendLedgerEntry(residentId: string, entry: NewLedgerEntry): Promise<StoredLedgerEntry>;
  /**
   * Claims the resident's ledger for this transaction: bumps its revision if it is still `revision`,
   * answering false when another writer got there first (the caller then re-reads and plans again).
   */
  lockLedger(residentId: string, revision: number): Promise<boolean>;
  /** The ledger's revision: increases with every change to it. */
  ledgerRevision(residentId: string): Promise<number>;

  /** Stores (replaces) a resident's score for its rule set. */
  saveScore(score: StoredScore): Promise<void>;
  /** Stores (replaces) many scores at once (bulk). */
  saveScores(scores: readonly StoredScore[]): Promise<void>;
  getScore(residentId: string, ruleSetId: string): Promise<StoredScore | undefined>;
  /** Stored scores of several residents for a rule set, by resident id. */
  getScores(ids: readonly string[], ruleSetId: string): Promise<Map<string, StoredScore>>;
}

/** A ledger entry as stored: the arithmetic's entry plus who recorded it and when. */
export interface StoredLedgerEntry extends LedgerEntry {
  residentId: string;
  /** For spends on a benefit: its id in the rule set. */
  benefit?: string;
  provenance: Provenance;
}

/** What `appendLedgerEntry` needs; the id is generated when absent. */
export interface NewLedgerEntry {
  id?: string;
  indicator: string;
  kind: 'earn' | 'spend';
  points: number;
  earnedOn: string;
  ref?: string;
  benefit?: string;
  provenance: Provenance;
}
