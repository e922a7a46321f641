import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import type { FieldError } from '../../api/types';
import { I18nController } from '../../i18n/i18n';
import { shared } from '../../styles/shared';
import { setAt } from '../../ui/fields';
import { styles } from './jifen-json-view.styles';

/**
 * The whole document as JSON, for what the forms do not cover. Every keystroke that leaves valid JSON
 * replaces the document (the draft editor then asks the server to validate it); invalid JSON is reported
 * here and changes nothing.
 *
 * @fires jifen-edit - the whole document was replaced.
 */
@customElement('jifen-json-view')
export class JifenJsonView extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) doc?: RuleSet;
  @property({ attribute: false }) errors: readonly FieldError[] = [];
  @property({ type: Boolean }) validating = false;
  @property({ type: Boolean }) readonly = false;

  @state() private text = '';
  @state() private syntaxError = '';
  /** The document this view produced last, so that its own edits do not reformat what the user types. */
  private produced?: unknown;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc') && this.doc !== this.produced) {
      this.text = JSON.stringify(this.doc, null, 2);
      this.syntaxError = '';
    }
  }

  private i18n = new I18nController(this);

  private onInput = (event: Event) => {
    this.text = (event.target as HTMLTextAreaElement).value;
    try {
      const value = JSON.parse(this.text) as unknown;
      this.syntaxError = '';
      this.produced = value;
      setAt(this, [], value);
    } catch (error) {
      this.syntaxError = error instanceof Error ? error.message : String(error);
    }
  };

  override render() {
    const m = this.i18n.m;
    return html`<div class="stack">
      <div class="spread">
        <h2>${m.advancedJson}</h2>
        <span class="small" role="status">${this.syntaxError
          ? html`<span class="badge bad">${m.jsonSyntax}</span>`
          : this.validating
            ? html`<span class="badge">${m.validating}</span>`
            : this.errors.length
              ? html`<span class="badge bad">${m.errorsCount(this.errors.length)}</span>`
              : html`<span class="badge ok">${m.valid}</span>`}</span>
      </div>
      <p class="small muted">${m.jsonHelp}</p>
      <label class="sr-only" for="json">${m.advancedJson}</label>
      <textarea id="json" spellcheck="false" ?readonly=${this.readonly} .value=${this.text} @input=${this.onInput}
        aria-invalid=${this.syntaxError || this.errors.length ? 'true' : 'false'} aria-describedby="json-problems"></textarea>
      <div id="json-problems">
        ${this.syntaxError ? html`<p class="notice bad" role="alert">${m.jsonSyntax}: ${this.syntaxError}</p>` : nothing}
        ${!this.syntaxError && this.errors.length
          ? html`<ul class="problems" data-testid="json-errors">${this.errors.map((e) => html`<li><code>${e.path || '/'}</code> ${e.message}</li>`)}</ul>`
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-json-view': JifenJsonView;
  }
}
