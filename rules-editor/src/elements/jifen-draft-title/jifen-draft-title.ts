import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { draftNameProblems } from '../../../../server/src/domain/drafts/draft-name';
import { api, ApiError, currentDraftOf } from '../../api/client';
import type { Draft } from '../../api/types';
import { formatInstant, I18nController } from '../../i18n/i18n';
import { draftLabel, nameRefusal } from '../../model/draft-label';
import { localMessage } from '../../model/field-errors';
import { shared } from '../../styles/shared';
import { styles } from './jifen-draft-title.styles';

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-draft-renamed': CustomEvent<Draft>;
  }
}

const etagOf = (d: Draft) => `"${d.id}-${d.revision}"`;

/**
 * A draft's heading: its name (or when it was created, for one never named), status, who started it from
 * which version, and its id; an editor of its department renames it here while it can be edited. A rename
 * is sent with the page's ETag: when the draft changed meanwhile only in its document, the rename is sent
 * again on the new revision; when someone else renamed it, the person is told and decides.
 *
 * @fires jifen-draft-renamed - the server's draft after a rename (or as someone else left it); the page takes it in.
 */
@customElement('jifen-draft-title')
export class JifenDraftTitle extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) draft?: Draft;
  @property() etag = '';
  /** Whether the person edits for the draft's department. */
  @property({ type: Boolean }) editable = false;

  @state() private renaming = false;
  @state() private value = '';
  @state() private error = '';
  @state() private busy = false;
  @query('input[name="name"]') private input?: HTMLInputElement;
  private i18n = new I18nController(this);

  private async open(): Promise<void> {
    this.value = this.draft?.name ?? '';
    this.error = '';
    this.renaming = true;
    await this.updateComplete;
    this.input?.focus();
  }

  private close(): void {
    this.renaming = false;
    this.error = '';
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    if (!draft || this.busy) return;
    // The server's own rule, checked here first so that the person is told at once.
    const [problem] = draftNameProblems(this.value);
    if (problem) return void (this.error = this.i18n.m.draftNameError(localMessage(problem)));
    this.busy = true;
    this.error = '';
    try {
      await this.send(draft, this.etag, true);
    } finally {
      this.busy = false;
    }
  }

  private async send(seen: Draft, etag: string, retry: boolean): Promise<void> {
    try {
      const { draft } = await api.renameDraft(seen.ruleSetId, seen.id, this.value, etag);
      this.emit(draft);
      this.renaming = false;
    } catch (error) {
      if (!(error instanceof ApiError)) return void (this.error = String(error));
      const current = error.status === 412 ? currentDraftOf(error) : undefined;
      if (!current) return void (this.error = nameRefusal(error));
      this.emit(current);
      // Someone saved the document meanwhile: the name they saw is still the name, so the rename goes on.
      if (retry && current.name === seen.name) return this.send(current, etagOf(current), false);
      this.error = this.i18n.m.renameTakenBy(current.name ? draftLabel(current) : this.i18n.m.unnamed);
    }
  }

  private emit(draft: Draft): void {
    this.dispatchEvent(new CustomEvent('jifen-draft-renamed', { detail: draft, bubbles: true, composed: true }));
  }

  override render() {
    const m = this.i18n.m;
    const d = this.draft;
    if (!d) return nothing;
    const open = d.status === 'editing' || d.status === 'rejected';
    const tone = d.status === 'rejected' ? 'bad' : d.status === 'published' ? 'ok' : d.status === 'submitted' ? 'warn' : 'info';
    return html`<h1><span data-testid="draft-name" class=${d.name ? '' : 'unnamed'}>${draftLabel(d)}</span>
        <span class="badge ${tone}">${m.statuses[d.status]}</span></h1>
      <div class="small muted meta">
        <span>${m.draftMeta(d.baseVersion, d.author, formatInstant(d.updatedAt))}</span>
        <span class="mono">${m.draftIdIs(d.id)}</span>
        ${this.editable && open && !this.renaming
          ? html`<button type="button" class="small ghost rename-open" data-testid="rename-open" @click=${this.open}><span aria-hidden="true">✎</span> ${d.name ? m.rename : m.nameIt}</button>`
          : nothing}
        ${this.editable && d.status === 'submitted' ? html`<span>${m.renameAfterWithdraw}</span>` : nothing}
      </div>
      ${this.renaming ? this.renderForm() : nothing}`;
  }

  private renderForm() {
    const m = this.i18n.m;
    return html`<form class="rename" @submit=${this.save} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}>
      <div class="name-field">
        <label class="field"><span>${m.draftName}</span>
          <input name="name" data-testid="rename-input" autocomplete="off" placeholder=${m.draftNameExample} .value=${this.value}
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="rename-error"
            @input=${(e: InputEvent) => (this.value = (e.target as HTMLInputElement).value)} /></label>
        <div class="field-error" id="rename-error" role="alert" data-testid="rename-error">${this.error}</div>
      </div>
      <div class="row">
        <button type="submit" class="primary small" data-testid="rename-save" ?disabled=${this.busy}>${this.busy ? m.savingName : m.saveName}</button>
        <button type="button" class="small" @click=${this.close}>${m.cancel}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-draft-title': JifenDraftTitle;
  }
}
