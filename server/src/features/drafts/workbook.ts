import type { StaffUser } from '../../domain/accounts/roles';
import { assertEditable, ifMatchHolds } from '../../domain/drafts/draft';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import { locateErrors, ruleSetToSheets, sheetsToRuleSet, sheetsToXlsx, xlsxToSheets } from '../../domain/workbook';
import type { StoredDraft } from '../../domain/drafts/draft';
import type { LifecycleContext } from '../../platform/db/context';
import { includedDocuments } from '../rule-sets';
import { assertMayEdit, getDraft, ownerOf, saveDraft, StaleDraft } from './drafts';

/**
 * The draft's document as an .xlsx workbook.
 *
 * @example
 * const bytes = await draftWorkbook(ctx, 'district-sample', draft.id);
 */
export async function draftWorkbook(ctx: LifecycleContext, ruleSetId: string, draftId: string): Promise<{ draft: StoredDraft; bytes: Uint8Array }> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  const included = await includedDocuments(ctx.ruleSets, draft.document);
  return { draft, bytes: await sheetsToXlsx(ruleSetToSheets(draft.document, included)) };
}

/**
 * Imports an edited workbook into a draft: read onto the draft's document (what the sheets do not show is
 * kept), then saved exactly as a save of the whole document (the same If-Match, validation, cases and
 * audit entry). A workbook that changes nothing writes nothing. Validation errors name the sheet and row.
 *
 * @example
 * const saved = await importWorkbook(ctx, editor, 'district-sample', draft.id, '"k3x9-2"', bytes);
 */
export async function importWorkbook(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  ifMatch: string,
  bytes: Uint8Array,
): Promise<StoredDraft> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  assertMayEdit(user, (await ownerOf(ctx, ruleSetId)).owner, ruleSetId);
  assertEditable(draft, 'edited');
  if (!ifMatchHolds(ifMatch, draft)) throw new StaleDraft(draft);
  const included = await includedDocuments(ctx.ruleSets, draft.document);
  const { document, places } = sheetsToRuleSet(await xlsxToSheets(bytes), draft.document, included);
  if (contentHash(document) === contentHash(draft.document)) return draft;
  try {
    return await saveDraft(ctx, user, ruleSetId, draftId, ifMatch, document);
  } catch (error) {
    if (error instanceof JifenError && error.code === 'invalid_rule_set' && error.fields) {
      throw new JifenError(error.code, { en: `Workbook: ${error.message}`, zh: error.messageZh }, locateErrors(error.fields, places));
    }
    throw error;
  }
}
