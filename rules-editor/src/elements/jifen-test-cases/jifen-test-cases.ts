import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { scopeCovers, type Assertion } from '../../../../server/src/domain/rule-set/case-check';
import type { RuleSet, TestCase } from '../../../../server/src/domain/rule-set/schema';
import type { CaseResult, CaseSummary } from '../../api/types';
import { I18nController } from '../../i18n/i18n';
import { countUnder, NO_ERRORS, type ErrorIndex } from '../../model/field-errors';
import { describeScope, scopeNames, type ScopeNames } from '../../model/case-scope';
import type { Catalogue } from '../../model/facts';
import { describeDifference, type ResultDifference } from '../../model/result-words';
import { eligibilityFlips, staleNumbers } from '../../model/stale-title';
import { shared } from '../../styles/shared';
import type { Edit } from '../../model/edit';
import { emitEdit, fieldErrors } from '../../ui/fields';
import { styles } from './jifen-test-cases.styles';

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-run-cases': CustomEvent<void>;
  }
}

/**
 * The draft's test cases with the result of their last run: which pass, and for each failing one what was
 * expected and what came out.
 *
 * @fires jifen-run-cases - the user asks to run every case now.
 * @fires jifen-edit - a case was removed, or its expectations were set to what the draft now gives.
 */
@customElement('jifen-test-cases')
export class JifenTestCases extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) cases: readonly TestCase[] = [];
  @property({ attribute: false }) results?: CaseSummary;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;
  /** The document and its catalogue, for the titles a case's scope names. */
  @property({ attribute: false }) doc?: RuleSet;
  @property({ attribute: false }) catalogue?: Catalogue;
  private get names(): ScopeNames {
    return scopeNames(this.doc ?? {}, this.catalogue);
  }
  @property({ type: Boolean }) running = false;
  @property({ type: Boolean }) readonly = false;
  /** Lists failing cases only, until the user asks for all. */
  @property({ type: Boolean }) compact = false;
  @state() private showAll = false;
  /** The results the user asked to accept, awaiting confirmation. */
  @state() private confirming: readonly CaseResult[] = [];
  @query('#accept-dialog') private acceptDialog?: HTMLDialogElement;

  private i18n = new I18nController(this);

  /**
   * After a deliberate policy change some expectations no longer hold: take what the draft now gives as
   * the expected result (a path `indicators.age` names `expect.indicators.age`), for what the case checks
   * only — a case about one indicator keeps the rest of its expectation as it is.
   */
  private async ask(results: readonly CaseResult[]): Promise<void> {
    this.confirming = results.filter((r) => !r.error);
    await this.updateComplete;
    this.acceptDialog?.showModal();
  }

  private confirm(): void {
    this.acceptDialog?.close();
    this.accept(this.confirming);
    this.confirming = [];
  }

  private accept(results: readonly CaseResult[]): void {
    for (const res of results) {
      const index = this.cases.findIndex((c) => c.id === res.id);
      if (index < 0 || res.error) continue;
      const scope = this.cases[index]!.scope;
      for (const d of res.differences) {
        const [section, ...id] = d.path.split('.');
        if (!scopeCovers(scope, section as Assertion['section'], id.length ? id.join('.') : undefined)) continue;
        const path = ['cases', index, 'expect', ...d.path.split('.')];
        const edit: Edit = d.actual === undefined ? { op: 'remove', path } : { op: 'set', path, value: d.actual };
        emitEdit(this, edit);
      }
    }
  }

  override render() {
    const m = this.i18n.m;
    const r = this.results;
    const byId = new Map((r?.results ?? []).map((x) => [x.id, x]));
    const failing = (r?.results ?? []).filter((x) => !x.passed);
    // Failing cases first: they are what needs attention.
    const ordered = [...this.cases].sort((a, b) => Number(byId.get(a.id)?.passed ?? true) - Number(byId.get(b.id)?.passed ?? true));
    const shown = this.compact && !this.showAll ? ordered.filter((c) => !byId.get(c.id)?.passed) : ordered;
    const names = this.names;
    const words = (d: ResultDifference) => describeDifference(d, names, m, this.i18n.lang);
    return html`<div class="stack">
      <div class="spread">
        <h2>${m.testCases}</h2>
        <div class="row">
          ${r ? html`<span class="badge ok" data-testid="cases-passed">${m.casesPassed(r.passed)}</span>
                <span class="badge ${r.failed ? 'bad' : ''}" data-testid="cases-failed">${m.casesFailed(r.failed)}</span>` : nothing}
          ${this.readonly
            ? nothing
            : html`${failing.length ? html`<button type="button" data-testid="accept-all" @click=${() => this.ask(failing)}>${m.acceptAllResults}</button>` : nothing}
                <button type="button" class="primary" ?disabled=${this.running} @click=${() => this.dispatchEvent(new CustomEvent('jifen-run-cases', { bubbles: true, composed: true }))}>
                  ${this.running ? m.running : m.runAllCases}</button>`}
        </div>
      </div>
      <p class="small muted">${m.casesHelp}</p>
      ${fieldErrors(this.errors, ['cases'])}
      ${this.compact && shown.length < this.cases.length
        ? html`<p class="small muted">${m.passingHidden(this.cases.length - shown.length)}
            <button type="button" class="small" @click=${() => (this.showAll = true)}>${m.showAll}</button></p>`
        : nothing}
      ${this.cases.length === 0
        ? html`<p class="empty">${m.noCases}</p>`
        : shown.length === 0
          ? nothing
        : html`<table class="stacked">
            <thead><tr><th>${m.caseTitle}</th><th>${m.asOf}</th><th>${m.result}</th><th><span class="sr-only">${m.actions}</span></th></tr></thead>
            <tbody>
              ${shown.map((c) => {
                const i = this.cases.indexOf(c);
                const res = byId.get(c.id);
                const problems = countUnder(this.errors, ['cases', i]);
                return html`<tr data-case=${c.id}>
                  <td class="lead"><div>${c.title}</div><div class="small muted mono">${c.id}</div>
                    <div class="small ${c.scope ? 'scope' : 'muted'}" data-testid="case-scope">${describeScope(c.scope, names, m, this.i18n.lang)}</div>
                    ${problems ? html`<div class="field-error">${m.errorsCount(problems)}</div>` : nothing}</td>
                  <td class="nowrap" data-label=${m.asOf}>${c.asOf}</td>
                  <td data-label=${m.result}>${!res
                    ? html`<span class="badge">${m.notRun}</span>`
                    : res.passed
                      ? html`<span class="badge ok">${m.passed}</span>`
                      : html`<span class="badge bad">${m.failed}</span>
                          ${res.error ? html`<div class="small field-error">${res.error}</div>` : nothing}
                          <ul class="diffs">${res.differences.map((d) => html`<li class="small" data-path=${d.path}>${words(d).failure}</li>`)}</ul>
                          ${this.readonly || res.error ? nothing : html`<button type="button" class="small" @click=${() => this.ask([res])}>${m.acceptResult}</button>`}`}
                  </td>
                  <td class="lead">${this.readonly ? nothing : html`<button type="button" class="small icon danger" aria-label=${`${m.remove}: ${c.title}`} title=${m.remove}
                    @click=${() => emitEdit(this, { op: 'remove', path: ['cases', i] })}>✕</button>`}</td>
                </tr>`;
              })}
            </tbody>
          </table>`}
      ${this.renderConfirm(words)}
    </div>`;
  }

  /** Each case to be rewritten, old → new, with its title flagged where its numbers no longer hold. */
  private renderConfirm(words: (d: ResultDifference) => { change: string }) {
    const m = this.i18n.m;
    return html`<dialog id="accept-dialog" aria-labelledby="accept-title" @cancel=${() => (this.confirming = [])}>
      <h2 id="accept-title">${m.acceptConfirmTitle}</h2>
      <p>${m.acceptConfirmIntro(this.confirming.length)}</p>
      <ul class="confirm-list" data-testid="accept-list">${this.confirming.map((res) => {
        const stale = staleNumbers(res.title, res.differences);
        const flag = stale.length ? m.acceptStaleTitle(stale.join('、')) : eligibilityFlips(res.differences) ? m.acceptTitleEligibility : '';
        const scope = this.cases.find((c) => c.id === res.id)?.scope;
        return html`<li data-case=${res.id}><strong>${res.title}</strong>
          ${scope ? html`<div class="small muted">${m.acceptOnlyScope(describeScope(scope, this.names, m, this.i18n.lang))}</div>` : nothing}
          ${flag ? html`<div class="notice warn small" data-testid="stale-title">⚠ ${flag}</div>` : nothing}
          <ul>${res.differences.map((d) => html`<li class="small" data-path=${d.path}>${words(d).change}</li>`)}</ul></li>`;
      })}</ul>
      <div class="actions">
        <button type="button" @click=${() => { this.acceptDialog?.close(); this.confirming = []; }}>${m.cancel}</button>
        <button type="button" class="primary" data-testid="accept-confirm" @click=${() => this.confirm()}>${m.acceptConfirm}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-test-cases': JifenTestCases;
  }
}
