import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { AuditCheckpoint, CheckpointVerdict } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { shared } from '../../styles/shared';
import { styles } from './jifen-audit-checkpoint.styles';

/**
 * Signed checkpoints of the audit trail for auditors: download one (a JSON file to keep away from the
 * server), and later check the trail against a saved one. The server answers whether the trail still
 * holds it; a trail cut back or rewritten and chained again does not.
 */
@customElement('jifen-audit-checkpoint')
export class JifenAuditCheckpoint extends LitElement {
  static override styles = [shared, styles];

  @state() private downloaded?: AuditCheckpoint;
  @state() private verdict?: CheckpointVerdict;
  @state() private error = '';
  private i18n = new I18nController(this);

  private async download(): Promise<void> {
    this.error = '';
    try {
      const checkpoint = await api.auditCheckpoint();
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(checkpoint, null, 2)}\n`], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `jifen-audit-checkpoint-${checkpoint.seq}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.downloaded = checkpoint;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async verify(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.verdict = undefined;
    this.error = '';
    if (!file) return;
    let checkpoint: unknown;
    try {
      checkpoint = JSON.parse(await file.text());
    } catch {
      this.error = this.i18n.m.checkpointNotJson;
      return;
    }
    try {
      this.verdict = await api.verifyCheckpoint(checkpoint);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      input.value = '';
    }
  }

  override render() {
    const m = this.i18n.m;
    const v = this.verdict;
    return html`<section class="card stack" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">${m.checkpointTitle}</h2>
      <p class="muted">${m.checkpointHelp}</p>
      <div class="actions">
        <button type="button" data-testid="checkpoint-download" @click=${this.download}>${m.checkpointDownload}</button>
        <label class="field"><span>${m.checkpointVerify}</span>
          <input type="file" accept="application/json,.json" data-testid="checkpoint-file" @change=${this.verify} /></label>
      </div>
      ${this.downloaded ? html`<p class="notice ok" role="status">${m.checkpointDownloaded(this.downloaded.seq, formatInstant(this.downloaded.at))}</p>` : nothing}
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${v
        ? v.ok
          ? html`<p class="notice ok" role="status" data-testid="checkpoint-result">${m.checkpointHolds(v.seq, formatInstant(v.at))}</p>`
          : html`<div class="notice bad" role="alert" data-testid="checkpoint-result">
              <strong>${v.signatureValid ? m.checkpointFails(v.seq) : m.checkpointBadSignature}</strong>
              <ul>${v.problems.map((p) => html`<li>#${p.seq} · ${m.problemKinds[p.kind] ?? p.kind} — ${pick({ zh: p.messageZh ?? p.message, en: p.message })}</li>`)}</ul>
            </div>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-audit-checkpoint': JifenAuditCheckpoint;
  }
}
