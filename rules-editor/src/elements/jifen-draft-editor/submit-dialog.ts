import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { failingCasesText } from '../../../../server/src/domain/drafts/cases-gate';
import { api, ApiError } from '../../api/client';
import { msg, pick } from '../../i18n/i18n';
import { localMessage } from '../../model/field-errors';
import { ledgerTitles } from '../../model/ledger-titles';
import type { DraftSync } from './draft-sync';

/**
 * Submitting a draft for approval: the change note (required, asked for at the field in the editor's own
 * words), the draft's impact, and its test cases. While a case fails the draft cannot be submitted — the
 * server refuses it, for it could never be approved — so the dialog says so, and what to do, instead of
 * offering the submit.
 */
export class SubmitFlow {
  noteError = '';
  error = '';
  problems: string[] = [];

  constructor(
    private readonly host: LitElement,
    private readonly sync: DraftSync,
    private readonly draft: { ruleSetId: () => string; draftId: () => string; openCases: () => void },
  ) {}

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('#submit-dialog');
  }

  private set(change: Partial<Pick<SubmitFlow, 'noteError' | 'error' | 'problems'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** Opens the dialog; unsaved edits are saved first, so the cases it shows are the draft's. */
  open(): void {
    this.set({ noteError: '', error: '', problems: [] });
    this.dialog?.showModal();
    void this.sync.flush();
  }

  private close = () => this.dialog?.close();

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const note = String(new FormData(form).get('note') ?? '').trim();
    const m = msg();
    this.set({ noteError: '', error: '', problems: [] });
    if (!note) {
      this.set({ noteError: m.noteRequired });
      form.querySelector('textarea')?.focus();
      return;
    }
    if (!(await this.sync.flush()) || this.sync.errors.length > 0) return this.set({ error: m.fixBeforeSubmit });
    if ((this.sync.cases?.failed ?? 0) > 0) return;
    try {
      const draft = await api.submit(this.draft.ruleSetId(), this.draft.draftId(), note);
      this.sync.reset(draft, `"${draft.id}-${draft.revision}"`);
      this.close();
    } catch (error) {
      if (!(error instanceof ApiError)) return this.set({ error: String(error) });
      const note = error.fields.find((f) => f.path === 'note');
      if (note) return this.set({ noteError: m.noteRequired });
      this.set({ error: error.message, problems: error.fields.map(localMessage) });
    }
  };

  /** The header's way in: not the primary action while cases fail, and saying why when pointed at. */
  openButton(): TemplateResult {
    const failing = this.sync.cases?.failed ?? 0;
    return html`<button type="button" class=${failing ? '' : 'primary'} data-testid="submit-open" title=${failing ? pick(failingCasesText(failing)) : nothing}
      @click=${() => this.open()}>${msg().submitForApproval}${failing ? html` <span class="badge bad">${msg().casesFailed(failing)}</span>` : nothing}</button>`;
  }

  render(): TemplateResult {
    const m = msg();
    const cases = this.sync.cases;
    const failing = cases?.failed ?? 0;
    return html`<dialog id="submit-dialog" aria-labelledby="submit-title">
      <form class="stack" novalidate @submit=${this.submit}>
        <h2 id="submit-title">${m.submitForApproval}</h2>
        <p class="small muted">${m.submitHelp}</p>
        ${cases ? html`<p><span class="badge ${failing ? 'bad' : 'ok'}" data-testid="submit-cases">${failing ? m.casesFailed(failing) : m.casesPassed(cases.passed)}</span></p>` : nothing}
        ${failing
          ? html`<div class="notice bad" role="alert" data-testid="submit-blocked"><p>${pick(failingCasesText(failing))}</p>
              <button type="button" class="small" data-testid="submit-open-cases" @click=${() => { this.close(); this.draft.openCases(); }}>${m.openCases}</button></div>`
          : nothing}
        <details class="impact"><summary>${m.impactTitle}</summary><jifen-impact compact .ruleSetId=${this.draft.ruleSetId()} .draftId=${this.draft.draftId()}
          .ledgerTitles=${ledgerTitles(this.sync.doc)}></jifen-impact></details>
        <label class="field"><span>${m.changeNote}<span class="required" aria-hidden="true"> *</span></span>
          <textarea name="note" rows="4" maxlength="2000" data-testid="change-note" aria-required="true" aria-invalid=${this.noteError ? 'true' : 'false'}
            aria-describedby=${this.noteError ? 'note-error' : nothing} @input=${() => this.noteError && this.set({ noteError: '' })}></textarea>
          ${this.noteError ? html`<div class="field-error" id="note-error" role="alert" data-testid="note-error">${this.noteError}</div>` : nothing}</label>
        ${this.error
          ? html`<div class="notice bad" role="alert" data-testid="submit-error">${this.problems.length ? html`<ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : this.error}</div>`
          : nothing}
        <div class="actions"><button type="button" @click=${this.close}>${m.cancel}</button>
          <button type="submit" class="primary" data-testid="submit-confirm" ?disabled=${failing > 0}>${m.submit}</button></div>
      </form>
    </dialog>`;
  }
}
