import type { AuditCheckpoint, CheckpointVerdict } from '../../../server/src/domain/audit/checkpoint';
import type { FieldError } from '../../../server/src/domain/errors';
import type { RuleSet, Text } from '../../../server/src/domain/rule-set/schema';
import type { Evaluation } from '../../../server/src/domain/scoring/types';
import type { CaseOutcomeChange } from '../../../server/src/domain/diff/case-outcomes';
import type { ChangeTarget, PolicyChange as DomainPolicyChange } from '../../../server/src/domain/diff/types';
import type { StaffUser as User } from '../../../server/src/domain/accounts/roles';
import type { RuleSetSummary, VersionMeta } from '../../../server/src/domain/rule-set/repository';
import type { CaseSummary, Draft } from '../../../server/src/domain/drafts/draft';

/** What the editor reads from the server: the domain's own types plus the lifecycle API's shapes. */

export type { AuditCheckpoint, ChangeTarget, CheckpointVerdict, FieldError, Evaluation, RuleSet, Text };

/** A change in policy terms as the diff route answers it: the target named in one string (`indicator:education/tier:bachelor`) with its titles. */
export interface PolicyChange extends Omit<DomainPolicyChange, 'target'> {
  target: string | ChangeTarget;
  targetTitle?: Text;
  part?: ChangeTarget['part'];
}

export type { Role } from '../../../server/src/domain/accounts/roles';
export type { StaffUser as User } from '../../../server/src/domain/accounts/roles';
export type { VersionMeta, RuleSetSummary, PublishedVersion } from '../../../server/src/domain/rule-set/repository';
export type { CaseDifference, CaseResult } from '../../../server/src/domain/rule-set/run-cases';
export type { Draft, DraftStatus, CaseSummary } from '../../../server/src/domain/drafts/draft';

export interface Session {
  user: User;
  csrfToken: string;
}

export interface RuleSetDetail extends RuleSetSummary {
  versions: VersionMeta[];
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
  | { ok: false; count: number; problems: ChainProblem[] };

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export type { DraftImpactView as DraftImpact, ImpactRequest } from '../../../server/src/features/impact/draft-impact';
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

import type { YearCoverage } from '../../../server/src/domain/calendar/coverage';
import type { StoredNotice as HolidayNotice } from '../../../server/src/features/calendar/calendar-notices';
import type { DeadlineMove } from '../../../server/src/features/calendar/deadline-moves';
import type { StoredOverride as CalendarOverride } from '../../../server/src/features/calendar/calendar-overrides';

export type { YearState } from '../../../server/src/domain/calendar/coverage';
export type { NoticeStatus } from '../../../server/src/features/calendar/calendar-notices';
export type { CalendarOverride, DeadlineMove, HolidayNotice };

/** One year of the working-day calendar, with its warning when its deadlines are provisional. */
export type CalendarYear = YearCoverage & { warning?: string };

/** The calendar as `GET /calendar/overrides` answers it. */
export interface WorkingCalendarView {
  overrides: CalendarOverride[];
  coverage: CalendarYear[];
  warnings: string[];
}

/** An entered notice shown back before it is confirmed. */
export interface EnteredNotice {
  notice: HolidayNotice;
  ignored: { line: number; text: string }[];
  missingStatutory: { date: string; name: Text }[];
  wouldMove: DeadlineMove[];
}

export interface ConfirmedNotice {
  notice: HolidayNotice;
  moved: DeadlineMove[];
}

/** One place where the audit trail was broken, in English and Chinese. */
export interface ChainProblem {
  seq: number;
  kind: string;
  message: string;
  messageZh?: string;
}
