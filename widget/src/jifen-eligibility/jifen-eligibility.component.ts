import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WidgetError, widgetApi } from './api';
import { fieldMessage, renderField, readFacts, unreadableFacts } from './fields';
import { isEnglish, pick, strings, type Strings } from './i18n';
import { styles } from './jifen-eligibility.styles';
import { renderResult } from './result-view';
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
 * @event {CustomEvent<JifenErrorDetail>} jifen-error - Jifen refused, could not be reached or did not answer in time; `detail.code` names the cause, `detail.message` is for the developer (the visitor sees plain words in the page's language).
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
 * @csspart meter - The score meter (a `<meter>` named by the score and bar; filled with the primary colour, with the success colour once the score reaches the bar).
 * @csspart missing - What stands in the way.
 * @csspart suggestions - Resident mode: what would make the resident eligible, easiest first, and when time alone does.
 * @csspart position - Resident mode: the position on a published list, and what that list was ranked on.
 * @csspart resident - Resident mode: the masked name and permit number.
 * @csspart breakdown - The points of each indicator.
 * @csspart version - The rule-set version and evaluation date used.
 * @csspart error - A refusal or failure message, next to the check button in a self-check.
 * @csspart retry - The "try again" button of a network failure or timeout.
 * @csspart fallback - Beside an error the visitor cannot fix: the element's content, or a pointer to the service centre.
 *
 * @slot - The page's fallback text: shown while the script cannot load, and beside an error the visitor cannot fix (a setting of the site, Jifen out of reach).
 *
 * Set these on the element or on `:root`; both reach the widget.
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
  /** `zh-CN` or `en`; without it, the page's language (`<html lang>`), Chinese when that is neither. */
  @property() override lang = '';
  /** A resident's widget token from their Jifen app: shows their real result instead of a self-check. */
  @property({ attribute: 'resident-token' }) residentToken = '';
  /** The Jifen server; by default the one this script was loaded from. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The level of the widget's title (1–6), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  /** Seconds to wait for Jifen before giving up with `timeout` and offering to try again. */
  @property({ type: Number }) timeout = 10;

  @state() private info?: WidgetScenario;
  @state() private current?: WidgetResult;
  @state() private failure?: WidgetError;
  @state() private busy = false;
  @state() private fieldErrors: Record<string, string> = {};
  private generation = 0;
  private lastWork?: () => Promise<void>;

  /** The result shown, with its signed statement; undefined before the first result. */
  get result(): WidgetResult | undefined {
    return this.current;
  }

  /** The language used: the attribute, else the nearest `lang` of the page. */
  private get language(): string {
    return this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'zh-CN';
  }

  private get api() {
    return widgetApi(this.apiBase || SCRIPT_ORIGIN, this.partnerKey, Math.max(1, this.timeout) * 1000);
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
    if (!this.scenario.trim()) {
      // Said at once, to the visitor and the developer: without a scenario there is nothing to load.
      const message = '<jifen-eligibility> needs a scenario attribute (a scenario id the partner key is allowed, e.g. scenario="school-enrollment")';
      return this.attempt(run, async () => {
        throw new WidgetError('scenario_missing', message, 0);
      });
    }
    await this.attempt(run, async () => {
      if (this.residentToken) this.show(await this.api.resident(this.scenario, this.residentToken));
      else this.info = await this.api.scenario(this.scenario);
    });
  }

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.info || this.busy) return;
    const form = event.target as HTMLFormElement;
    const facts = readFacts(form, this.info.facts);
    // A new check clears the last one: no stale result under a new error.
    this.current = undefined;
    this.fieldErrors = {};
    const unreadable = unreadableFacts(form, this.info.facts);
    if (unreadable.length > 0) return this.refuseHere(unreadable, 'is not a number', (f, t) => fieldMessage(f, t));
    // What the scenario's conditions read is marked required: left blank, it is asked for, not scored as absent.
    const blank = this.info.facts.filter((f) => f.required && f.type !== 'boolean' && facts[f.id] === undefined);
    if (blank.length > 0) return this.refuseHere(blank, 'is required for this scenario', (_, t) => t.field.required);
    await this.attempt(this.generation, async () => {
      this.show(await this.api.selfCheck(this.scenario, facts));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=result]')?.focus();
    });
  }

  /** An answer changed: the result shown no longer matches the form, so it goes until the next check. */
  private edited(): void {
    if (this.current) this.current = undefined;
  }

  /** Fields refused before asking Jifen (left blank, or typed but unreadable): said at each, and the first focused. */
  private async refuseHere(facts: readonly FactQuestion[], message: string, say: (f: FactQuestion, t: Strings) => string): Promise<void> {
    const t = strings(this.language);
    const fields = facts.map((f) => ({ path: `facts.${f.id}`, message }));
    this.failure = new WidgetError('validation_failed', `Self-check: ${facts.map((f) => f.id).join(', ')} ${message}`, 0, fields);
    this.fieldErrors = Object.fromEntries(facts.map((f) => [f.id, say(f, t)]));
    const detail: JifenErrorDetail = { code: 'validation_failed', status: 0, message: this.failure.message, fields };
    this.dispatchEvent(new CustomEvent('jifen-error', { detail, bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[name="${facts[0]!.id}"]`)?.focus();
  }

  private retry(): void {
    if (this.info || this.current) void this.attempt(this.generation, this.lastWork ?? (async () => undefined));
    else void this.load();
  }

  private async attempt(run: number, work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    this.lastWork = work;
    try {
      await work();
    } catch (error) {
      if (run !== this.generation) return;
      const failure = error instanceof WidgetError ? error : new WidgetError('network', String(error), 0);
      this.failure = failure;
      const byId = new Map((this.info?.facts ?? []).map((f) => [f.id, f]));
      const t = strings(this.language);
      this.fieldErrors = Object.fromEntries(
        failure.fields.map((f) => {
          const id = f.path.replace(/^facts\./, '').split('.')[0] ?? '';
          const fact = byId.get(id);
          // A bound's refusal in Jifen's words (both languages, with its reason); a value of the wrong kind in
          // the visitor's words for that question (every field error carries Chinese now: `bound` tells them apart).
          const bilingual = f.bound && f.messageZh ? (isEnglish(this.language) ? f.message : f.messageZh) : undefined;
          return [id, bilingual ?? (fact ? fieldMessage(fact, t) : t.field.other)];
        }),
      );
      const detail: JifenErrorDetail = { code: failure.code, status: failure.status, message: failure.message, ...(failure.fields.length ? { fields: failure.fields } : {}) };
      console.warn(`<jifen-eligibility> ${failure.code} (${failure.status}): ${failure.message}`);
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
    const lang = this.language;
    const t = strings(lang);
    const title = this.current?.scenario.title ?? this.info?.scenario.title;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const form = this.info && !this.residentToken;
    return html`<section part="base" lang=${isEnglish(lang) ? 'en' : 'zh-CN'} aria-busy=${this.busy ? 'true' : 'false'}>
      <header part="header">
        <div part="title" class="title" role="heading" aria-level=${level}>${title ? pick(title, lang) : this.failure ? t.widget : t.loading}</div>
        <p part="subtitle">${this.residentToken ? t.myResult : t.selfCheck}</p>
      </header>
      ${this.failure && !form ? this.renderError(t, this.failure) : nothing}
      ${form ? this.renderForm(t, lang, this.info!) : nothing}
      <div part="result" role="status" aria-live="polite" tabindex="-1">${this.current ? renderResult(t, lang, this.current) : nothing}</div>
    </section>`;
  }

  private renderError(t: Strings, e: WidgetError): TemplateResult {
    const text = e.code === 'validation_failed' && e.fields.length ? t.fixFields : (t.errors[e.code] ?? t.errors.other);
    const retry = e.code === 'network' || e.code === 'timeout' || e.code === 'too_many_requests' || e.status >= 500;
    // Anything but a field to correct leaves the visitor another way: the page's own fallback (the element's
    // content, written by the partner for when the widget cannot work), else the service centre.
    const elsewhere = !(e.code === 'validation_failed' && e.fields.length);
    return html`<div part="error" role="alert">
      <strong>${t.errorTitle}</strong>
      <p>${text}</p>
      ${elsewhere ? html`<div part="fallback"><slot><span>${t.elsewhere}</span></slot></div>` : nothing}
      ${retry ? html`<button part="retry" type="button" class="secondary" @click=${this.retry}>${t.retry}</button>` : nothing}
    </div>`;
  }

  private renderForm(t: Strings, lang: string, info: WidgetScenario): TemplateResult {
    const field = (f: FactQuestion) => renderField(f, lang, t, this.fieldErrors[f.id]);
    const of = (group: FactQuestion['group'], ask?: FactQuestion['ask']) =>
      info.facts.filter((f) => f.group === group && (ask === undefined || f.ask === ask));
    const folded = (heading: string, facts: FactQuestion[]) =>
      facts.length
        ? html`<details part="group" ?open=${facts.some((f) => this.fieldErrors[f.id])}>
            <summary>${heading}</summary>
            <div class="grid">${facts.map(field)}</div>
          </details>`
        : nothing;
    return html`<form part="form" novalidate @submit=${this.check} @input=${this.edited} @change=${this.edited}>
      ${[
        [t.conditions, of('eligibility')] as const,
        [t.scoring, of('score', 'first')] as const,
      ].map(([heading, facts]) =>
        facts.length ? html`<fieldset part="group"><legend>${heading}</legend><div class="grid">${facts.map(field)}</div></fieldset>` : nothing,
      )}
      ${folded(t.optional, of('score', 'optional'))} ${folded(t.more, of('deduction'))}
      <div class="actions">
        <button part="submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.checking : t.check}</button>
        ${this.failure ? this.renderError(t, this.failure) : nothing}
      </div>
    </form>`;
  }
}
