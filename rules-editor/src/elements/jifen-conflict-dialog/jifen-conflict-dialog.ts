import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import type { Draft } from '../../api/types';
import { formatInstant, I18nController } from '../../i18n/i18n';
import { describePath, showValue } from '../../model/describe';
import { pathKey } from '../../model/edit';
import type { Choice, MergeConflict } from '../../model/merge';
import { shared } from '../../styles/shared';
import { styles } from './jifen-conflict-dialog.styles';

export type ConflictResolution = { choice: 'reload' | 'cancel' } | { choice: 'merge'; choices: ReadonlyMap<string, Choice> };

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-conflict-resolve': CustomEvent<ConflictResolution>;
  }
}

/**
 * Shown when this page and someone else changed the same fields of a draft (their other changes are
 * already merged): for each such field the value before, theirs and mine, and the choice of which to keep.
 * Reloading (dropping every unsaved change of this page) stays possible.
 *
 * @fires jifen-conflict-resolve - `{choice: 'merge', choices}`, `{choice: 'reload'}` or `{choice: 'cancel'}`.
 */
@customElement('jifen-conflict-dialog')
export class JifenConflictDialog extends LitElement {
  static override styles = [shared, styles];

  /** The document with this page's edits (names the fields). */
  @property({ attribute: false }) mine?: RuleSet;
  /** The draft as the server holds it now. */
  @property({ attribute: false }) current?: Draft;
  /** The fields both sides changed differently. */
  @property({ attribute: false }) conflicts: readonly MergeConflict[] = [];

  @state() private choices = new Map<string, Choice>();
  @query('dialog') private dialog?: HTMLDialogElement;
  private i18n = new I18nController(this);

  async show(): Promise<void> {
    this.choices = new Map();
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  private resolve(resolution: ConflictResolution): void {
    this.dialog?.close();
    this.dispatchEvent(new CustomEvent('jifen-conflict-resolve', { detail: resolution, bubbles: true, composed: true }));
  }

  private choose(key: string, choice: Choice): void {
    this.choices = new Map(this.choices).set(key, choice);
  }

  override render() {
    const m = this.i18n.m;
    const naming = { lang: this.i18n.lang, fields: m.fieldNames, item: m.itemN };
    const all = this.conflicts.every((c) => this.choices.has(pathKey(c.path)));
    return html`<dialog aria-labelledby="conflict-title" @cancel=${(e: Event) => { e.preventDefault(); this.resolve({ choice: 'cancel' }); }}>
      <h2 id="conflict-title">${m.conflictTitle}</h2>
      <p>${this.current ? m.conflictIntro(this.current.author, formatInstant(this.current.updatedAt), this.current.revision) : nothing}</p>
      <p>${m.conflictBothChanged(this.conflicts.length)}</p>
      <table data-testid="conflicts">
        <thead><tr><th>${m.where}</th><th>${m.baseValue}</th><th>${m.theirsValue}</th><th>${m.mineValue}</th></tr></thead>
        <tbody>${this.conflicts.map((c) => {
          const key = pathKey(c.path);
          const chosen = this.choices.get(key);
          const where = describePath(c.mine === undefined ? this.current?.document : this.mine, c.path, naming);
          return html`<tr data-path=${key}>
            <th scope="row">${where}</th>
            <td class="mono">${showValue(c.base)}</td>
            <td class="mono"><label class="check"><input type="radio" name=${`c-${key}`} .checked=${chosen === 'theirs'} @change=${() => this.choose(key, 'theirs')} />
              <span>${m.keepTheirs}: ${showValue(c.theirs)}</span></label></td>
            <td class="mono"><label class="check"><input type="radio" name=${`c-${key}`} .checked=${chosen === 'mine'} @change=${() => this.choose(key, 'mine')} />
              <span>${m.keepMine}: ${showValue(c.mine)}</span></label></td>
          </tr>`;
        })}</tbody>
      </table>
      <p class="small muted">${m.conflictHelp}</p>
      <div class="actions">
        <button type="button" @click=${() => this.resolve({ choice: 'cancel' })}>${m.decideLater}</button>
        <button type="button" @click=${() => this.resolve({ choice: 'reload' })}>${m.reloadTheirs}</button>
        <button type="button" class="primary" ?disabled=${!all} @click=${() => this.resolve({ choice: 'merge', choices: this.choices })}>${m.applyChoices}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-conflict-dialog': JifenConflictDialog;
  }
}
