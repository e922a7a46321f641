import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Scenario, TieBreaker } from '../../../../server/src/domain/rule-set/schema';
import { I18nController, pick } from '../../i18n/i18n';
import type { Path } from '../../model/edit';
import { NO_ERRORS, type ErrorIndex } from '../../model/field-errors';
import type { Catalogue } from '../../model/facts';
import { shared } from '../../styles/shared';
import { bilingualField, checkField, emitEdit, fieldErrors, itemButtons, numberField, setAt, textField, type Choice } from '../../ui/fields';
import '../jifen-condition-builder/jifen-condition-builder';
import { styles } from './jifen-scenario-form.styles';

type By = TieBreaker['by'];
const BYS: readonly By[] = ['group', 'category', 'indicator', 'fact'];

/**
 * One scenario (场景应用): who may apply (eligibility over facts and computed scores), which indicators
 * count, the bar, the places and the ordered tie-breakers.
 *
 * @fires jifen-edit - an edit of the document at `path` or below.
 */
@customElement('jifen-scenario-form')
export class JifenScenarioForm extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) scenario?: Scenario;
  @property({ attribute: false }) path: Path = [];
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;

  private i18n = new I18nController(this);

  override render() {
    const sc = this.scenario;
    if (!sc) return nothing;
    const m = this.i18n.m;
    const p = this.path;
    const e = this.errors;
    return html`<div class="stack">
      <div class="spread">
        <h2>${pick(sc.title) || sc.id}</h2>
        <button type="button" class="small danger" @click=${this.removeScenario}>${m.removeScenario}</button>
      </div>
      ${fieldErrors(e, p)}
      ${bilingualField(this, { label: m.title, path: [...p, 'title'], value: sc.title, errors: e })}
      <div class="grid">
        ${numberField(this, { label: m.bar, path: [...p, 'bar'], value: sc.bar, errors: e, step: '0.01' })}
        ${numberField(this, { label: m.places, path: [...p, 'places'], value: sc.places, errors: e, step: '1' })}
        ${textField(this, { label: m.department, path: [...p, 'department'], value: sc.department, errors: e })}
        ${textField(this, { label: m.id, path: [...p, 'id'], value: sc.id, errors: e })}
      </div>
      ${checkField(this, { label: m.childRelated, path: [...p, 'childRelated'], value: sc.childRelated, errors: e })}
      ${this.renderCounted(sc)}
      <jifen-condition-builder optional computed .condition=${sc.eligibility} .path=${[...p, 'eligibility']} .catalogue=${this.catalogue}
        .errors=${e} label=${m.eligibility}></jifen-condition-builder>
      ${this.renderTieBreakers(sc.tieBreakers ?? [])}
      <fieldset>
        <legend>${m.reference}</legend>
        <div class="grid two">
          ${textField(this, { label: m.refDocument, path: [...p, 'reference', 'document'], value: sc.reference?.document, errors: e })}
          ${textField(this, { label: m.refClause, path: [...p, 'reference', 'clause'], value: sc.reference?.clause, optional: true, errors: e })}
        </div>
      </fieldset>
    </div>`;
  }

  private removeScenario = () => {
    const sc = this.scenario;
    if (sc && confirm(this.i18n.m.confirmRemoveScenario(pick(sc.title) || sc.id))) emitEdit(this, { op: 'remove', path: this.path });
  };

  private renderCounted(sc: Scenario): TemplateResult {
    const m = this.i18n.m;
    const path = [...this.path, 'counted'];
    const all = sc.counted === undefined;
    const chosen = new Set(sc.counted ?? []);
    const indicators = (this.catalogue?.indicators ?? []).filter((i) => i.kind !== 'veto');
    const groups = this.catalogue?.groups ?? [];
    return html`<fieldset>
      <legend>${m.counted}</legend>
      <div class="row">
        <label class="check"><input type="radio" name="counted" .checked=${all} @change=${() => setAt(this, path, undefined)} /><span>${m.countedAll}</span></label>
        <label class="check"><input type="radio" name="counted" .checked=${!all}
          @change=${() => setAt(this, path, indicators.map((i) => i.id))} /><span>${m.countedSome}</span></label>
      </div>
      ${all
        ? nothing
        : html`<div class="counted">
            ${groups.map((g) => {
              const inGroup = indicators.filter((i) => i.group === g.id);
              if (inGroup.length === 0) return nothing;
              return html`<div role="group" aria-label=${pick(g.title)}>
                <div class="label">${pick(g.title)}</div>
                ${inGroup.map(
                  (i) => html`<label class="check"><input type="checkbox" .checked=${chosen.has(i.id)} data-indicator=${i.id}
                    @change=${(ev: Event) => {
                      const on = (ev.target as HTMLInputElement).checked;
                      setAt(this, path, indicators.map((x) => x.id).filter((id) => (id === i.id ? on : chosen.has(id))));
                    }} /><span>${pick(i.title)}</span></label>`,
                )}
              </div>`;
            })}
          </div>`}
      ${fieldErrors(this.errors, path)}
      ${(sc.counted ?? []).map((_, c) => fieldErrors(this.errors, [...path, c]))}
    </fieldset>`;
  }

  private targets(by: By): Choice[] {
    const c = this.catalogue;
    if (!c) return [];
    switch (by) {
      case 'group':
        return c.groups.map((g) => ({ value: g.id, label: pick(g.title) }));
      case 'category':
        return c.categories.map((id) => ({ value: id, label: id }));
      case 'indicator':
        return c.indicators.map((i) => ({ value: i.id, label: pick(i.title) }));
      case 'fact':
        return c.facts
          .filter((f) => f.type === 'integer' || f.type === 'number' || f.type === 'date')
          .map((f) => ({ value: f.id, label: pick(f.title) }));
    }
  }

  private renderTieBreakers(list: TieBreaker[]): TemplateResult {
    const m = this.i18n.m;
    const listPath = [...this.path, 'tieBreakers'];
    return html`<fieldset>
      <legend>${m.tieBreakers}</legend>
      <p class="small muted">${m.tieBreakersHelp}</p>
      <ol class="tie-breakers">
        ${list.map((tb, t) => {
          const tp = [...listPath, t];
          const target = tb.by === 'group' ? tb.group : tb.by === 'category' ? tb.category : tb.by === 'indicator' ? tb.indicator : tb.fact;
          const label = m.tieBreakerN(t + 1);
          return html`<li class="tie-breaker">
            <span class="n">${t + 1}</span>
            <label class="field"><span>${m.tieBy}</span>
              <select aria-label=${`${label} ${m.tieBy}`} @change=${(e: Event) => this.changeBy(tp, (e.target as HTMLSelectElement).value as By)}>
                ${BYS.map((b) => html`<option value=${b} ?selected=${b === tb.by}>${m.tieBys[b]}</option>`)}
              </select></label>
            <label class="field"><span>${m.tieTarget}</span>
              <select aria-label=${`${label} ${m.tieTarget}`} data-path=${[...tp, tb.by].join('.')} @change=${(e: Event) => setAt(this, [...tp, tb.by], (e.target as HTMLSelectElement).value)}>
                ${this.targets(tb.by).some((o) => o.value === target) ? nothing : html`<option selected value=${target}>${target}</option>`}
                ${this.targets(tb.by).map((o) => html`<option value=${o.value} ?selected=${o.value === target}>${o.label}</option>`)}
              </select></label>
            <label class="field"><span>${m.tieOrder}</span>
              <select aria-label=${`${label} ${m.tieOrder}`} @change=${(e: Event) => setAt(this, [...tp, 'order'], (e.target as HTMLSelectElement).value)}>
                <option value="desc" ?selected=${(tb.order ?? (tb.by === 'fact' ? 'asc' : 'desc')) === 'desc'}>${tb.by === 'fact' ? m.orderDescFact : m.orderDesc}</option>
                <option value="asc" ?selected=${(tb.order ?? (tb.by === 'fact' ? 'asc' : 'desc')) === 'asc'}>${tb.by === 'fact' ? m.orderAscFact : m.orderAsc}</option>
              </select></label>
            ${itemButtons(this, { path: tp, index: t, count: list.length, label })}
            <div class="errors">${fieldErrors(this.errors, tp)}${fieldErrors(this.errors, [...tp, tb.by])}</div>
          </li>`;
        })}
      </ol>
      <button type="button" class="small" @click=${() => this.addTieBreaker(list)}>+ ${m.addTieBreaker}</button>
      ${fieldErrors(this.errors, listPath)}
    </fieldset>`;
  }

  private changeBy(path: Path, by: By): void {
    const first = this.targets(by)[0]?.value ?? '';
    const order = by === 'fact' ? 'asc' : 'desc';
    const value = { by, [by]: first, order } as TieBreaker;
    setAt(this, path, value);
  }

  private addTieBreaker(list: TieBreaker[]): void {
    const group = this.catalogue?.groups[0]?.id ?? '';
    emitEdit(this, { op: 'insert', path: [...this.path, 'tieBreakers', list.length], value: { by: 'group', group, order: 'desc' } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-scenario-form': JifenScenarioForm;
  }
}
