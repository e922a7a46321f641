import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { api, ApiError, currentDraftOf } from '../../api/client';
import type { CaseSummary, Draft, FieldError } from '../../api/types';
import { applyEdit, pathKey, type Edit, type Path } from '../../model/edit';
import { EditHistory } from '../../model/history';

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
  /** The draft as the server holds it after a refused save. */
  conflict?: Draft;
  savedAt?: string;
  /** The last step removed something: where, and the document before it (for the undo notice). */
  removed?: { path: Path; before: RuleSet };
  readonly history = new EditHistory<RuleSet>();

  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
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
    this.conflict = undefined;
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
    if (this.doc !== doc) return;
    this.errors = result.errors;
    if (result.cases) this.cases = result.cases;
    this.host.requestUpdate();
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
      if (this.doc !== doc) return;
      this.errors = result.errors;
      if (result.cases) this.cases = result.cases;
      if (!result.ok) return this.set('invalid');
      this.set('saving');
      const reply = await api.saveDraft(draft.ruleSetId, draft.id, doc, this.etag);
      this.draft = reply.draft;
      this.etag = reply.etag;
      this.saved = doc;
      this.savedAt = reply.draft.updatedAt;
      if (this.doc === doc) {
        this.errors = reply.draft.validation?.errors ?? [];
        this.cases = reply.draft.cases ?? this.cases;
      }
      this.set(this.dirty ? 'pending' : 'saved');
    } catch (error) {
      if (!(error instanceof ApiError)) return this.set('failed', String(error));
      if (error.status === 412) {
        this.conflict = currentDraftOf(error);
        if (!this.conflict) {
          // The server did not say what it holds: fetch it, so the user can still see what changed.
          this.conflict = (await api.getDraft(draft.ruleSetId, draft.id)).draft;
        }
        return this.set('conflict');
      }
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
    this.reset(current, `"${current.id}-${current.revision}"`);
  }

  /** Resolves a conflict by saving this page's document over the server's, knowingly. */
  async overwrite(): Promise<void> {
    const current = this.conflict;
    if (!current) return;
    this.etag = `"${current.id}-${current.revision}"`;
    this.saved = current.document;
    this.conflict = undefined;
    await this.flush();
  }

  /** Leaves the conflict open for later; saving stays paused until it is resolved. */
  postpone(): void {
    this.host.requestUpdate();
  }
}
