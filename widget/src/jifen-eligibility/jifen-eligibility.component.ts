import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WidgetError, widgetApi } from './api';
import { renderField, readFacts } from './fields';
import { isEnglish, pick, strings, type Strings } from './i18n';
import { styles } from './jifen-eligibility.styles';
import type { FactQuestion, JifenErrorDetail, JifenResultDetail, WidgetResult, WidgetScenario } from './types';

/** The Jifen server the script was loaded from: the default `api-base`. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * Shows a resident their eligibility for one of the partner's scenarios (积分资格). Without a resident token it
 * is a self-check: it asks only the facts the scenario needs and estimates the score, storing nothing.
 * With a resident token (issued by the resident's own Jifen app) it shows their real result from their record,
 * how to close the gap, and their position on a published list.
 *
 * @summary Points eligibility for one scenario, as a self-check or from the resident's record.
 *
 * @event {CustomEvent<JifenResultDetail>} jifen-result - A result is shown; `detail.statement` is the signed statement (JWS) for the page's backend.
 * @event {CustomEvent<JifenErrorDetail>} jifen-error - Jifen refused or could not be reached; the widget shows the message too.
 *
 * @csspart base - The widget's frame.
 * @csspart header - The title block.
 * @csspart title - The scenario title.
 * @csspart subtitle - "Self-check" or "My result" under the title.
 * @csspart form - The self-check form.
 * @csspart group - A group of fields (eligibility, score, deductions).
 * @csspart field - One fact's label and control.
 * @csspart label - A field's label.
 * @csspart input - A field's control (input, select, checkbox).
 * @csspart hint - A field's description.
 * @csspart field-error - A field's error message.
 * @csspart submit - The check button.
 * @csspart result - The live region holding the result.
 * @csspart verdict - Eligible or not.
 * @csspart score - The score against the bar.
 * @csspart meter - The score meter.
 * @csspart missing - What stands in the way.
 * @csspart suggestions - Resident mode: the simplest ways to close the gap.
 * @csspart position - Resident mode: the position on a published list.
 * @csspart resident - Resident mode: the masked name and permit number.
 * @csspart breakdown - The points of each indicator.
 * @csspart version - The rule-set version and evaluation date used.
 * @csspart error - A refusal or failure message.
 *
 * @cssproperty [--jifen-font-family=system-ui, "PingFang SC", "Microsoft YaHei", sans-serif] - Font of the widget.
 * @cssproperty [--jifen-font-size=1rem] - Base font size.
 * @cssproperty [--jifen-color-text=#1f2328] - Text color.
 * @cssproperty [--jifen-color-muted=#59636e] - Secondary text color.
 * @cssproperty [--jifen-color-surface=#ffffff] - Background.
 * @cssproperty [--jifen-color-border=#d1d9e0] - Borders and dividers.
 * @cssproperty [--jifen-color-primary=#b3261e] - Buttons, focus rings and the meter.
 * @cssproperty [--jifen-color-on-primary=#ffffff] - Text on the primary color.
 * @cssproperty [--jifen-color-success=#1a7f37] - The "eligible" verdict.
 * @cssproperty [--jifen-color-danger=#b3261e] - The "not eligible" verdict and errors.
 * @cssproperty [--jifen-radius=8px] - Corner radius.
 * @cssproperty [--jifen-spacing=1rem] - Base spacing.
 */
export class JifenEligibility extends LitElement {
  static override styles = styles;

  /** The scenario id (`school-enrollment`), or `ruleSetId/scenarioId` when the partner has two of that id. */
  @property({ reflect: true }) scenario = '';
  /** The partner's API key, bound to its registered origins and scenarios. */
  @property({ attribute: 'partner-key' }) partnerKey = '';
  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) override lang = '';
  /** A resident's widget token from their Jifen app: shows their real result instead of a self-check. */
  @property({ attribute: 'resident-token' }) residentToken = '';
  /** The Jifen server; by default the one this script was loaded from. */
  @property({ attribute: 'api-base' }) apiBase = '';

  @state() private info?: WidgetScenario;
  @state() private current?: WidgetResult;
  @state() private failure?: WidgetError;
  @state() private busy = false;
  @state() private fieldErrors: Record<string, string> = {};
  private generation = 0;

  /** The result shown, with its signed statement; undefined before the first result. */
  get result(): WidgetResult | undefined {
    return this.current;
  }

  private get api() {
    return widgetApi(this.apiBase || SCRIPT_ORIGIN, this.partnerKey);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenario') || changed.has('partnerKey') || changed.has('residentToken') || changed.has('apiBase')) void this.load();
  }

  private async load(): Promise<void> {
    const run = ++this.generation;
    this.info = undefined;
    this.current = undefined;
    this.failure = undefined;
    this.fieldErrors = {};
    if (!this.scenario) return;
    await this.attempt(run, async () => {
      if (!this.partnerKey) throw new WidgetError('no_key', 'Widget: no partner-key attribute', 0);
      if (this.residentToken) this.show(await this.api.resident(this.scenario, this.residentToken));
      else this.info = await this.api.scenario(this.scenario);
    });
  }

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.info) return;
    const facts = readFacts(event.target as HTMLFormElement, this.info.facts);
    this.fieldErrors = {};
    await this.attempt(this.generation, async () => this.show(await this.api.selfCheck(this.scenario, facts)));
  }

  private async attempt(run: number, work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    try {
      await work();
    } catch (error) {
      if (run !== this.generation) return;
      const failure = error instanceof WidgetError ? error : new WidgetError('network', String(error), 0);
      this.failure = failure;
      this.fieldErrors = Object.fromEntries(failure.fields.map((f) => [f.path.replace(/^facts\./, ''), f.message]));
      const detail: JifenErrorDetail = { code: failure.code, status: failure.status, message: failure.message };
      this.dispatchEvent(new CustomEvent('jifen-error', { detail, bubbles: true, composed: true }));
    } finally {
      if (run === this.generation) this.busy = false;
    }
  }

  private show(result: WidgetResult): void {
    this.current = result;
    const o = result.outcome;
    const detail: JifenResultDetail = {
      mode: result.mode,
      scenario: `${result.ruleSet.id}/${result.scenario.id}`,
      eligible: o.eligible,
      score: o.score,
      bar: o.bar,
      shortBy: o.shortBy,
      ruleSetId: result.ruleSet.id,
      version: result.ruleSet.version,
      asOf: result.asOf,
      statement: result.statement,
    };
    this.dispatchEvent(new CustomEvent('jifen-result', { detail, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const t = strings(this.lang);
    const title = this.current?.scenario.title ?? this.info?.scenario.title;
    return html`<section part="base" lang=${isEnglish(this.lang) ? 'en' : 'zh-CN'} aria-busy=${this.busy ? 'true' : 'false'}>
      <header part="header">
        <h2 part="title">${title ? pick(title, this.lang) : this.failure ? t.widget : t.loading}</h2>
        <p part="subtitle">${this.residentToken ? t.myResult : t.selfCheck}</p>
      </header>
      ${this.failure ? this.renderError(t, this.failure) : nothing}
      ${this.info && !this.residentToken ? this.renderForm(t, this.info) : nothing}
      <div part="result" role="status" aria-live="polite">${this.current ? this.renderResult(t, this.current) : nothing}</div>
    </section>`;
  }

  private renderError(t: Strings, e: WidgetError): TemplateResult {
    const plain: Record<string, string> = {
      origin_not_registered: t.origin,
      network: t.network,
      unauthorized: t.unauthorized,
      forbidden: t.forbidden,
      no_key: t.noKey,
      ...(e.fields.length ? { validation_failed: t.fixFields } : {}),
    };
    return html`<div part="error" role="alert">
      <strong>${t.errorTitle}</strong>
      ${plain[e.code] ? html`<p>${plain[e.code]}</p>` : nothing}
      <p class="detail">${e.message.replace(/^\w+: (.)/, (_, first: string) => first.toUpperCase())}</p>
    </div>`;
  }

  private renderForm(t: Strings, info: WidgetScenario): TemplateResult {
    const field = (f: FactQuestion) => renderField(f, this.lang, t, this.fieldErrors[f.id]);
    const of = (group: FactQuestion['group']) => info.facts.filter((f) => f.group === group);
    const deductions = of('deduction');
    return html`<form part="form" @submit=${this.check}>
      ${[
        [t.conditions, of('eligibility')] as const,
        [t.scoring, of('score')] as const,
      ].map(([heading, facts]) =>
        facts.length ? html`<fieldset part="group"><legend>${heading}</legend><div class="grid">${facts.map(field)}</div></fieldset>` : nothing,
      )}
      ${deductions.length
        ? html`<details part="group" ?open=${deductions.some((f) => this.fieldErrors[f.id])}>
            <summary>${t.more}</summary>
            <div class="grid">${deductions.map(field)}</div>
          </details>`
        : nothing}
      <button part="submit" type="submit" ?disabled=${this.busy}>${this.busy ? t.checking : t.check}</button>
    </form>`;
  }

  private renderResult(t: Strings, r: WidgetResult): TemplateResult {
    const o = r.outcome;
    const lang = this.lang;
    const missing = o.missing.filter((m) => m.code !== 'below-bar');
    return html`${r.mode === 'resident'
        ? html`<p part="resident">${t.resident}${r.resident.name} · ${r.resident.permitNumber}</p>`
        : html`<p class="muted">${t.estimate}</p>`}
      <p part="verdict" class=${o.eligible ? 'ok' : 'no'}>${o.eligible ? `✓ ${t.eligible}` : t.notEligible}</p>
      <p part="score">
        ${t.score} <strong>${o.score}</strong> / ${t.bar} ${o.bar}
        <meter part="meter" min="0" max=${Math.max(o.bar, o.score, 1)} low=${o.bar} optimum=${Math.max(o.bar, o.score, 1)} value=${o.score}></meter>
        ${o.shortBy > 0 ? html`<span class="short">${t.shortBy(o.shortBy)}</span>` : nothing}
      </p>
      ${missing.length
        ? html`<div part="missing"><h3>${t.missing}</h3><ul>${missing.map((m) => html`<li>${pick(m.message, lang)}</li>`)}</ul></div>`
        : nothing}
      ${r.mode === 'resident'
        ? ([
            [t.closeGap, r.closeGap.filter((s) => s.closes === 'eligibility')],
            [t.closesBar, r.closeGap.filter((s) => s.closes === 'bar')],
          ] as const).map(([heading, steps]) =>
            steps.length
              ? html`<div part="suggestions"><h3>${heading}</h3><ul>${steps.map((s) => html`<li>${pick(s.message, lang)}</li>`)}</ul></div>`
              : nothing,
          )
        : nothing}
      ${r.mode === 'resident' && r.position
        ? html`<p part="position">${r.position.position === null ? t.notRanked : t.position(r.position.position, r.position.places, r.position.admitted)}</p>`
        : nothing}
      <details part="breakdown">
        <summary>${t.breakdown}</summary>
        <table>
          ${o.breakdown.filter((b) => b.points !== 0).map(
            (b) => html`<tr>
              <th scope="row">${pick(b.title, lang)}</th>
              <td class="num">${b.kind === 'deduction' && b.points > 0 ? `−${b.points}` : b.points}</td>
              <td class="muted">${pick(b.explanation, lang)}</td>
            </tr>`,
          )}
        </table>
      </details>
      <p part="version" class="muted">${t.basis(pick(r.ruleSet.title, lang), r.ruleSet.version, r.asOf)}</p>`;
  }
}
