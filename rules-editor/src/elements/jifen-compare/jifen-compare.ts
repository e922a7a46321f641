import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { Diff, Draft, RuleSetDetail } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { diffSheets } from '../../model/diff-export';
import { downloadXlsx } from '../../model/export-file';
import { draftLabel } from '../../model/draft-label';
import { href, navigate } from '../../model/router';
import { shared } from '../../styles/shared';
import '../jifen-diff-view/jifen-diff-view';
import { styles } from './jifen-compare.styles';

/** Compares any two versions of a rule set, or a draft with a version. */
@customElement('jifen-compare')
export class JifenCompare extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  /** A version number or `draft:<id>`. */
  @property() from = '';
  @property() to = '';

  @state() private detail?: RuleSetDetail;
  @state() private drafts: Draft[] = [];
  @state() private diff?: Diff;
  @state() private error = '';
  @state() private busy = false;
  private i18n = new I18nController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleSetId')) void this.loadChoices();
    if (changed.has('ruleSetId') || changed.has('from') || changed.has('to')) void this.loadDiff();
  }

  private async loadChoices(): Promise<void> {
    try {
      this.detail = await api.getRuleSet(this.ruleSetId);
      this.drafts = await api.listDrafts(this.ruleSetId).catch(() => []);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async loadDiff(): Promise<void> {
    this.diff = undefined;
    if (!this.from || !this.to) return;
    this.busy = true;
    this.error = '';
    try {
      this.diff = await api.diff(this.ruleSetId, this.from, this.to);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private choose(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void navigate(href({ name: 'compare', id: this.ruleSetId, from: String(data.get('from')), to: String(data.get('to')) }), { replace: true });
  }

  private label(v: string): string {
    if (!v.startsWith('draft:')) return this.i18n.m.versionN(Number(v));
    // On paper the id stays beside the name: the record must point at exactly one draft.
    const named = this.drafts.find((x) => x.id === v.slice(6))?.name;
    return named ? `${named} · ${this.i18n.m.draftTitle(v.slice(6))}` : this.i18n.m.draftTitle(v.slice(6));
  }

  private exportXlsx = async () => {
    if (!this.diff) return;
    const m = this.i18n.m;
    await downloadXlsx(m.diffFileName(this.ruleSetId, this.from.replace(':', '-'), this.to.replace(':', '-')), diffSheets(this.diff, m));
  };

  override render() {
    const m = this.i18n.m;
    const d = this.detail;
    const versions = [...(d?.versions ?? [])].sort((a, b) => b.version - a.version);
    const options = (selected: string) => html`
      <optgroup label=${m.publishedVersions}>${versions.map((v) => html`<option value=${String(v.version)} ?selected=${selected === String(v.version)}>${m.versionN(v.version)} · ${v.effectiveFrom}</option>`)}</optgroup>
      ${this.drafts.length ? html`<optgroup label=${m.drafts}>${this.drafts.map((x) => html`<option value=${`draft:${x.id}`} ?selected=${selected === `draft:${x.id}`}>${draftLabel(x)} · ${m.statuses[x.status]}</option>`)}</optgroup>` : nothing}`;
    return html`<div class="stack">
      <div>
        <a class="small" href=${href({ name: 'ruleSet', id: this.ruleSetId })}>← ${d ? pick(d.title) : this.ruleSetId}</a>
        <div class="spread"><h1>${m.compareVersions}${this.diff ? html` <span class="print-only">· ${this.label(this.from)} → ${this.label(this.to)}</span>` : nothing}</h1>
          ${this.diff
            ? html`<div class="row no-print">
                <button type="button" class="small" @click=${() => window.print()}>${m.print}</button>
                <button type="button" class="small" data-testid="diff-xlsx" @click=${this.exportXlsx}>${m.exportXlsx}</button>
              </div>`
            : nothing}</div>
        <div class="print-only small muted">${d ? pick(d.title) : ''} · ${m.printedAt(formatInstant(new Date().toISOString()))}</div>
      </div>
      <form class="card row pick no-print" @submit=${this.choose}>
        <label class="field"><span>${m.compareFrom}</span><select name="from">${options(this.from)}</select></label>
        <span class="arrow" aria-hidden="true">→</span>
        <label class="field"><span>${m.compareTo}</span><select name="to">${options(this.to)}</select></label>
        <button type="submit" class="primary">${m.compare}</button>
      </form>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${this.busy ? html`<p class="muted">${m.loading}</p>` : nothing}
      ${this.diff ? html`<section class="card"><jifen-diff-view .diff=${this.diff}></jifen-diff-view></section>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-compare': JifenCompare;
  }
}
