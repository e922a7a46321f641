import { applyPatch, type Operation } from 'rfc6902';
import { mayEditFor, type StaffUser } from '../../domain/accounts/roles';
import { JifenError, type FieldError } from '../../domain/errors';
import { checkDocument } from '../../domain/drafts/check-document';
import { assertEditable, ifMatchHolds, type Draft, type StoredDraft } from '../../domain/drafts/draft';
import { draftName } from '../../domain/drafts/draft-name';
import { ruleSetPatch, withReplacedValues } from '../../domain/diff/json-patch';
import { contentHash } from '../../domain/rule-set/hash';
import { resolveRuleSet } from '../../domain/rule-set/resolve';
import { evaluate, type EngineName } from '../../domain/scoring/evaluate';
import { parseFacts } from '../../domain/scoring/facts';
import type { Evaluation } from '../../domain/scoring/types';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction, type SqlExecutor } from '../../platform/db/database';
import { createDraftStore } from './draft-store';
import { includedDocuments } from '../rule-sets';
import { createLibsqlResidentRepository, scoringInputs } from '../residents';
import { randomId, type LifecycleContext } from '../../platform/db/context';

/** A write based on a revision that is no longer the current one; `current` is the draft as stored now. */
export class StaleDraft extends JifenError {
  constructor(readonly current: StoredDraft) {
    super('precondition_failed', {
      en: `Drafts: draft ${current.id} has changed since you read it (now revision ${current.revision}); reload it`,
      zh: '这份草稿在您打开后已被修改，请重新打开后再保存',
    });
  }
}

/** The draft as the API shows it (storage's bookkeeping left out; who wrote it kept, for the four-eyes buttons). */
export function draftView(draft: StoredDraft): Draft {
  const { parentVersion: _p, documentHash: _h, ...view } = draft;
  return view;
}

/** A draft, or `not_found`. */
export async function getDraft(ctx: LifecycleContext, ruleSetId: string, draftId: string): Promise<StoredDraft> {
  const draft = await createDraftStore(ctx.db).get(ruleSetId, draftId);
  if (!draft) throw new JifenError('not_found', { en: `Drafts: ${ruleSetId} has no draft ${draftId}`, zh: '没有这份草稿' }, [{ path: 'draftId', message: 'no such draft' }]);
  return draft;
}

/** The drafts of a rule set, newest first; `not_found` for an unknown rule set. */
export async function listDrafts(ctx: LifecycleContext, ruleSetId: string): Promise<StoredDraft[]> {
  await ownerOf(ctx, ruleSetId);
  return createDraftStore(ctx.db).list(ruleSetId);
}

/**
 * Starts a draft from a published version (the latest by default; an earlier one to roll back), numbered
 * as the next version, with its cases run, and named if `name` is given (checked by `draftName`). Records
 * `draft-created`.
 *
 * @example
 * const draft = await createDraft(ctx, editor, 'district-sample', { name: '2027年春季入学积分调整' });
 */
export async function createDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  options: { fromVersion?: number | undefined; note?: string | undefined; name?: string | undefined },
): Promise<StoredDraft> {
  const name = options.name === undefined ? undefined : draftName(options.name);
  const { owner, latest } = await ownerOf(ctx, ruleSetId);
  assertMayEdit(user, owner, ruleSetId);
  const from = options.fromVersion ?? latest.version;
  const source = await ctx.ruleSets.getVersion(ruleSetId, from);
  if (!source) {
    throw new JifenError('not_found', { en: `Drafts: ${ruleSetId} has no version ${from}`, zh: `这个规则集没有第 ${from} 版` }, [{ path: 'fromVersion', message: 'no such version' }]);
  }
  const version = latest.version + 1;
  const checked = await checkForDraft(ctx, { ...source.document, version }, { id: ruleSetId, version });
  const at = ctx.now().toISOString();
  const draft: StoredDraft = {
    id: randomId(),
    ruleSetId,
    ...(name !== undefined ? { name } : {}),
    baseVersion: from,
    parentVersion: latest.version,
    status: 'editing',
    author: user.username,
    contributors: [user.username],
    document: checked.document,
    documentHash: contentHash(checked.document),
    revision: 1,
    note: options.note ?? '',
    validation: { ok: true, errors: [] },
    cases: checked.cases,
    createdAt: at,
    updatedAt: at,
  };
  await inTransaction(ctx.db, async (tx) => {
    await createDraftStore(tx).insert(draft);
    await appendAudit(tx, {
      at,
      actor: user.username,
      action: 'draft-created',
      target: draftTarget(draft),
      before: source.hash,
      after: draft.documentHash,
      details: { fromVersion: from, ...(name !== undefined ? { name } : {}), ...(options.note ? { note: options.note } : {}) },
    });
  });
  return draft;
}

/**
 * Replaces a draft's document, if `ifMatch` names its current revision: validated exactly as loading
 * (`invalid_rule_set` with every field, nothing written), cases run and stored with it. A rejected draft
 * goes back to editing. Records `draft-edited` with the document hashes before and after.
 *
 * @example
 * const saved = await saveDraft(ctx, editor, 'district-sample', draft.id, '"k3x9-2"', document);
 */
export async function saveDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  ifMatch: string,
  document: unknown,
): Promise<StoredDraft> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  const { owner } = await ownerOf(ctx, ruleSetId);
  assertMayEdit(user, owner, ruleSetId);
  assertEditable(draft, 'edited');
  if (!ifMatchHolds(ifMatch, draft)) throw new StaleDraft(draft);
  const checked = await checkForDraft(ctx, document, { id: ruleSetId, version: draft.document.version });
  if (checked.document.owner !== owner) assertMayEdit(user, checked.document.owner, ruleSetId);
  // What this save changes, field by field: the audit entry records it; a save that changes nothing writes nothing.
  const patch = ruleSetPatch(draft.document, checked.document);
  if (patch.length === 0) return draft;
  const at = ctx.now().toISOString();
  const next: StoredDraft = {
    ...draft,
    status: 'editing',
    document: checked.document,
    documentHash: contentHash(checked.document),
    revision: draft.revision + 1,
    contributors: withName(draft.contributors, user.username),
    validation: { ok: true, errors: [] },
    cases: checked.cases,
    updatedAt: at,
  };
  return writeDraftRevision(ctx, draft, next, (tx) =>
    appendAudit(tx, {
      at,
      actor: user.username,
      action: 'draft-edited',
      target: draftTarget(draft),
      before: draft.documentHash,
      after: next.documentHash,
      details: { revision: next.revision, casesFailed: next.cases.failed, ...auditedPatch(withReplacedValues(draft.document, patch)) },
    }),
  );
}

/**
 * Writes a draft's next revision over `draft`, and whatever goes with it (its audit entry), in one
 * transaction; when another write got there first, this one is refused with the draft as it now is.
 *
 * @example
 * return writeDraftRevision(ctx, draft, next, (tx) => appendAudit(tx, { action: 'draft-withdrawn', … }));
 */
export async function writeDraftRevision(
  ctx: LifecycleContext,
  draft: StoredDraft,
  next: StoredDraft,
  alongside: (tx: SqlExecutor) => Promise<unknown>,
): Promise<StoredDraft> {
  await inTransaction(ctx.db, async (tx) => {
    const drafts = createDraftStore(tx);
    if (!(await drafts.update(next, draft.revision))) throw new StaleDraft((await drafts.get(draft.ruleSetId, draft.id)) ?? draft);
    await alongside(tx);
  });
  return next;
}

/**
 * Applies an RFC 6902 JSON Patch to the draft's current document and saves the result as `saveDraft`
 * does. An operation that cannot be applied is named by its index (`2`), nothing written.
 *
 * @example
 * await patchDraft(ctx, editor, 'district-sample', id, etag, [{ op: 'replace', path: '/groups/0/cap', value: 210 }]);
 */
export async function patchDraft(
  ctx: LifecycleContext,
  user: StaffUser,
  ruleSetId: string,
  draftId: string,
  ifMatch: string,
  patch: Operation[],
): Promise<StoredDraft> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  assertMayEdit(user, (await ownerOf(ctx, ruleSetId)).owner, ruleSetId);
  assertEditable(draft, 'edited');
  if (!ifMatchHolds(ifMatch, draft)) throw new StaleDraft(draft);
  const document: unknown = structuredClone(draft.document);
  const results = applyPatch(document, patch);
  const problems: FieldError[] = results.flatMap((error, i) =>
    error ? [{ path: String(i), message: `${patch[i]!.op} ${patch[i]!.path}: ${error.name === 'TestError' ? 'test failed' : error.message}` }] : [],
  );
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Drafts: the patch does not apply to the current document', zh: '这次修改与草稿的当前内容对不上，请重新打开草稿' }, problems);
  return saveDraft(ctx, user, ruleSetId, draftId, ifMatch, document);
}

/**
 * Evaluates facts on a draft, as `/evaluate` does on a published version: the editor's live preview. With
 * `residentId`, scores that resident's record (facts, registration date, ledger balances as granted) as of
 * `asOf`, exactly as their score will read once the draft is in force — the same reading the draft's
 * impact uses.
 *
 * @example
 * const evaluation = await evaluateDraft(ctx, 'district-sample', id, { asOf: '2026-06-30', facts });
 * const resident = await evaluateDraft(ctx, 'district-sample', id, { asOf: '2026-06-30', residentId: 'res-000003' });
 */
export async function evaluateDraft(
  ctx: LifecycleContext,
  ruleSetId: string,
  draftId: string,
  request: { asOf: string; facts?: unknown; residentId?: string | undefined; engine?: EngineName | undefined },
): Promise<Evaluation> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  const rs = resolveRuleSet(draft.document, await includedDocuments(ctx.ruleSets, draft.document));
  const options = request.engine ? { engine: request.engine } : {};
  if (request.residentId === undefined) return evaluate(rs, parseFacts(rs, request.facts, 'facts', request.asOf), request.asOf, options);
  const [input] = await scoringInputs(createLibsqlResidentRepository(ctx.db), rs, [request.residentId], request.asOf);
  if (!input) throw new JifenError('not_found', { en: `Drafts: no resident "${request.residentId}"`, zh: '没有这位居民' }, [{ path: 'residentId', message: 'no such resident' }]);
  return evaluate(rs, input.facts, request.asOf, options);
}

/**
 * Validates a document as loading does and runs its cases, writing nothing: live validation for editors.
 *
 * @example
 * await validateDocument(ctx, json); // { ok: false, errors: [{ path: 'indicators.3.tiers', message: '…' }] }
 */
export async function validateDocument(ctx: LifecycleContext, json: unknown) {
  const check = await checkDocument(json, await includedDocuments(ctx.ruleSets, json));
  return check.ok ? { ok: true, errors: [], cases: check.cases } : { ok: false, errors: check.errors };
}

/** The document checked for a draft; throws `invalid_rule_set` with every problem. */
export async function checkForDraft(ctx: LifecycleContext, json: unknown, expect: { id: string; version: number }) {
  const check = await checkDocument(json, await includedDocuments(ctx.ruleSets, json), { expect });
  if (check.ok) return check;
  const [first, ...rest] = check.errors;
  const summary = first ? `${first.path || 'document'} ${first.message}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}` : 'invalid';
  throw new JifenError('invalid_rule_set', { en: `Drafts: the document is not a valid rule set: ${summary}`, zh: `规则内容有误（共 ${check.errors.length} 处），请按提示修改` }, check.errors);
}

/** The owner (department) and latest version of a published rule set, or `not_found`. */
export async function ownerOf(ctx: LifecycleContext, ruleSetId: string) {
  const summary = await ctx.ruleSets.getRuleSet(ruleSetId);
  if (!summary) throw new JifenError('not_found', { en: `RuleSets: no rule set "${ruleSetId}"`, zh: '没有这个规则集' }, [{ path: 'id', message: 'no such rule set' }]);
  return summary;
}

export function assertMayEdit(user: StaffUser, owner: string, ruleSetId: string): void {
  if (mayEditFor(user, owner)) return;
  throw new JifenError('forbidden', { en: `Drafts: ${user.username} does not edit for ${owner}, which owns ${ruleSetId}`, zh: `这个规则集属于${owner}，您的账号不能编辑它` });
}

export function draftTarget(draft: Pick<Draft, 'ruleSetId' | 'id'>): string {
  return `rule-set:${draft.ruleSetId}/draft:${draft.id}`;
}

export function withName(names: readonly string[], name: string): string[] {
  return names.includes(name) ? [...names] : [...names, name];
}

/** The most operations of a save's JSON Patch an audit entry keeps; a bigger save records how many it had. */
export const AUDITED_PATCH_OPS = 200;

/**
 * A save's JSON Patch as its `draft-edited` entry records it, so an auditor sees who changed which field
 * (and, for a plain value, what it `was`).
 */
export function auditedPatch<T extends Operation>(patch: T[]): { patch: T[]; patchOps?: number } {
  return patch.length > AUDITED_PATCH_OPS ? { patch: patch.slice(0, AUDITED_PATCH_OPS), patchOps: patch.length } : { patch };
}
