import type { RuleSet, Text } from './schema';

/**
 * What Jifen stores about rule sets, as the domain sees it. Storage implements it (libsql, in memory);
 * nothing here knows about SQL.
 *
 * A published version is immutable: it is written once by `insertVersion` and never changed or deleted.
 * A change to the rules is a new version. Drafts, approvals and the audit trail extend this contract with
 * their own methods; they publish through `insertVersion`.
 */

/** A published version without its document: what listings and lookups answer. */
export interface VersionMeta {
  ruleSetId: string;
  version: number;
  /** SHA-256 of the document's canonical JSON (`contentHash`). */
  hash: string;
  /** First day the version is in force (`YYYY-MM-DD`). */
  effectiveFrom: string;
  /** When it was published (ISO 8601 instant). */
  publishedAt: string;
  /** Who published it: an account name, or `seed` for the shipped rule sets. */
  publishedBy: string;
  /** Why it was published (the change note). */
  note: string;
  /** The approver who let it be published (four eyes); absent for shipped versions. */
  approvedBy?: string;
}

/** A published version with its document. */
export interface PublishedVersion extends VersionMeta {
  document: RuleSet;
}

/** A rule set as listed: its id, the title and owner of its latest version, and that version. */
export interface RuleSetSummary {
  id: string;
  title: Text;
  owner: string;
  latest: VersionMeta;
}

/** What `insertVersion` needs; version number, effective date and hash come from the document. */
export interface NewVersion {
  document: RuleSet;
  publishedAt: string;
  publishedBy: string;
  note: string;
  approvedBy?: string;
}

export interface RuleSetRepository {
  /** Every rule set that has at least one published version, by id. */
  listRuleSets(): Promise<RuleSetSummary[]>;
  /** One rule set's summary, or undefined when it has no published version. */
  getRuleSet(ruleSetId: string): Promise<RuleSetSummary | undefined>;
  /** Every published version of a rule set, oldest first (empty when unknown). */
  listVersions(ruleSetId: string): Promise<VersionMeta[]>;
  getVersionMeta(ruleSetId: string, version: number): Promise<VersionMeta | undefined>;
  getVersion(ruleSetId: string, version: number): Promise<PublishedVersion | undefined>;
  /**
   * The version in force on `asOf` (`YYYY-MM-DD`): the greatest `effectiveFrom` on or before it, and of
   * versions taking effect the same day the highest number. Undefined when none is in force yet.
   */
  findVersionInForce(ruleSetId: string, asOf: string): Promise<VersionMeta | undefined>;
  /**
   * Only the number of the version `findVersionInForce` would answer: the cheapest way to learn which
   * version is in force when its metadata (immutable once published) is already known.
   */
  findVersionNumberInForce(ruleSetId: string, asOf: string): Promise<number | undefined>;
  /**
   * Publishes a version. Throws `JifenError('conflict')` when that version number already exists; a
   * published version is never overwritten.
   */
  insertVersion(input: NewVersion): Promise<VersionMeta>;
}
