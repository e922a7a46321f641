import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { createPatch, type Operation } from 'rfc6902';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import type { Draft } from '../../api/types';
import { formatInstant, I18nController } from '../../i18n/i18n';
import { describePath, pointerToPath, showValue } from '../../model/describe';
import { getAt } from '../../model/edit';
import { shared } from '../../styles/shared';
import { styles } from './jifen-conflict-dialog.styles';

export type ConflictChoice = 'reload' | 'overwrite' | 'cancel';

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-conflict-resolve': CustomEvent<ConflictChoice>;
  }
}

/**
 * Shown when a save is refused because someone else saved the draft first (412): what they changed since
 * this page loaded it, what this page would change, and the choice to reload theirs or overwrite it
 * knowingly.
 *
 * @fires jifen-conflict-resolve - `reload`, `overwrite` or `cancel`.
 */
@customElement('jifen-conflict-dialog')
export class JifenConflictDialog extends LitElement {
  static override styles = [shared, styles];

  /** The document as this page last saved or loaded it. */
  @property({ attribute: false }) base?: RuleSet;
  /** The document with this page's unsaved changes. */
  @property({ attribute: false }) mine?: RuleSet;
  /** The draft as the server holds it now. */
  @property({ attribute: false }) current?: Draft;

  @query('dialog') private dialog?: HTMLDialogElement;
  private i18n = new I18nController(this);

  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  private resolve(choice: ConflictChoice): void {
    this.dialog?.close();
    this.dispatchEvent(new CustomEvent('jifen-conflict-resolve', { detail: choice, bubbles: true, composed: true }));
  }

  override render() {
    const m = this.i18n.m;
    const theirs = this.base && this.current ? createPatch(this.base, this.current.document) : [];
    const mine = this.base && this.mine ? createPatch(this.base, this.mine) : [];
    return html`<dialog aria-labelledby="conflict-title" @cancel=${(e: Event) => { e.preventDefault(); this.resolve('cancel'); }}>
      <h2 id="conflict-title">${m.conflictTitle}</h2>
      <p>${this.current ? m.conflictIntro(this.current.author, formatInstant(this.current.updatedAt), this.current.revision) : nothing}</p>
      <h3>${m.theirChanges}</h3>
      ${this.renderChanges(theirs, this.base, this.current?.document, 'theirs')}
      <h3>${m.yourChanges}</h3>
      ${this.renderChanges(mine, this.base, this.mine, 'mine')}
      <details>
        <summary>${m.rawPatch}</summary>
        <pre>${JSON.stringify(theirs, null, 2)}</pre>
      </details>
      <p class="small muted">${m.conflictHelp}</p>
      <div class="actions">
        <button type="button" @click=${() => this.resolve('cancel')}>${m.decideLater}</button>
        <button type="button" @click=${() => this.resolve('reload')}>${m.reloadTheirs}</button>
        <button type="button" class="danger" @click=${() => this.resolve('overwrite')}>${m.overwriteTheirs}</button>
      </div>
    </dialog>`;
  }

  private renderChanges(ops: Operation[], before: unknown, after: unknown, testId: string): TemplateResult {
    const m = this.i18n.m;
    if (ops.length === 0) return html`<p class="muted">${m.noChanges}</p>`;
    const naming = { lang: this.i18n.lang, fields: m.fieldNames, item: m.itemN };
    return html`<table data-testid=${`conflict-${testId}`}>
      <thead><tr><th>${m.where}</th><th>${m.before}</th><th>${m.after}</th></tr></thead>
      <tbody>${ops.slice(0, 50).map((op) => {
        const path = pointerToPath(op.path);
        const doc = op.op === 'remove' ? before : after;
        return html`<tr><td>${describePath(doc, path, naming)}</td>
          <td class="mono">${op.op === 'add' ? '—' : showValue(getAt(before, path))}</td>
          <td class="mono">${op.op === 'remove' ? '—' : showValue(getAt(after, path))}</td></tr>`;
      })}</tbody>
    </table>
    ${ops.length > 50 ? html`<p class="small muted">${m.moreChanges(ops.length - 50)}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-conflict-dialog': JifenConflictDialog;
  }
}
