import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { expectationFor } from '../../../../server/src/domain/rule-set/case-check';
import type { CaseScope, TestCase } from '../../../../server/src/domain/rule-set/schema';
import type { FactValue } from '../../../../server/src/domain/scoring/types';
import { api, ApiError } from '../../api/client';
import type { Evaluation } from '../../api/types';
import { formatPoints, I18nController, pick, today } from '../../i18n/i18n';
import { describeBound } from '../../model/describe-bound';
import type { Catalogue, FactOption } from '../../model/facts';
import { freshId } from '../../model/templates';
import { shared } from '../../styles/shared';
import { emitEdit } from '../../ui/fields';
import { styles } from './jifen-preview.styles';

/**
 * The live preview: a sample resident's facts, scored by the server on the saved draft, with the total,
 * group scores, every indicator's points and explanation, and each scenario's eligibility and what is
 * missing. Re-evaluates when the facts change or the draft is saved again; saves the sample as a test case.
 *
 * @fires jifen-edit - a test case was added to the draft.
 */
@customElement('jifen-preview')
export class JifenPreview extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property() draftId = '';
  /** The saved revision; a new one re-evaluates. */
  @property({ type: Number }) revision = 0;
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) cases: readonly TestCase[] = [];
  /** True while the form holds changes the server has not saved yet. */
  @property({ type: Boolean }) pending = false;
  @property({ type: Boolean }) readonly = false;
  /** The published version the draft was started from. */
  @property({ type: Number }) baseVersion = 0;

  @state() private asOf = today();
  @state() private facts: Record<string, FactValue> = {};
  @state() private evaluation?: Evaluation;
  /** The sample's total under the published version the draft replaces: what the badge compares with. */
  @state() private publishedTotal?: number;
  @state() private error?: ApiError;
  @state() private busy = false;
  /** The test case whose facts the sample holds, until the user changes one. */
  @state() private loaded = '';
  /** What the case being saved is about, chosen in the dialog. */
  @state() private about: CaseScope['about'] = 'total';
  /** Set when a case about eligibility is saved with no scenario ticked. */
  @state() private scopeError = false;
  @query('dialog') private dialog?: HTMLDialogElement;

  private i18n = new I18nController(this);
  private timer?: ReturnType<typeof setTimeout>;
  private seeded = false;
  private sequence = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.seeded && this.cases.length > 0) {
      // Start from a resident the cases describe well (most facts), but not one at every maximum, whose
      // capped total would not move when a weight changes.
      this.seeded = true;
      const count = (c: TestCase) => Object.keys(c.facts).length;
      const most = Math.max(...this.cases.map(count));
      const sample = this.cases.find((c) => count(c) >= most * 0.6 && !/max|满分/i.test(`${c.id} ${c.title}`)) ?? this.cases[0]!;
      this.loadCase(sample, false);
    }
    if (changed.has('revision') || changed.has('draftId')) this.schedule(0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private loadCase(c: TestCase, evaluate = true): void {
    this.loaded = c.id;
    this.facts = { ...c.facts };
    this.asOf = c.asOf;
    if (evaluate) this.schedule(0);
  }

  private schedule(delay = 350): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluate(), delay);
  }

  private async evaluate(): Promise<void> {
    if (!this.ruleSetId || !this.draftId) return;
    const mine = ++this.sequence;
    this.busy = true;
    try {
      const [result, published] = await Promise.all([
        api.evaluateDraft(this.ruleSetId, this.draftId, this.asOf, this.facts),
        this.baseVersion ? api.evaluateVersion(this.ruleSetId, this.baseVersion, this.asOf, this.facts).catch(() => undefined) : undefined,
      ]);
      if (mine !== this.sequence) return;
      this.publishedTotal = published?.total;
      this.evaluation = result;
      this.error = undefined;
    } catch (error) {
      if (mine !== this.sequence) return;
      this.error = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
    } finally {
      if (mine === this.sequence) this.busy = false;
    }
  }

  private setFact(id: string, value: FactValue | undefined): void {
    const next = { ...this.facts };
    this.loaded = '';
    if (value === undefined || value === '') delete next[id];
    else next[id] = value;
    this.facts = next;
    this.schedule();
  }

  override render() {
    const m = this.i18n.m;
    const inputs = (this.catalogue?.facts ?? []).filter((f) => f.origin === 'input');
    return html`<section class="preview" aria-label=${m.preview}>
      <div class="spread head">
        <h2>${m.preview}</h2>
        ${this.busy ? html`<span class="small muted" role="status">${m.evaluating}</span>` : nothing}
      </div>
      ${this.pending ? html`<p class="notice warn small">${m.previewPending}</p>` : nothing}
      ${this.renderResult()}
      <details open class="sample">
        <summary>${m.sampleResident}</summary>
        <div class="sample-head">
          <label class="field"><span>${m.asOf}</span>
            <input type="date" .value=${this.asOf} @change=${(e: Event) => { this.asOf = (e.target as HTMLInputElement).value; this.schedule(); }} /></label>
          ${this.cases.length
            ? html`<label class="field"><span>${m.loadFromCase}</span>
                <select @change=${(e: Event) => { const c = this.cases.find((x) => x.id === (e.target as HTMLSelectElement).value); if (c) this.loadCase(c); }}>
                  <option value="" ?selected=${!this.loaded}>—</option>
                  ${this.cases.map((c) => html`<option value=${c.id} ?selected=${c.id === this.loaded}>${c.title}</option>`)}
                </select></label>`
            : nothing}
        </div>
        <div class="facts">${inputs.map((f) => this.renderFact(f))}</div>
      </details>
      ${this.renderSaveDialog()}
    </section>`;
  }

  private renderResult(): TemplateResult {
    const m = this.i18n.m;
    const ev = this.evaluation;
    const zh = this.i18n.lang === 'zh';
    if (this.error) {
      // Each field's own message in the language of the UI; the request's summary line only when none names a field.
      return html`<div class="notice bad" role="alert" data-testid="preview-error">
        ${this.error.fields.length ? nothing : html`<div>${this.error.message}</div>`}
        ${this.error.fields.map((f) => html`<div class="small">${this.factLabel(f.path)}: ${zh && f.messageZh ? f.messageZh : f.message}</div>`)}
      </div>`;
    }
    if (!ev) return html`<p class="muted">${m.previewEmpty}</p>`;
    const delta = this.publishedTotal === undefined ? undefined : Math.round((ev.total - this.publishedTotal) * 100) / 100;
    return html`<div class="result" aria-live="polite">
      <div class="total">
        <span class="label">${m.total}</span>
        <strong data-testid="preview-total">${formatPoints(ev.total)}</strong>
        ${delta ? html`<span class="badge ${delta > 0 ? 'ok' : 'bad'}" data-testid="preview-delta" title=${m.comparedWithVersion(this.baseVersion)}>${delta > 0 ? '+' : ''}${formatPoints(delta)}</span>` : nothing}
        ${ev.vetoed ? html`<span class="badge bad">${m.vetoed}</span>` : nothing}
        ${this.readonly ? nothing : html`<button type="button" class="small save-case" @click=${() => this.dialog?.showModal()}>${m.saveAsCase}</button>`}
      </div>
      <table class="groups">
        <thead><tr><th>${m.group}</th><th class="num">${m.score}</th><th class="num">${m.cap}</th></tr></thead>
        <tbody>${ev.groups.map((g) => html`<tr><td>${pick(g.title)} ${g.capped ? html`<span class="badge warn">${m.capped}</span>` : nothing}</td>
          <td class="num">${formatPoints(g.score)}</td><td class="num">${formatPoints(g.cap)}</td></tr>`)}</tbody>
      </table>
      <h3>${m.indicators}</h3>
      <ul class="indicators">
        ${ev.indicators.map((i) => html`<li data-indicator=${i.id}>
          <div class="spread"><span>${pick(i.title)}</span>
            <strong class="num" data-testid=${`points-${i.id}`}>${i.kind === 'deduction' && i.points ? '−' : ''}${i.kind === 'veto' ? (i.reason.code === 'veto' && i.reason.triggered ? m.vetoed : '—') : formatPoints(i.points)}</strong></div>
          <div class="small muted">${zh ? i.explanationZh : i.explanation}</div>
        </li>`)}
      </ul>
      ${ev.scenarios.length
        ? html`<h3>${m.scenarios}</h3>
            <ul class="scenarios">
              ${ev.scenarios.map((s) => html`<li data-scenario=${s.id}>
                <div class="spread"><span>${pick(s.title)}</span>
                  <span class="badge ${s.eligible ? 'ok' : 'bad'}">${s.eligible ? m.eligible : m.notEligible}</span></div>
                <div class="small muted">${m.scoreVsBar(formatPoints(s.score), formatPoints(s.bar))}</div>
                ${s.missing.map((x) => html`<div class="small missing">${zh ? x.messageZh : x.message}</div>`)}
              </li>`)}
            </ul>`
        : nothing}
    </div>`;
  }

  private factLabel(path: string): string {
    const id = path.replace(/^facts\./, '');
    const f = this.catalogue?.facts.find((x) => x.id === id);
    return f ? pick(f.title) : path;
  }

  /** The fact's bounds, each with its reason and reference, under its input. */
  private renderBounds(f: FactOption): TemplateResult | typeof nothing {
    if (!f.bounds?.length) return nothing;
    const titleOf = (id: string) => {
      const other = this.catalogue?.facts.find((x) => x.id === id);
      return other ? pick(other.title) : id;
    };
    return html`<ul class="bounds small muted" data-bounds=${f.id}>${f.bounds.map((b) => html`<li>${describeBound(b, this.i18n.lang, titleOf)}</li>`)}</ul>`;
  }

  private renderFact(f: FactOption): TemplateResult {
    return html`<div class="fact ${f.type === 'enum-list' ? 'wide' : ''}">${this.renderInput(f)}${this.renderBounds(f)}</div>`;
  }

  private renderInput(f: FactOption): TemplateResult {
    const m = this.i18n.m;
    const v = this.facts[f.id];
    const label = html`<span>${pick(f.title)}${f.unit ? html` <span class="muted">(${pick(f.unit)})</span>` : nothing}</span>`;
    const invalid = this.error?.fields.some((x) => x.path === `facts.${f.id}`) ? 'true' : 'false';
    switch (f.type) {
      case 'integer':
      case 'number':
        return html`<label class="field">${label}<input type="number" step="any" data-fact=${f.id} aria-invalid=${invalid} .value=${v === undefined ? '' : String(v)}
          @input=${(e: Event) => { const t = (e.target as HTMLInputElement).value; const n = Number(t); if (t === '' || Number.isFinite(n)) this.setFact(f.id, t === '' ? undefined : n); }} /></label>`;
      case 'date':
        return html`<label class="field">${label}<input type="date" data-fact=${f.id} aria-invalid=${invalid} .value=${typeof v === 'string' ? v : ''}
          @change=${(e: Event) => this.setFact(f.id, (e.target as HTMLInputElement).value || undefined)} /></label>`;
      case 'boolean':
        return html`<label class="field">${label}<select data-fact=${f.id} aria-invalid=${invalid}
          @change=${(e: Event) => { const t = (e.target as HTMLSelectElement).value; this.setFact(f.id, t === '' ? undefined : t === 'true'); }}>
          <option value="" ?selected=${v === undefined}>${m.notGiven}</option>
          <option value="true" ?selected=${v === true}>${m.yes}</option><option value="false" ?selected=${v === false}>${m.no}</option></select></label>`;
      case 'enum':
        return html`<label class="field">${label}<select data-fact=${f.id} aria-invalid=${invalid} @change=${(e: Event) => this.setFact(f.id, (e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${v === undefined}>${m.notGiven}</option>
          ${(f.values ?? []).map((x) => html`<option value=${x.id} ?selected=${x.id === v}>${pick(x.title)}</option>`)}</select></label>`;
      case 'enum-list': {
        const chosen = new Set(Array.isArray(v) ? v : []);
        return html`<fieldset class="list-fact wide" data-fact=${f.id}><legend>${pick(f.title)}</legend>
          ${(f.values ?? []).map((x) => html`<label class="check small"><input type="checkbox" .checked=${chosen.has(x.id)}
            @change=${(e: Event) => { const on = (e.target as HTMLInputElement).checked; const next = (f.values ?? []).map((y) => y.id).filter((id) => (id === x.id ? on : chosen.has(id))); this.setFact(f.id, next.length ? next : undefined); }} />
            <span>${pick(x.title)}</span></label>`)}</fieldset>`;
      }
      default:
        return html`<label class="field">${label}<input data-fact=${f.id} aria-invalid=${invalid} .value=${typeof v === 'string' ? v : ''}
          @input=${(e: Event) => this.setFact(f.id, (e.target as HTMLInputElement).value || undefined)} /></label>`;
    }
  }

  private renderSaveDialog(): TemplateResult {
    const m = this.i18n.m;
    const ev = this.evaluation;
    const about = this.about;
    const radio = (value: CaseScope['about'], label: string) => html`<label class="check"><input type="radio" name="about" value=${value}
      .checked=${about === value} @change=${() => { this.about = value; this.scopeError = false; }} /><span>${label}</span></label>`;
    const indicators = (ev?.indicators ?? []).filter((i) => i.kind !== 'veto');
    const zh = this.i18n.lang === 'zh';
    const paren = (x: string) => (zh ? `（${x}）` : ` (${x})`);
    return html`<dialog aria-labelledby="case-title" @close=${() => (this.scopeError = false)}>
      <form method="dialog" class="stack" @submit=${this.saveCase}>
        <h2 id="case-title">${m.saveAsCase}</h2>
        <label class="field"><span>${m.caseTitle}</span><input name="title" required maxlength="200" /></label>
        <fieldset class="about" data-testid="case-about"><legend>${m.caseAbout}</legend>
          ${radio('total', `${m.aboutTotal}${paren(formatPoints(ev?.total))}`)}
          ${radio('indicator', m.aboutIndicator)}
          ${about === 'indicator'
            ? html`<label class="field pick"><span>${m.chooseIndicator}</span><select name="indicator">
                ${indicators.map((i) => html`<option value=${i.id}>${pick(i.title)}${paren(formatPoints(i.points))}</option>`)}</select></label>`
            : nothing}
          ${radio('group', m.aboutGroup)}
          ${about === 'group'
            ? html`<label class="field pick"><span>${m.chooseGroup}</span><select name="group">
                ${(ev?.groups ?? []).map((g) => html`<option value=${g.id}>${pick(g.title)}${paren(formatPoints(g.score))}</option>`)}</select></label>`
            : nothing}
          ${(ev?.scenarios.length ?? 0) ? radio('eligibility', m.aboutEligibility) : nothing}
          ${about === 'eligibility'
            ? html`<fieldset class="pick"><legend class="small">${m.chooseScenarios}</legend>
                ${(ev?.scenarios ?? []).map((x) => html`<label class="check small"><input type="checkbox" name="scenario" value=${x.id} @change=${() => (this.scopeError = false)} />
                  <span>${pick(x.title)}${paren(x.eligible ? m.eligible : m.notEligible)}</span></label>`)}
                ${this.scopeError ? html`<div class="field-error" role="alert">${m.chooseOneScenario}</div>` : nothing}</fieldset>
              <label class="check small pick"><input type="checkbox" name="shortBy" /><span>${m.alsoShortBy}</span></label>`
            : nothing}
          <p class="small muted">${m.aboutHelp}</p>
        </fieldset>
        <div class="actions"><button type="button" @click=${() => this.dialog?.close()}>${m.cancel}</button>
          <button type="submit" class="primary">${m.add}</button></div>
      </form>
    </dialog>`;
  }

  /** The scope chosen in the dialog; undefined while it names nothing (no scenario ticked). */
  private chosenScope(data: FormData): CaseScope | undefined {
    switch (this.about) {
      case 'total':
        return { about: 'total' };
      case 'indicator':
        return data.get('indicator') ? { about: 'indicator', indicator: String(data.get('indicator')) } : undefined;
      case 'group':
        return data.get('group') ? { about: 'group', group: String(data.get('group')) } : undefined;
      case 'eligibility': {
        const scenarios = data.getAll('scenario').map(String);
        return scenarios.length ? { about: 'eligibility', scenarios } : undefined;
      }
    }
  }

  private saveCase = (event: SubmitEvent) => {
    const ev = this.evaluation;
    if (!ev) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const scope = this.chosenScope(data);
    if (!scope) {
      event.preventDefault();
      this.scopeError = true;
      return;
    }
    const title = String(data.get('title') ?? '').trim() || this.i18n.m.sampleResident;
    const id = freshId(`case-${this.cases.length + 1}`, this.cases.map((c) => c.id));
    // The expectation holds exactly what the scope asserts, read off the result the preview shows.
    const testCase: TestCase = { id, title, asOf: this.asOf, facts: { ...this.facts }, scope, expect: expectationFor(scope, ev, { shortBy: data.get('shortBy') !== null }) };
    emitEdit(this, { op: 'insert', path: ['cases', this.cases.length], value: testCase });
    form.reset();
    this.about = 'total';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-preview': JifenPreview;
  }
}
