import type { StaffUser } from '../../domain/accounts/roles';
import { ifMatchHolds, type StoredDraft } from '../../domain/drafts/draft';
import { assertRenamable, draftName } from '../../domain/drafts/draft-name';
import { appendAudit } from '../../platform/db/audit-log';
import type { LifecycleContext } from '../../platform/db/context';
import { assertMayEdit, draftTarget, getDraft, ownerOf, StaleDraft, withName, writeDraftRevision } from './drafts';

/**
 * Renames a draft, if `ifMatch` names its current revision: a new revision (so a tab that read the old one
 * is told, 412, rather than overwriting it) with the same document. Only while the draft can be edited
 * (`assertRenamable`): a submission is withdrawn first, a published name stays with its version. The
 * renamer counts as one who wrote the draft (four eyes). Records `draft-renamed` with the old and new name
 * in the same transaction; a name equal to the current one writes nothing.
 *
 * @example
 * const renamed = await renameDraft(ctx, editor, 'district-sample', draft.id, '"k3x9-2"', '2027年春季入学积分调整');
 */
export async function renameDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  ifMatch: string,
  rawName: string,
): Promise<StoredDraft> {
  const name = draftName(rawName);
  const draft = await getDraft(ctx, ruleSetId, draftId);
  assertMayEdit(user, (await ownerOf(ctx, ruleSetId)).owner, ruleSetId);
  assertRenamable(draft);
  if (!ifMatchHolds(ifMatch, draft)) throw new StaleDraft(draft);
  if (draft.name === name) return draft;
  const at = ctx.now().toISOString();
  const next: StoredDraft = {
    ...draft,
    name,
    revision: draft.revision + 1,
    contributors: withName(draft.contributors, user.username),
    updatedAt: at,
  };
  return writeDraftRevision(ctx, draft, next, (tx) =>
    appendAudit(tx, {
      at,
      actor: user.username,
      action: 'draft-renamed',
      target: draftTarget(draft),
      before: draft.documentHash,
      after: next.documentHash,
      // `from` is null for a draft that had no name yet.
      details: { revision: next.revision, from: draft.name ?? null, to: name },
    }),
  );
}
