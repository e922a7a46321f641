import type { StaffUser } from '../../domain/accounts/roles';
import { JifenError } from '../../domain/errors';
import { assertIndependentApprover } from '../../domain/accounts/separation';
import { assertDecidable, assertEditable, assertWithdrawable, type StoredDraft } from '../../domain/drafts/draft';
import { assertCasesPass } from '../../domain/drafts/cases-gate';
import { effectiveFromProblems } from '../../domain/drafts/effective-from';
import { accountProvenance } from '../staff';
import { localDate } from '../../domain/local-date';
import { contentHash } from '../../domain/rule-set/hash';
import type { VersionMeta } from '../../domain/rule-set/repository';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlRuleSetRepository } from '../rule-sets';
import type { LifecycleContext } from '../../platform/db/context';
import { assertMayEdit, checkForDraft, draftTarget, getDraft, ownerOf, withName, writeDraftRevision } from './drafts';

/**
 * Submits a draft for approval with its change note. Refused (422) while any of its test cases fails, for
 * such a draft cannot be approved. Records `draft-submitted`.
 *
 * @example
 * await submitDraft(ctx, editor, 'district-sample', id, 'Bachelor tier 10 → 12 (district notice 2026-3)');
 */
export async function submitDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  note: string,
): Promise<StoredDraft> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  assertMayEdit(user, (await ownerOf(ctx, ruleSetId)).owner, ruleSetId);
  assertEditable(draft, 'submitted');
  assertCasesPass(draft.cases, 'submitted');
  const at = ctx.now().toISOString();
  const { decidedBy: _b, decidedAt: _a, decisionReason: _r, ...rest } = draft;
  const next: StoredDraft = {
    ...rest,
    status: 'submitted',
    note,
    submittedAt: at,
    updatedAt: at,
    revision: draft.revision + 1,
    contributors: withName(draft.contributors, user.username),
  };
  return writeDraftRevision(ctx, draft, next, (tx) =>
    appendAudit(tx, {
      at,
      actor: user.username,
      action: 'draft-submitted',
      target: draftTarget(draft),
      after: draft.documentHash,
      details: { note, casesFailed: draft.cases.failed },
    }),
  );
}

/**
 * Approves a submitted draft and publishes it as an immutable version taking effect on `effectiveFrom`
 * (today or later, and not before the latest version's date). Refused: by anyone who wrote the draft (four
 * eyes, 403); when another version was published after the draft was started (409); when the document's
 * cases fail (422). The version, the draft's new state and both audit entries (`draft-approved`,
 * `version-published`) are written in one transaction.
 *
 * @example
 * const { version } = await approveDraft(ctx, approver, 'district-sample', id, { effectiveFrom: '2026-07-01' });
 */
export async function approveDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  request: { effectiveFrom: string; note?: string | undefined },
): Promise<{ draft: StoredDraft; version: VersionMeta }> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  await assertFourEyes(ctx, draft, user, 'approved');
  const versions = await ctx.ruleSets.listVersions(ruleSetId);
  assertStillCurrent(draft, versions);
  const problems = effectiveFromProblems(request.effectiveFrom, {
    today: localDate(ctx.now()),
    latestEffectiveFrom: versions.reduce((max, v) => (v.effectiveFrom > max ? v.effectiveFrom : max), ''),
  });
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Drafts: the effective date cannot be used', zh: '这个生效日期不能用' }, problems);

  const document = { ...draft.document, effectiveFrom: request.effectiveFrom };
  const checked = await checkForDraft(ctx, document, { id: ruleSetId, version: draft.document.version });
  assertCasesPass(checked.cases, 'approved');

  const at = ctx.now().toISOString();
  const hash = contentHash(checked.document);
  const next: StoredDraft = {
    ...draft,
    status: 'published',
    document: checked.document,
    documentHash: hash,
    cases: checked.cases,
    revision: draft.revision + 1,
    decidedBy: user.username,
    decidedAt: at,
    decisionReason: request.note ?? '',
    publishedVersion: checked.document.version,
    updatedAt: at,
  };
  let version: VersionMeta | undefined;
  const saved = await writeDraftRevision(ctx, draft, next, async (tx) => {
    const repo = createLibsqlRuleSetRepository(tx);
    const now = await repo.listVersions(ruleSetId);
    assertStillCurrent(draft, now);
    version = await repo.insertVersion({
      document: checked.document,
      publishedAt: at,
      publishedBy: draft.author,
      approvedBy: user.username,
      note: draft.note,
    });
    await appendAudit(tx, {
      at,
      actor: user.username,
      action: 'draft-approved',
      target: draftTarget(draft),
      before: draft.documentHash,
      after: hash,
      details: { version: version.version, effectiveFrom: request.effectiveFrom, ...(request.note ? { note: request.note } : {}) },
    });
    await appendAudit(tx, {
      at,
      actor: user.username,
      action: 'version-published',
      target: `rule-set:${ruleSetId}/version:${version.version}`,
      ...(now.at(-1) ? { before: now.at(-1)!.hash } : {}),
      after: hash,
      details: {
        effectiveFrom: request.effectiveFrom,
        draft: draft.id,
        // The version's history keeps the name staff knew the change by.
        ...(draft.name !== undefined ? { draftName: draft.name } : {}),
        author: draft.author,
        baseVersion: draft.baseVersion,
      },
    });
  });
  return { draft: saved, version: version! };
}

/**
 * Rejects a submitted draft with a reason; its author may edit and submit it again. Four eyes as for
 * approval. Records `draft-rejected`.
 *
 * @example
 * await rejectDraft(ctx, approver, 'district-sample', id, 'Cite the district notice for the new tier');
 */
export async function rejectDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  reason: string,
): Promise<StoredDraft> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  await assertFourEyes(ctx, draft, user, 'rejected');
  const at = ctx.now().toISOString();
  const next: StoredDraft = {
    ...draft,
    status: 'rejected',
    decidedBy: user.username,
    decidedAt: at,
    decisionReason: reason,
    revision: draft.revision + 1,
    updatedAt: at,
  };
  return writeDraftRevision(ctx, draft, next, (tx) =>
    appendAudit(tx, { at, actor: user.username, action: 'draft-rejected', target: draftTarget(draft), after: draft.documentHash, details: { reason } }),
  );
}

/**
 * Withdraws a submission: the draft goes back to editing, to be changed and submitted again. Only someone
 * who wrote it may (`assertWithdrawable`). Records `draft-withdrawn`.
 *
 * @example
 * await withdrawDraft(ctx, author, 'district-sample', id);
 */
export async function withdrawDraft(ctx: LifecycleContext, user: StaffUser, ruleSetId: string, draftId: string): Promise<StoredDraft> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  assertMayEdit(user, (await ownerOf(ctx, ruleSetId)).owner, ruleSetId);
  assertWithdrawable(draft, user);
  const at = ctx.now().toISOString();
  const { submittedAt: _s, ...rest } = draft;
  const next: StoredDraft = { ...rest, status: 'editing', revision: draft.revision + 1, updatedAt: at };
  return writeDraftRevision(ctx, draft, next, (tx) =>
    appendAudit(tx, { at, actor: user.username, action: 'draft-withdrawn', target: draftTarget(draft), after: draft.documentHash, details: { note: draft.note } }),
  );
}

function assertStillCurrent(draft: StoredDraft, versions: readonly VersionMeta[]): void {
  const latest = versions.at(-1)?.version ?? 0;
  if (latest === draft.parentVersion) return;
  throw new JifenError(
    'conflict',
    {
      en:
        `Drafts: version ${latest} of ${draft.ruleSetId} was published after draft ${draft.id} was started from version ${draft.parentVersion}; ` +
        'approving it would undo that change: start a new draft',
      zh: `这份草稿基于第 ${draft.parentVersion} 版，此后已发布了第 ${latest} 版；批准它会撤销那次修改，请重新起草`,
    },
    [{ path: 'baseVersion', message: `version ${latest} is newer`, messageZh: `已有更新的第 ${latest} 版` }],
  );
}

/**
 * A submitted draft, decided by someone who did not write it and whose account no writer of it set up
 * (403). A decision refused for four eyes is recorded (`draft-decision-refused`) before it is answered: an
 * attempt to decide one's own draft is what an auditor looks for in the trail. Should that entry fail to be
 * written, the failure is what is answered (500), not the refusal: nothing is decided either way, and a
 * refusal the trail does not hold is not answered as if it were.
 */
async function assertFourEyes(ctx: LifecycleContext, draft: StoredDraft, user: StaffUser, doing: 'approved' | 'rejected'): Promise<void> {
  try {
    assertDecidable(draft, user, doing);
    assertIndependentApprover({ username: user.username, ...(await accountProvenance(ctx, user.id)) }, draft);
  } catch (error) {
    if (error instanceof JifenError && error.code === 'forbidden') {
      const at = ctx.now().toISOString();
      await inTransaction(ctx.db, (tx) =>
        appendAudit(tx, {
          at,
          actor: user.username,
          action: 'draft-decision-refused',
          target: draftTarget(draft),
          after: draft.documentHash,
          details: { decision: doing === 'approved' ? 'approve' : 'reject', reason: error.message, reasonZh: error.messageZh ?? error.message },
        }),
      );
    }
    throw error;
  }
}
