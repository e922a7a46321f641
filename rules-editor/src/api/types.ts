import type { FieldError } from '../../../server/src/domain/errors';
import type { RuleSet, Text } from '../../../server/src/domain/rule-set/schema';
import type { Evaluation } from '../../../server/src/domain/scoring/types';
import type { CaseOutcomeChange } from '../../../server/src/domain/diff/case-outcomes';
import type { ChangeTarget, PolicyChange as DomainPolicyChange } from '../../../server/src/domain/diff/types';

/** What the editor reads from the server: the domain's own types plus the lifecycle API's shapes. */

export type { ChangeTarget, FieldError, Evaluation, RuleSet, Text };

/** A change in policy terms as the diff route answers it: the target named in one string (`indicator:education/tier:bachelor`) with its titles. */
export interface PolicyChange extends Omit<DomainPolicyChange, 'target'> {
  target: string | ChangeTarget;
  targetTitle?: Text;
  part?: ChangeTarget['part'];
}

export type Role = 'admin' | 'editor' | 'approver' | 'reviewer' | 'auditor';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Departments the user edits for; `*` = all. */
  departments: string[];
  disabled: boolean;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface VersionMeta {
  ruleSetId: string;
  version: number;
  hash: string;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
  approvedBy?: string;
  note: string;
}

export interface RuleSetSummary {
  id: string;
  title: Text;
  owner: string;
  latest: VersionMeta;
}

export interface RuleSetDetail extends RuleSetSummary {
  versions: VersionMeta[];
}

export interface PublishedVersion extends VersionMeta {
  document: RuleSet;
}

export type DraftStatus = 'editing' | 'submitted' | 'rejected' | 'published';

export interface CaseDifference {
  path: string;
  expected: number | boolean;
  actual?: number | boolean;
}

export interface CaseResult {
  id: string;
  title: string;
  passed: boolean;
  differences: CaseDifference[];
  error?: string;
}

export interface CaseSummary {
  passed: number;
  failed: number;
  results: CaseResult[];
}

export interface Draft {
  id: string;
  ruleSetId: string;
  baseVersion: number;
  status: DraftStatus;
  author: string;
  document: RuleSet;
  revision: number;
  note: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  publishedVersion?: number;
  validation: { ok: boolean; errors: FieldError[] };
  cases: CaseSummary;
}

export interface Validation {
  ok: boolean;
  errors: FieldError[];
  cases?: CaseSummary;
}

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

export interface Diff {
  from: unknown;
  to: unknown;
  changes: PolicyChange[];
  patch: PatchOperation[];
  /** Test cases whose outcome changes, with a sentence saying how. */
  cases: (Partial<CaseOutcomeChange> & { id: string; title: string })[];
}

export interface ApproveResult {
  draft: Draft;
  version: VersionMeta;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before?: string | null;
  after?: string | null;
  details?: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: string | null;
}

export type AuditVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; problems: { seq: number; kind: string; message: string }[] };

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export type { DraftImpactView as DraftImpact, ImpactRequest } from '../../../server/src/lifecycle/draft-impact';
export type { ScenarioImpact } from '../../../server/src/domain/compiled/impact';

/** One step of an impact run as the stream reports it. */
export interface ImpactProgress {
  done: number;
  total: number;
}

/** A scenario round, as the rounds list answers it (only what the editor reads). */
export interface RoundSummary {
  id: number;
  ruleSetId: string;
  scenarioId: string;
  title: Text;
  status: 'open' | 'closed' | 'published' | 'final';
  places: number;
  opensOn: string;
  closesOn: string;
}
