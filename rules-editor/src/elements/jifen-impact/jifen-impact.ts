import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { DraftImpact, ImpactProgress, RoundSummary } from '../../api/types';
import { I18nController, pick, today } from '../../i18n/i18n';
import { shared } from '../../styles/shared';
import { downloadCsv, downloadXlsx, simpleSheet } from '../../model/export-file';
import { count, histogram, moversTable, rankingShift, scenarioTable, signed } from './impact-view';
import { styles } from './jifen-impact.styles';

/**
 * Draft impact (影响评估): on Run, scores every resident in the database under the draft and under the
 * published version it replaces, showing progress as the server streams it, then who gains or loses
 * eligibility per scenario, the distribution of total changes and the biggest movers, and optionally how
 * an open or closed round would be re-ranked. `compact` leaves the movers and the round out.
 */
@customElement('jifen-impact')
export class JifenImpact extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property() draftId = '';
  @property({ type: Boolean }) compact = false;
  /** Titles of the draft's ledger indicators, whose changes apply only to points earned later. */
  @property({ attribute: false }) ledgerTitles: readonly string[] = [];

  @state() private asOf = today();
  @state() private scenario = '';
  @state() private rounds: RoundSummary[] = [];
  @state() private progress?: ImpactProgress;
  @state() private running = false;
  @state() private impact?: DraftImpact;
  @state() private error = '';
  private i18n = new I18nController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleSetId') || changed.has('draftId')) {
      this.impact = undefined;
      this.error = '';
      if (!this.compact && this.ruleSetId) void this.loadRounds();
    }
  }

  /** Rounds that can be re-ranked: open or closed (not yet published), newest first. */
  private async loadRounds(): Promise<void> {
    try {
      this.rounds = (await api.rounds(this.ruleSetId)).filter((r) => r.status === 'open' || r.status === 'closed');
    } catch {
      // Without rounds the panel still measures the population; the choice is simply not offered.
      this.rounds = [];
    }
  }

  private async run(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.running = true;
    this.error = '';
    this.progress = undefined;
    try {
      const body = { asOf: this.asOf, ...(this.scenario ? { scenario: this.scenario } : {}) };
      this.impact = await api.impact(this.ruleSetId, this.draftId, body, (p) => (this.progress = p));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.running = false;
    }
  }

  override render() {
    const m = this.i18n.m;
    return html`<section class="stack" aria-labelledby="impact-title" aria-busy=${this.running ? 'true' : 'false'}>
      <div>
        <h2 id="impact-title" ?hidden=${this.compact}>${m.impactTitle}</h2>
        <p class="small muted">${m.impactHelp}</p>
        ${this.ledgerTitles.length > 0
          ? html`<p class="small muted" data-testid="impact-ledger-note">${m.impactLedgerNote(this.ledgerTitles.join(this.i18n.lang === "zh" ? "、" : ", "))}</p>`
          : nothing}
      </div>
      <form class="controls" @submit=${this.run}>
        <label class="field"><span>${m.impactAsOf}</span>
          <input type="date" required .value=${this.asOf} @change=${(e: Event) => (this.asOf = (e.target as HTMLInputElement).value)} data-testid="impact-as-of" /></label>
        ${this.compact || this.rounds.length === 0
          ? nothing
          : html`<label class="field"><span>${m.impactRound}</span>
              <select data-testid="impact-round" @change=${(e: Event) => (this.scenario = (e.target as HTMLSelectElement).value)}>
                <option value="">${m.impactNoRound}</option>
                ${this.rounds.map((r) => html`<option value=${r.scenarioId} ?selected=${r.scenarioId === this.scenario}>${m.impactRoundOption(pick(r.title), r.id, m.roundStatuses[r.status])}</option>`)}
              </select></label>`}
        <button type="submit" class="primary" data-testid="impact-run" ?disabled=${this.running || !this.draftId}>${this.running ? m.impactRunning : m.impactRun}</button>
      </form>
      ${this.running ? this.renderProgress() : nothing}
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${this.impact && !this.running ? this.renderResult(this.impact) : nothing}
    </section>`;
  }

  private renderProgress() {
    const m = this.i18n.m;
    const p = this.progress;
    return html`<div class="progress" role="status" data-testid="impact-progress">
      <progress max=${p?.total || 1} .value=${p?.done ?? 0} aria-label=${m.impactTitle}></progress>
      <span class="small muted">${p && p.done > 0 ? m.impactProgress(count(p.done), count(p.total)) : m.impactStarting}</span>
    </div>`;
  }

  /** The biggest movers both ways for the record, names masked as on the page. */
  private async exportMovers(impact: DraftImpact, format: 'xlsx' | 'csv'): Promise<void> {
    const m = this.i18n.m;
    const rows = [
      ...impact.movers.up.map((x) => [m.moversUp, x.id, x.name, x.before, x.after, x.change]),
      ...impact.movers.down.map((x) => [m.moversDown, x.id, x.name, x.before, x.after, x.change]),
    ];
    const name = m.moversFileName(this.ruleSetId, impact.asOf);
    if (format === 'csv') downloadCsv(name, [m.moversColumns, ...rows]);
    else await downloadXlsx(name, [simpleSheet(m.impactTitle, m.moversColumns, rows, [10, 20, 16, 12, 12, 10])]);
  }

  private renderResult(impact: DraftImpact) {
    const m = this.i18n.m;
    const t = impact.totals;
    return html`<div class="stack" data-testid="impact-result">
      <p class="summary">${m.impactSummary(impact.against, count(impact.residents), impact.asOf)}</p>
      <ul class="totals">
        <li><strong class="up" data-testid="impact-up">${count(t.up)}</strong> ${m.impactUp}</li>
        <li><strong class="down" data-testid="impact-down">${count(t.down)}</strong> ${m.impactDown}</li>
        <li><strong>${count(t.unchanged)}</strong> ${m.impactUnchanged}</li>
        <li><strong>${signed(Math.round(t.meanChange * 100) / 100)}</strong> ${m.impactMean}</li>
      </ul>
      <div class="overview">
        ${scenarioTable(impact)}
        <div>
          <h3>${m.impactHistogram}</h3>
          ${histogram(impact)}
        </div>
      </div>
      ${this.compact
        ? nothing
        : html`<div class="row export">
            <button type="button" class="small" data-testid="movers-xlsx" @click=${() => this.exportMovers(impact, 'xlsx')}>${m.exportXlsx}</button>
            <button type="button" class="small" data-testid="movers-csv" @click=${() => this.exportMovers(impact, 'csv')}>${m.exportCsv}</button>
          </div>
          <div class="movers-pair">
            ${moversTable(m.impactMoversUp, impact.movers.up, 'impact-movers-up')}
            ${moversTable(m.impactMoversDown, impact.movers.down, 'impact-movers-down')}
          </div>
          ${impact.ranking ? rankingShift(impact.ranking) : nothing}`}
      <p class="small muted">${m.impactTook(count(impact.ms), impact.population.fromCache)}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-impact': JifenImpact;
  }
}
