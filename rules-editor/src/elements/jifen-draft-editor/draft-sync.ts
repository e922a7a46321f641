import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createPatch } from 'rfc6902';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { api, ApiError, currentDraftOf } from '../../api/client';
import type { CaseSummary, Draft, FieldError } from '../../api/types';
import { applyEdit, pathKey, type Edit, type Path } from '../../model/edit';
import { EditHistory } from '../../model/history';
import { mergeDocuments, type Choice, type MergeConflict } from '../../model/merge';
import { draftChannel } from './draft-channel';

export type SyncStatus = 'saved' | 'pending' | 'validating' | 'saving' | 'invalid' | 'failed' | 'conflict';

/** How long typing may pause before the draft is validated and, when valid, saved. */
const IDLE_MS = 500;

/**
 * Keeps a draft's document in step with the server. Every edit is validated as the user types
 * (`POST /rule-sets/validate`, debounced); a valid document is saved with `If-Match` so that a stale
 * write is refused (412) rather than lost, and the conflict is handed to the user to resolve.
 */
export class DraftSync implements ReactiveController {
  draft?: Draft;
  etag = '';
  /** What the page shows and edits. */
  doc?: RuleSet;
  /** What the server holds, as this page last saved or loaded it. */
  saved?: RuleSet;
  errors: FieldError[] = [];
  cases?: CaseSummary;
  status: SyncStatus = 'saved';
  message = '';
  /** The draft as the server holds it after a refused save, while both sides changed the same fields. */
  conflict?: Draft;
  /** The fields both sides changed differently: the only ones the user is asked about. */
  conflicts: MergeConflict[] = [];
  /** Someone else's save was merged into this page: by whom (the other tab, or a refused save), how many changes. */
  merged?: { revision: number; changes: number; from: 'tab' | 'save' };
  savedAt?: string;
  /** The last step removed something: where, and the document before it (for the undo notice). */
  removed?: { path: Path; before: RuleSet };
  readonly history = new EditHistory<RuleSet>();
  /**
   * What the server said about each document this page has had validated, loaded or saved: undo and redo
   * return to such a document, and its errors and case results come back with it instead of staying those
   * of the document just left.
   */
  private checked = new WeakMap<RuleSet, { errors: FieldError[]; cases?: CaseSummary | undefined }>();

  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  private channel = draftChannel((ruleSetId, draftId, revision) => {
    const d = this.draft;
    if (d && d.ruleSetId === ruleSetId && d.id === draftId && revision > d.revision) void this.catchUp();
  });

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.channel.close();
  }

  hostConnected(): void {
    this.channel.open();
  }

  /** Another tab saved this draft: take its draft in, merging this page's unsaved edits. */
  private async catchUp(): Promise<void> {
    const d = this.draft;
    if (!d) return;
    await this.running;
    const { draft } = await api.getDraft(d.ruleSetId, d.id);
    if (draft.revision <= (this.draft?.revision ?? 0)) return;
    this.take(draft, 'tab');
  }

  /**
   * Takes the server's newer draft in: their changes to fields this page did not touch are merged at
   * once; fields both changed wait for the user's choice (`resolve`).
   */
  private take(current: Draft, from: 'tab' | 'save'): void {
    const base = this.saved;
    const mine = this.doc;
    if (!base || !mine) return;
    // Only the draft's name or state changed (a rename): the revision moves on, this page's edits and undo stay.
    if (countChanges(base, current.document) === 0) {
      this.draft = current;
      this.etag = etagOf(current);
      return this.host.requestUpdate();
    }
    const { merged, conflicts } = mergeDocuments(base, mine, current.document);
    if (conflicts.length > 0) {
      this.conflict = current;
      this.conflicts = conflicts;
      return this.set('conflict');
    }
    this.adopt(current, merged, from);
  }

  private adopt(current: Draft, merged: RuleSet, from: 'tab' | 'save'): void {
    const theirs = this.saved;
    this.draft = current;
    this.etag = etagOf(current);
    this.saved = current.document;
    this.conflict = undefined;
    this.conflicts = [];
    this.merged = { revision: current.revision, changes: countChanges(theirs, current.document), from };
    // The steps before the merge no longer lead back to what the server holds.
    this.history.clear();
    this.removed = undefined;
    this.remember(current.document, current.validation?.errors ?? [], current.cases);
    this.show(merged);
  }

  /** The draft as the server holds it after a write outside this page's saves (a rename): taken in, and the other tabs told. */
  takeIn(current: Draft): void {
    if (!this.draft || current.revision <= this.draft.revision) return;
    this.take(current, 'tab');
    this.channel.post(current.ruleSetId, current.id, current.revision);
  }

    get dirty(): boolean {
    return this.doc !== this.saved;
  }

  /** Starts over from a draft as the server sent it. */
  reset(draft: Draft, etag: string): void {
    clearTimeout(this.timer);
    this.draft = draft;
    this.etag = etag;
    this.doc = this.saved = draft.document;
    this.errors = draft.validation?.errors ?? [];
    this.cases = draft.cases;
    this.remember(draft.document, this.errors, draft.cases);
    this.conflict = undefined;
    this.conflicts = [];
    this.merged = undefined;
    this.status = 'saved';
    this.message = '';
    this.removed = undefined;
    this.history.clear();
    this.host.requestUpdate();
  }

  edit(edit: Edit): void {
    const before = this.doc;
    if (!before) return;
    const after = applyEdit(before, edit);
    if (after === before) return;
    // Typing into one field is one step; anything else (a choice, an insert, a removal) is a step of its own.
    this.history.record(before, edit.op === 'set' && (typeof edit.value !== 'object' || edit.value === null) ? pathKey(edit.path) : undefined);
    this.removed = edit.op === 'remove' ? { path: edit.path, before } : undefined;
    this.show(after);
  }

  /** Goes back one step; the draft is then saved as it was. */
  undo(): boolean {
    const previous = this.doc && this.history.undo(this.doc);
    if (!previous) return false;
    this.removed = undefined;
    this.show(previous);
    return true;
  }

  redo(): boolean {
    const next = this.doc && this.history.redo(this.doc);
    if (!next) return false;
    this.removed = undefined;
    this.show(next);
    return true;
  }

  private show(doc: RuleSet): void {
    this.doc = doc;
    const known = this.checked.get(doc);
    if (known) {
      this.errors = known.errors;
      if (known.cases) this.cases = known.cases;
    }
    this.status = this.dirty ? 'pending' : 'saved';
    this.host.requestUpdate();
    if (this.dirty) this.schedule();
  }

  schedule(delay = IDLE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  /** Validates and saves now; answers true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    await this.run();
    return !this.dirty;
  }

  /** Runs the test cases on the current document without saving it. */
  async runCases(): Promise<void> {
    if (!this.doc) return;
    const doc = this.doc;
    const result = await api.validate(doc);
    this.remember(doc, result.errors, result.cases);
    if (this.doc !== doc) return;
    this.errors = result.errors;
    if (result.cases) this.cases = result.cases;
    this.host.requestUpdate();
  }

  private remember(doc: RuleSet, errors: FieldError[], cases: CaseSummary | undefined): void {
    this.checked.set(doc, { errors, cases });
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.validateAndSave().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    });
    return this.running;
  }

  private set(status: SyncStatus, message = ''): void {
    this.status = status;
    this.message = message;
    this.host.requestUpdate();
  }

  private async validateAndSave(): Promise<void> {
    const doc = this.doc;
    const draft = this.draft;
    if (!doc || !draft || !this.dirty || this.conflict) return;
    try {
      this.set('validating');
      const result = await api.validate(doc);
      this.remember(doc, result.errors, result.cases);
      if (this.doc !== doc) return;
      this.errors = result.errors;
      if (result.cases) this.cases = result.cases;
      if (!result.ok) return this.set('invalid');
      this.set('saving');
      const reply = await api.saveDraft(draft.ruleSetId, draft.id, doc, this.etag);
      this.draft = reply.draft;
      this.etag = reply.etag;
      this.saved = doc;
      this.channel.post(draft.ruleSetId, draft.id, reply.draft.revision);
      this.savedAt = reply.draft.updatedAt;
      this.remember(doc, reply.draft.validation?.errors ?? [], reply.draft.cases);
      if (this.doc === doc) {
        this.errors = reply.draft.validation?.errors ?? [];
        this.cases = reply.draft.cases ?? this.cases;
      }
      this.set(this.dirty ? 'pending' : 'saved');
    } catch (error) {
      if (!(error instanceof ApiError)) return this.set('failed', String(error));
      if (error.status === 412) {
        // Someone saved first: merge their save with this page's edits; ask only about fields both changed.
        const current = currentDraftOf(error) ?? (await api.getDraft(draft.ruleSetId, draft.id)).draft;
        this.take(current, 'save');
        if (this.status !== 'conflict') this.schedule(0);
        return;
      }
      if (error.status === 422) this.remember(doc, error.fields, undefined);
      if (error.status === 422 && this.doc === doc) {
        this.errors = error.fields;
        return this.set('invalid');
      }
      this.set('failed', error.message);
    }
  }

  /** Resolves a conflict by taking the server's draft and dropping this page's changes. */
  reload(): void {
    const current = this.conflict;
    if (!current) return;
    this.reset(current, etagOf(current));
  }

  /** Resolves a conflict with the user's choice for each field both sides changed, then saves. */
  async resolve(choices: ReadonlyMap<string, Choice>): Promise<void> {
    const current = this.conflict;
    if (!current || !this.saved || !this.doc) return;
    const { merged } = mergeDocuments(this.saved, this.doc, current.document, choices);
    this.adopt(current, merged, 'save');
    await this.flush();
  }

  /** Leaves the conflict open for later; saving stays paused until it is resolved. */
  postpone(): void {
    this.host.requestUpdate();
  }
}

const etagOf = (d: Draft) => `"${d.id}-${d.revision}"`;

/** How many fields the other side changed (for the notice after a merge). */
function countChanges(before: RuleSet | undefined, after: RuleSet): number {
  return before ? createPatch(before, after).length : 0;
}
