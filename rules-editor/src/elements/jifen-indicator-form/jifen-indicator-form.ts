import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Band, Indicator, Tier } from '../../../../server/src/domain/rule-set/schema';
import { I18nController, pick } from '../../i18n/i18n';
import { newTopLevel } from '../../model/condition';
import type { Path } from '../../model/edit';
import { NO_ERRORS, type ErrorIndex } from '../../model/field-errors';
import { numericFacts, type Catalogue } from '../../model/facts';
import { shared } from '../../styles/shared';
import { bilingualField, checkField, commitNumber, emitEdit, fieldErrors, itemButtons, numberErrors, numberField, selectField, setAt, textField } from '../../ui/fields';
import '../jifen-condition-builder/jifen-condition-builder';
import { styles } from './jifen-indicator-form.styles';

/**
 * The form of one indicator: what every kind shares (titles, group, category, department, policy
 * reference), then its own part — fixed points, tiers, a per-unit rate, bands, a deduction or a veto.
 *
 * @fires jifen-edit - an edit of the document at `path` or below.
 */
@customElement('jifen-indicator-form')
export class JifenIndicatorForm extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) indicator?: Indicator;
  /** Where the indicator sits, e.g. `['indicators', 3]`. */
  @property({ attribute: false }) path: Path = [];
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;

  private i18n = new I18nController(this);

  override render() {
    const ind = this.indicator;
    if (!ind) return nothing;
    const m = this.i18n.m;
    const p = this.path;
    const groups = (this.catalogue?.groups ?? []).map((g) => ({ value: g.id, label: `${pick(g.title)} (${g.id})` }));
    return html`<div class="stack">
      <div class="spread">
        <h2>${pick(ind.title) || ind.id} <span class="badge info">${m.kinds[ind.kind]}</span></h2>
        <button type="button" class="small danger" @click=${this.removeIndicator}>${m.removeIndicator}</button>
      </div>
      ${fieldErrors(this.errors, p)}
      <p class="muted small">${m.kindHelp[ind.kind]}</p>
      ${bilingualField(this, { label: m.title, path: [...p, 'title'], value: ind.title, errors: this.errors })}
      <div class="grid">
        ${textField(this, { label: m.id, path: [...p, 'id'], value: ind.id, errors: this.errors, hint: m.idHint })}
        ${selectField(this, { label: m.group, path: [...p, 'group'], value: ind.group, options: groups, errors: this.errors })}
        ${textField(this, { label: m.category, path: [...p, 'category'], value: ind.category, optional: true, errors: this.errors })}
        ${textField(this, { label: m.department, path: [...p, 'department'], value: ind.department, optional: true, errors: this.errors })}
      </div>
      <section aria-label=${m.scoring}>${this.renderKind(ind)}</section>
      ${ind.kind === 'fixed' || ind.kind === 'veto' || ind.kind === 'tiers' ? nothing : this.renderGate(ind)}
      ${ind.kind === 'deduction' || ind.kind === 'veto' ? nothing : this.renderLedger(ind)}
      ${this.renderReference([...p, 'reference'], ind.reference, m.reference)}
    </div>`;
  }

  private removeIndicator = () => {
    const ind = this.indicator;
    if (!ind) return;
    if (!confirm(this.i18n.m.confirmRemoveIndicator(pick(ind.title) || ind.id))) return;
    emitEdit(this, { op: 'remove', path: this.path });
  };

  private renderKind(ind: Indicator): TemplateResult {
    const m = this.i18n.m;
    const p = this.path;
    const e = this.errors;
    const facts = numericFacts(this.catalogue ?? { facts: [], computed: [], groups: [], indicators: [], categories: [] }).map((f) => ({
      value: f.id,
      label: `${pick(f.title)}${f.unit ? `（${pick(f.unit)}）` : ''}`,
    }));
    switch (ind.kind) {
      case 'fixed':
        return html`<div class="grid">${numberField(this, { label: m.points, path: [...p, 'points'], value: ind.points, errors: e, step: '0.01' })}</div>
          <jifen-condition-builder .condition=${ind.conditions} .path=${[...p, 'conditions']} .catalogue=${this.catalogue} .errors=${e}
            label=${m.whenConditionsHold}></jifen-condition-builder>`;
      case 'veto':
        return html`<jifen-condition-builder .condition=${ind.conditions} .path=${[...p, 'conditions']} .catalogue=${this.catalogue} .errors=${e}
          label=${m.vetoWhen}></jifen-condition-builder>`;
      case 'rate':
        return html`<div class="grid">
            ${selectField(this, { label: m.countedFact, path: [...p, 'fact'], value: ind.fact, options: facts, errors: e })}
            ${numberField(this, { label: m.per, path: [...p, 'per'], value: ind.per, errors: e, optional: true, hint: m.perHint })}
            ${numberField(this, { label: m.pointsPerUnit, path: [...p, 'points'], value: ind.points, errors: e, step: '0.01' })}
            ${numberField(this, { label: m.cap, path: [...p, 'cap'], value: ind.cap, errors: e, step: '0.01' })}
          </div>
          ${this.rateSummary(ind)}`;
      case 'deduction':
        return html`<div class="grid">
          ${selectField(this, { label: m.occurrencesFact, path: [...p, 'fact'], value: ind.fact, options: facts, optional: true, emptyLabel: m.onceWhenConditions, errors: e })}
          ${numberField(this, { label: m.pointsPerOccurrence, path: [...p, 'points'], value: ind.points, errors: e, step: '0.01' })}
          ${numberField(this, { label: m.deductionCap, path: [...p, 'cap'], value: ind.cap, errors: e, step: '0.01' })}
        </div>`;
      case 'bands':
        return html`<div class="grid">${selectField(this, { label: m.bandFact, path: [...p, 'fact'], value: ind.fact, options: facts, errors: e })}</div>
          ${this.renderBands(ind.bands)}`;
      case 'tiers':
        return this.renderTiers(ind.tiers);
    }
  }

  /**
   * The rate in one sentence, once its numbers are filled in: a required number left blank is shown as an
   * error at its field (the document holds `null` until then), never as a word in this sentence.
   */
  private rateSummary(ind: Extract<Indicator, { kind: 'rate' }>): TemplateResult | typeof nothing {
    const filled = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (!filled(ind.points) || !filled(ind.cap) || (ind.per !== undefined && !filled(ind.per))) return nothing;
    return html`<p class="small muted" data-testid="rate-summary">${this.i18n.m.rateSummary(ind.per ?? 1, ind.points, ind.cap)}</p>`;
  }

  private renderTiers(tiers: Tier[]): TemplateResult {
    const m = this.i18n.m;
    const listPath = [...this.path, 'tiers'];
    return html`<div class="stack">
      <div class="spread">
        <h3>${m.tiers}</h3>
        <span class="small muted">${m.tiersHelp}</span>
      </div>
      ${fieldErrors(this.errors, listPath)}
      <ol class="tiers">
        ${tiers.map((tier, t) => {
          const tp = [...listPath, t];
          return html`<li class="tier card" data-tier=${tier.id}>
            <div class="spread">
              <h4>${m.tierN(t + 1)}: ${pick(tier.title) || tier.id}</h4>
              ${itemButtons(this, { path: tp, index: t, count: tiers.length, label: pick(tier.title) || tier.id, canRemove: tiers.length > 1 })}
            </div>
            ${fieldErrors(this.errors, tp)}
            <div class="tier-grid">
              ${numberField(this, { label: m.points, path: [...tp, 'points'], value: tier.points, errors: this.errors, step: '0.01' })}
              ${textField(this, { label: m.id, path: [...tp, 'id'], value: tier.id, errors: this.errors })}
            </div>
            ${bilingualField(this, { label: m.title, path: [...tp, 'title'], value: tier.title, errors: this.errors })}
            <jifen-condition-builder .condition=${tier.conditions} .path=${[...tp, 'conditions']} .catalogue=${this.catalogue} .errors=${this.errors}
              label=${m.tierWhen}></jifen-condition-builder>
          </li>`;
        })}
      </ol>
      <button type="button" @click=${() => this.addTier(tiers)}>+ ${m.addTier}</button>
    </div>`;
  }

  private addTier(tiers: Tier[]): void {
    const ids = new Set(tiers.map((t) => t.id));
    let n = tiers.length + 1;
    while (ids.has(`tier${n}`)) n++;
    const last = tiers[tiers.length - 1];
    const tier: Tier = {
      id: `tier${n}`,
      title: { zh: `档次${n}`, en: `Tier ${n}` },
      points: last ? Math.max(0, last.points - 1) : 1,
      conditions: newTopLevel(this.catalogue?.facts ?? []),
    };
    emitEdit(this, { op: 'insert', path: [...this.path, 'tiers', tiers.length], value: tier });
  }

  private renderBands(bands: Band[]): TemplateResult {
    const m = this.i18n.m;
    const listPath = [...this.path, 'bands'];
    return html`<div class="stack">
      <div class="spread"><h3>${m.bands}</h3><span class="small muted">${m.bandsHelp}</span></div>
      ${fieldErrors(this.errors, listPath)}
      <table class="bands">
        <thead><tr><th>#</th><th>${m.bandMin}</th><th>${m.bandMax}</th><th>${m.points}</th><th>${m.bandStep}</th><th><span class="sr-only">${m.actions}</span></th></tr></thead>
        <tbody>
          ${bands.map((band, b) => {
            const bp = [...listPath, b];
            const label = m.bandN(b + 1);
            return html`<tr>
              <td>${b + 1}</td>
              <td>${this.bandCell(bp, 'min', band.min, `${label} ${m.bandMin}`)}</td>
              <td>${this.bandCell(bp, 'max', band.max, `${label} ${m.bandMax}`)}</td>
              <td>${this.bandCell(bp, 'points', band.points, `${label} ${m.points}`, false)}</td>
              <td>${this.bandCell(bp, 'step', band.step, `${label} ${m.bandStep}`)}</td>
              <td>${itemButtons(this, { path: bp, index: b, count: bands.length, label, canRemove: bands.length > 1 })}${fieldErrors(this.errors, bp)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <button type="button" @click=${() => this.addBand(bands)}>+ ${m.addBand}</button>
    </div>`;
  }

  private bandCell(bp: Path, key: 'min' | 'max' | 'points' | 'step', value: number | null | undefined, label: string, optional = true): TemplateResult {
    const path = [...bp, key];
    const bad = (value === null && !optional) || this.errors.has(path.join('.'));
    return html`<input type="number" step="any" aria-label=${label} data-path=${path.join('.')} .value=${value === undefined || value === null ? '' : String(value)}
        placeholder=${optional ? '—' : ''} ?required=${!optional} aria-invalid=${bad ? 'true' : 'false'}
        @input=${(e: Event) => commitNumber(e.target as HTMLInputElement, value, optional, (v) => setAt(this, path, v))} />
      ${numberErrors(this.errors, path, value, optional)}`;
  }

  private addBand(bands: Band[]): void {
    const last = bands[bands.length - 1];
    const min = last?.max !== undefined ? last.max + 1 : (last?.min ?? 0) + 1;
    emitEdit(this, { op: 'insert', path: [...this.path, 'bands', bands.length], value: { min, points: 0 } satisfies Band });
  }

  private renderGate(ind: Indicator): TemplateResult {
    const m = this.i18n.m;
    return html`<jifen-condition-builder optional .condition=${ind.conditions} .path=${[...this.path, 'conditions']} .catalogue=${this.catalogue}
      .errors=${this.errors} label=${ind.kind === 'deduction' && !ind.fact ? m.deductWhen : m.gate}></jifen-condition-builder>`;
  }

  private renderLedger(ind: Indicator): TemplateResult {
    const m = this.i18n.m;
    const p = [...this.path, 'ledger'];
    const ledger = ind.ledger;
    return html`<fieldset>
      <legend>${m.ledger}</legend>
      <div class="row">
        <label class="check"><input type="checkbox" .checked=${Boolean(ledger)}
          @change=${(e: Event) => setAt(this, p, (e.target as HTMLInputElement).checked ? { termYears: 3, exchangeable: false } : undefined)} /><span>${m.ledgerOn}</span></label>
      </div>
      ${ledger
        ? html`<div class="grid">
            ${numberField(this, { label: m.termYears, path: [...p, 'termYears'], value: ledger.termYears, errors: this.errors, step: '1' })}
            ${checkField(this, { label: m.exchangeable, path: [...p, 'exchangeable'], value: ledger.exchangeable, errors: this.errors })}
          </div>`
        : nothing}
      ${fieldErrors(this.errors, p)}
    </fieldset>`;
  }

  private renderReference(path: Path, ref: { document: string; clause?: string } | undefined, label: string): TemplateResult {
    const m = this.i18n.m;
    return html`<fieldset>
      <legend>${label}</legend>
      <div class="grid two">
        ${textField(this, { label: m.refDocument, path: [...path, 'document'], value: ref?.document, errors: this.errors })}
        ${textField(this, { label: m.refClause, path: [...path, 'clause'], value: ref?.clause, optional: true, errors: this.errors })}
      </div>
      ${fieldErrors(this.errors, path)}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-indicator-form': JifenIndicatorForm;
  }
}
