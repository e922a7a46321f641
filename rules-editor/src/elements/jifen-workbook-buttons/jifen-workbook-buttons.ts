import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError, type DraftReply } from '../../api/client';
import type { FieldError } from '../../api/types';
import { I18nController } from '../../i18n/i18n';
import { shared } from '../../styles/shared';
import { styles } from './jifen-workbook-buttons.styles';

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-draft-replaced': CustomEvent<DraftReply>;
  }
}

/**
 * Download and upload of a draft's workbook (.xlsx). An upload is saved as any edit is (If-Match, the
 * same validation and cases); what the server refuses is listed by sheet, row and column.
 *
 * @fires jifen-draft-replaced - the upload was saved; the detail is the draft and its new ETag.
 */
@customElement('jifen-workbook-buttons')
export class JifenWorkbookButtons extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property() draftId = '';
  @property() etag = '';
  @property({ type: Boolean }) dirty = false;
  @property({ type: Boolean }) readonly = false;

  @state() private busy = false;
  @state() private message = '';
  @state() private tone: 'ok' | 'bad' = 'ok';
  @state() private problems: FieldError[] = [];

  private i18n = new I18nController(this);

  private async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const m = this.i18n.m;
    this.problems = [];
    if (this.dirty) return this.say('bad', m.workbookSaveFirst);
    this.busy = true;
    this.say('ok', m.workbookUploading);
    try {
      const reply = await api.uploadWorkbook(this.ruleSetId, this.draftId, file, this.etag);
      const changed = reply.etag !== this.etag;
      this.dispatchEvent(new CustomEvent('jifen-draft-replaced', { detail: reply, bubbles: true, composed: true }));
      this.say('ok', changed ? m.workbookImported : m.workbookUnchanged);
    } catch (error) {
      const e = error instanceof ApiError ? error : undefined;
      this.problems = e?.fields ?? [];
      this.say('bad', `${m.workbookFailed} ${e?.message ?? String(error)}`);
    } finally {
      this.busy = false;
    }
  }

  private say(tone: 'ok' | 'bad', message: string): void {
    this.tone = tone;
    this.message = message;
  }

  override render() {
    const m = this.i18n.m;
    return html`<div class="row">
        <a class="button small" href=${api.workbookUrl(this.ruleSetId, { draftId: this.draftId })} download data-testid="workbook-download">${m.workbookDownload}</a>
        ${this.readonly
          ? nothing
          : html`<label class="button small upload" ?aria-disabled=${this.busy}>${this.busy ? m.workbookUploading : m.workbookUpload}
              <input type="file" class="sr-only" data-testid="workbook-upload" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                ?disabled=${this.busy} @change=${this.upload} /></label>`}
      </div>
      ${this.message
        ? html`<div class="notice ${this.tone} small result" role=${this.tone === 'bad' ? 'alert' : 'status'} data-testid="workbook-result">
            <div class="spread"><span>${this.message}</span><button type="button" class="small ghost" aria-label=${m.workbookDismiss} @click=${() => this.say('ok', '')}>×</button></div>
            ${this.problems.length ? html`<ul>${this.problems.slice(0, 50).map((p) => html`<li>${p.message}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-workbook-buttons': JifenWorkbookButtons;
  }
}
