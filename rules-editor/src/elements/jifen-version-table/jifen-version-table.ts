import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { api, ApiError } from '../../api/client';
import { I18nController, pick } from '../../i18n/i18n';
import { href } from '../../model/router';
import { shared } from '../../styles/shared';
import { styles } from './jifen-version-table.styles';

/** A published version in the scoring table, read-only, with its workbook to download. */
@customElement('jifen-version-table')
export class JifenVersionTable extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property({ type: Number }) version = 0;
  @state() private doc?: RuleSet;
  @state() private included: RuleSet[] = [];
  @state() private error = '';
  private i18n = new I18nController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleSetId') || changed.has('version')) void this.load();
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      // The table is loaded with the first version shown, not with the editor.
      const [published] = await Promise.all([api.getVersion(this.ruleSetId, this.version), import('../jifen-score-table/jifen-score-table')]);
      this.included = await Promise.all((published.document.includes ?? []).map(async (i) => (await api.getVersion(i.ruleSetId, i.version)).document));
      this.doc = published.document;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const m = this.i18n.m;
    if (this.error) return html`<p class="notice bad" role="alert">${this.error}</p>`;
    const doc = this.doc;
    if (!doc) return html`<p class="muted">${m.loading}</p>`;
    return html`<div class="spread head">
        <div>
          <a class="small" href=${href({ name: 'ruleSet', id: this.ruleSetId })}>← ${pick(doc.title)}</a>
          <h1>${m.versionTable(this.version)}</h1>
          <div class="small muted">${m.effectiveFrom} ${doc.effectiveFrom}</div>
        </div>
        <a class="button small" href=${api.workbookUrl(this.ruleSetId, { version: this.version })} download data-testid="workbook-download">${m.workbookDownload}</a>
      </div>
      <section class="card">
        <jifen-score-table readonly .doc=${doc} .included=${this.included}></jifen-score-table>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-version-table': JifenVersionTable;
  }
}
