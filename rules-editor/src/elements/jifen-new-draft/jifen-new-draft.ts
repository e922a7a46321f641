import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { draftNameProblems } from '../../../../server/src/domain/drafts/draft-name';
import { api, ApiError } from '../../api/client';
import { I18nController } from '../../i18n/i18n';
import { nameRefusal } from '../../model/draft-label';
import { localMessage } from '../../model/field-errors';
import { href, navigate } from '../../model/router';
import { shared } from '../../styles/shared';
import { styles } from './jifen-new-draft.styles';

/**
 * Starting a draft: a button that asks for the draft's name (optional) and then opens the new draft. With
 * `fromVersion` it starts from that earlier version — a rollback, said so and named after it.
 */
@customElement('jifen-new-draft')
export class JifenNewDraft extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  /** An earlier version to start from (a rollback); the latest when absent. */
  @property({ type: Number }) fromVersion?: number;
  /** Classes of the opening button (`primary`, `small`). */
  @property() look = 'primary';

  @state() private error = '';
  @state() private busy = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('input[name="name"]') private input?: HTMLInputElement;
  private i18n = new I18nController(this);

  private open(): void {
    const m = this.i18n.m;
    this.error = '';
    if (this.input) this.input.value = this.fromVersion === undefined ? '' : m.rollbackNote(this.fromVersion);
    this.dialog?.showModal();
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const name = this.input?.value ?? '';
    // Blank is allowed here (a draft may stay unnamed); anything else must pass the server's own rule.
    const [problem] = name.trim() === '' ? [] : draftNameProblems(name);
    if (problem) return void (this.error = m.draftNameError(localMessage(problem)));
    this.busy = true;
    this.error = '';
    try {
      const rollback = this.fromVersion === undefined ? {} : { fromVersion: this.fromVersion, note: m.rollbackNote(this.fromVersion) };
      const { draft } = await api.createDraft(this.ruleSetId, { ...rollback, ...(name.trim() ? { name } : {}) });
      this.dialog?.close();
      await navigate(href({ name: 'draft', id: this.ruleSetId, draft: draft.id }));
    } catch (error) {
      this.error = error instanceof ApiError ? nameRefusal(error) : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const m = this.i18n.m;
    const rollback = this.fromVersion !== undefined;
    return html`<button type="button" class=${this.look} data-testid=${rollback ? `roll-back-${this.fromVersion}` : `new-draft-${this.ruleSetId}`} @click=${this.open}>
        ${rollback ? m.rollBackTo : m.newDraft}</button>
      <dialog aria-labelledby="new-draft-title">
        <form class="stack" @submit=${this.create}>
          <h2 id="new-draft-title">${rollback ? m.rollBackTo : m.newDraft}</h2>
          ${rollback ? html`<p class="notice warn">${m.confirmRollback(this.fromVersion!)}</p>` : nothing}
          <label class="field"><span>${m.draftNameOptional}</span>
            <input name="name" data-testid="new-draft-name" autocomplete="off" placeholder=${m.draftNameExample}
              aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="new-draft-hint new-draft-error" /></label>
          <p class="small muted" id="new-draft-hint">${m.draftNameHint}</p>
          <div class="field-error" id="new-draft-error" role="alert" data-testid="new-draft-error">${this.error}</div>
          <div class="actions">
            <button type="button" @click=${() => this.dialog?.close()}>${m.cancel}</button>
            <button type="submit" class="primary" data-testid="new-draft-create" ?disabled=${this.busy}>${this.busy ? m.creatingDraft : m.createDraft}</button>
          </div>
        </form>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-new-draft': JifenNewDraft;
  }
}
