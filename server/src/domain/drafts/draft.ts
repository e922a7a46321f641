import type { StaffUser } from '../accounts/roles';
import { DRAFT_STATUS_ZH } from '../error-text-zh';
import { JifenError, type FieldError } from '../errors';
import type { CaseResult } from '../rule-set/run-cases';
import type { RuleSet } from '../rule-set/schema';

/**
 * A draft: the next version of a rule set while it is edited, submitted and decided on (four eyes).
 * editing → submitted → published, or submitted → rejected → (edited) → submitted …
 */

export const DRAFT_STATUSES = ['editing', 'submitted', 'rejected', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** The rule set's test cases as last run on the draft. */
export interface CaseSummary {
  passed: number;
  failed: number;
  results: CaseResult[];
}

export interface Draft {
  id: string;
  ruleSetId: string;
  /** What staff call it (草稿名称, `draftName`); absent for a draft never named. */
  name?: string;
  /** The published version the draft was started from (an earlier one for a rollback). */
  baseVersion: number;
  status: DraftStatus;
  /** Username of the editor who started it. */
  author: string;
  /** Everyone who started, edited or submitted it: none of them may decide on it. */
  contributors?: string[];
  document: RuleSet;
  /** Grows by one with every write; the ETag is `"<id>-<revision>"`. */
  revision: number;
  /** The change note (set on submission). */
  note: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  publishedVersion?: number;
  /** Stored drafts are always valid (an invalid save is refused); kept for the editor's sake. */
  validation: { ok: boolean; errors: FieldError[] };
  cases: CaseSummary;
}

/** What storage keeps besides the draft itself. */
export interface StoredDraft extends Draft {
  /** The latest published version when the draft was started: approving after another publish is refused. */
  parentVersion: number;
  /** Everyone who started, edited or submitted it: none of them may decide on it. */
  contributors: string[];
  documentHash: string;
}

/**
 * The ETag of a draft's current revision.
 *
 * @example
 * draftEtag({ id: 'k3x9', revision: 4 }); // '"k3x9-4"'
 */
export function draftEtag(draft: Pick<Draft, 'id' | 'revision'>): string {
  return `"${draft.id}-${draft.revision}"`;
}

/**
 * Whether an `If-Match` header names the draft's current revision. Only strong, exact ETags count:
 * `*` and weak tags (`W/"…"`) never match, so a client must say which revision it saw.
 *
 * @example
 * ifMatchHolds('"k3x9-4"', { id: 'k3x9', revision: 4 }); // true
 */
export function ifMatchHolds(header: string, draft: Pick<Draft, 'id' | 'revision'>): boolean {
  const current = draftEtag(draft);
  return header.split(',').some((tag) => tag.trim() === current);
}

/** Counts passes and failures. */
export function summarizeCases(results: CaseResult[]): CaseSummary {
  const passed = results.filter((r) => r.passed).length;
  return { passed, failed: results.length - passed, results };
}

/** Throws `conflict` unless the draft may still change (editing, or rejected and being reworked). */
export function assertEditable(draft: Draft, doing: 'edited' | 'submitted'): void {
  if (draft.status === 'editing' || draft.status === 'rejected') return;
  const status = DRAFT_STATUS_ZH[draft.status];
  throw new JifenError('conflict', { en: `Drafts: draft ${draft.id} is ${draft.status}; it cannot be ${doing}`, zh: `草稿当前${status}，不能${doing === 'edited' ? '修改' : '提交'}` }, [
    { path: 'status', message: `is ${draft.status}`, messageZh: `草稿当前${status}` },
  ]);
}

/**
 * Checks that `user` may approve or reject the draft: it must be submitted (else `conflict`) and the user
 * must not have written it (four eyes, else `forbidden`).
 *
 * @example
 * assertDecidable(draft, approver, 'approved');
 */
export function assertDecidable(draft: StoredDraft, user: Pick<StaffUser, 'username'>, doing: 'approved' | 'rejected'): void {
  if (draft.status !== 'submitted') {
    const status = DRAFT_STATUS_ZH[draft.status];
    const act = doing === 'approved' ? '批准' : '退回';
    throw new JifenError('conflict', { en: `Drafts: draft ${draft.id} is ${draft.status}; only a submitted draft can be ${doing}`, zh: `草稿当前${status}，只有待审批的草稿才能${act}` }, [
      { path: 'status', message: `is ${draft.status}, not submitted`, messageZh: `草稿当前${status}，不是待审批` },
    ]);
  }
  if (wroteDraft(draft, user.username)) {
    throw new JifenError('forbidden', {
      en: `Drafts: four eyes: ${user.username} wrote draft ${draft.id} and cannot decide on it`,
      zh: `双人审核：您参与编写了这份草稿，不能${doing === 'approved' ? '批准' : '退回'}它，请由另一位审批人决定`,
    });
  }
}

/**
 * Whether someone started, edited or submitted the draft: they may withdraw its submission and may not
 * approve or reject it (four eyes). The one rule for the API and for the buttons the editor shows.
 *
 * @example
 * wroteDraft({ author: 'zhang.editor', contributors: ['zhang.editor'] }, 'li.approver'); // false
 */
export function wroteDraft(draft: Pick<Draft, 'author'> & { contributors?: readonly string[] }, username: string): boolean {
  return draft.author === username || (draft.contributors ?? []).includes(username);
}

/**
 * Checks that `user` may withdraw the draft's submission: it must be submitted (else `conflict`) and the
 * user must have written it (else `forbidden`).
 *
 * @example
 * assertWithdrawable(draft, author);
 */
export function assertWithdrawable(draft: StoredDraft, user: Pick<StaffUser, 'username'>): void {
  if (draft.status !== 'submitted') {
    const status = DRAFT_STATUS_ZH[draft.status];
    throw new JifenError('conflict', { en: `Drafts: draft ${draft.id} is ${draft.status}; only a submitted draft can be withdrawn`, zh: `草稿当前${status}，只有待审批的草稿才能撤回` }, [
      { path: 'status', message: `is ${draft.status}, not submitted`, messageZh: `草稿当前${status}，不是待审批，无法撤回` },
    ]);
  }
  if (!wroteDraft(draft, user.username)) {
    throw new JifenError('forbidden', {
      en: `Drafts: only someone who wrote draft ${draft.id} can withdraw its submission`,
      zh: '只有参与编写这份草稿的人才能撤回提交',
    });
  }
}
