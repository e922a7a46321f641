import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { I18nController, pick } from '../../i18n/i18n';
import {
  children,
  formatTypedValue,
  groupKind,
  isLeaf,
  isNot,
  operatorsFor,
  parseTypedValue,
  switchGroup,
  withFact,
  withOperator,
  type Condition,
  type ConditionValue,
  type FactCondition,
  type GroupKind,
  type Operator,
} from '../../model/condition';
import { pathKey, type Path } from '../../model/edit';
import { NO_ERRORS, type ErrorIndex } from '../../model/field-errors';
import { factsFor, LIST_OPERATORS, type Catalogue, type FactOption } from '../../model/facts';
import { shared } from '../../styles/shared';
import { commitNumber, emitEdit, fieldErrors, numberErrors, setAt } from '../../ui/fields';
import { completeCondition, pendingWithFact, type PendingCondition } from '../../model/pending-condition';
import { styles } from './jifen-condition-builder.styles';

/** Deepest all/any/not nesting the server accepts. */
const MAX_DEPTH = 8;

/**
 * Builds a json-rules-engine condition without JSON: nested "all" / "any" groups and "not", each leaf a
 * fact chosen from the rule set's facts, an operator valid for that fact's type and a value typed for it.
 *
 * @fires jifen-edit - an edit of the document at `path` or below.
 */
@customElement('jifen-condition-builder')
export class JifenConditionBuilder extends LitElement {
  static override styles = [shared, styles];

  /** The condition; undefined when there is none yet. */
  @property({ attribute: false }) condition?: Condition;
  /** Where the condition sits in the document. */
  @property({ attribute: false }) path: Path = [];
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;
  /** Scenario eligibility may also read computed scores. */
  @property({ type: Boolean }) computed = false;
  /** The condition may be absent (the indicator or scenario then always applies). */
  @property({ type: Boolean }) optional = false;
  @property() label = '';

  /** Conditions started but not finished, by the list they will join (see `PendingCondition`). */
  @state() private pending = new Map<string, PendingCondition[]>();

  private i18n = new I18nController(this);

  private get facts(): FactOption[] {
    return this.catalogue ? factsFor(this.catalogue, this.computed) : [];
  }

  private fact(id: string): FactOption | undefined {
    return this.facts.find((f) => f.id === id);
  }

  override render() {
    const m = this.i18n.m;
    const c = this.condition;
    return html`<fieldset class="builder">
      <legend>${this.label || m.conditions}</legend>
      ${c === undefined
        ? html`<div class="row none">
              <span class="muted">${m.noConditions}</span>
              <button type="button" class="small" @click=${() => this.start(this.topKey)}>+ ${m.addConditions}</button>
            </div>
            ${this.renderPendingList(this.topKey, (c) => setAt(this, this.path, { all: [c] }))}`
        : html`${this.renderNode(c, this.path, 1, true)}
          ${this.optional
            ? html`<div class="row"><button type="button" class="small ghost" @click=${() => setAt(this, this.path, undefined)}>${m.removeAllConditions}</button></div>`
            : nothing}`}
      ${fieldErrors(this.errors, this.path)}
    </fieldset>`;
  }

  private renderNode(c: Condition, path: Path, depth: number, top: boolean): TemplateResult {
    if (isLeaf(c)) {
      // A rule's top level must be a group; wrap a stray leaf so that it can be edited.
      return top ? this.renderGroup({ all: [c] }, path, depth, top) : this.renderLeaf(c, path);
    }
    if (isNot(c)) return this.renderNot(c, path, depth, top);
    return this.renderGroup(c, path, depth, top);
  }

  private renderGroup(c: Condition, path: Path, depth: number, top: boolean): TemplateResult {
    const m = this.i18n.m;
    const kind = groupKind(c) ?? 'all';
    const items = children(c);
    const listPath = [...path, kind];
    const canNest = depth < MAX_DEPTH;
    return html`<div class="group ${kind}" role="group" aria-label=${kind === 'all' ? m.matchAll : m.matchAny}>
      <div class="group-head row">
        <label class="sr-only" for=${`k-${path.join('-')}`}>${m.groupKind}</label>
        <select id=${`k-${path.join('-')}`} class="kind" @change=${(e: Event) => setAt(this, path, switchGroup(c, (e.target as HTMLSelectElement).value as GroupKind))}>
          <option value="all" ?selected=${kind === 'all'}>${m.matchAll}</option>
          <option value="any" ?selected=${kind === 'any'}>${m.matchAny}</option>
        </select>
        <span class="spacer"></span>
        <button type="button" class="small" @click=${() => this.start(pathKey(listPath))}>+ ${m.addCondition}</button>
        <button type="button" class="small" ?disabled=${!canNest} @click=${() => this.start(pathKey(listPath), 'any')}>+ ${m.addGroup}</button>
        <button type="button" class="small" ?disabled=${!canNest} @click=${() => this.start(pathKey(listPath), 'not')}>+ ${m.addNot}</button>
        ${top ? nothing : html`<button type="button" class="small icon danger" aria-label=${m.removeGroup} title=${m.removeGroup} @click=${() => emitEdit(this, { op: 'remove', path })}>✕</button>`}
      </div>
      <ol class="items">
        ${items.map((child, i) => html`<li>${this.renderNode(child, [...listPath, i], depth + 1, false)}</li>`)}
      </ol>
      ${this.renderPendingList(pathKey(listPath), (c) => emitEdit(this, { op: 'insert', path: [...listPath, items.length], value: c }))}
      ${items.length === 0 ? html`<p class="field-error">${m.emptyGroup}</p>` : nothing} ${fieldErrors(this.errors, listPath)}
    </div>`;
  }

  private renderNot(c: { not: Condition }, path: Path, depth: number, top: boolean): TemplateResult {
    const m = this.i18n.m;
    return html`<div class="group not" role="group" aria-label=${m.notLabel}>
      <div class="group-head row">
        <strong class="not-label">${m.notLabel}</strong>
        <span class="spacer"></span>
        ${isLeaf(c.not)
          ? html`<button type="button" class="small" @click=${() => setAt(this, [...path, 'not'], { all: [c.not] })}>${m.makeGroup}</button>`
          : nothing}
        ${top ? nothing : html`<button type="button" class="small icon danger" aria-label=${m.removeGroup} title=${m.removeGroup} @click=${() => emitEdit(this, { op: 'remove', path })}>✕</button>`}
      </div>
      <div class="items">${this.renderNode(c.not, [...path, 'not'], depth + 1, false)}</div>
    </div>`;
  }

  /** The facts a condition may read, grouped by where they come from. */
  private factOptions(selected: string): TemplateResult[] {
    const m = this.i18n.m;
    const groups: [string, FactOption[]][] = [
      [m.factsInput, this.facts.filter((f) => f.origin === 'input')],
      [m.factsDerived, this.facts.filter((f) => f.origin === 'derived')],
      [m.factsComputed, this.facts.filter((f) => f.origin === 'computed')],
    ];
    return groups
      .filter(([, list]) => list.length > 0)
      .map(([label, list]) => html`<optgroup label=${label}>
          ${list.map((f) => html`<option value=${f.id} ?selected=${f.id === selected}>${pick(f.title)}${f.unit ? `（${pick(f.unit)}）` : ''}</option>`)}
        </optgroup>`);
  }

  private renderLeaf(leaf: FactCondition, path: Path): TemplateResult {
    const m = this.i18n.m;
    const fact = this.fact(leaf.fact);
    const operators = operatorsFor(fact);
    const where = path.join('.');
    return html`<div class="leaf" data-path=${where}>
      <div class="leaf-row">
        <select class="fact" aria-label=${m.fact} data-path=${`${where}.fact`}
          aria-invalid=${this.errors.has(`${where}.fact`) ? 'true' : 'false'}
          @change=${(e: Event) => setAt(this, path, withFact(leaf, this.fact((e.target as HTMLSelectElement).value)))}>
          ${fact ? nothing : html`<option value=${leaf.fact} selected>${leaf.fact || m.chooseFact}</option>`}
          ${this.factOptions(leaf.fact)}
        </select>
        <select class="operator" aria-label=${m.operator} data-path=${`${where}.operator`}
          aria-invalid=${this.errors.has(`${where}.operator`) ? 'true' : 'false'}
          @change=${(e: Event) => setAt(this, path, withOperator(leaf, fact, (e.target as HTMLSelectElement).value as Operator))}>
          ${operators.includes(leaf.operator) ? nothing : html`<option value=${leaf.operator} selected>${leaf.operator}</option>`}
          ${operators.map((op) => html`<option value=${op} ?selected=${op === leaf.operator}>${m.operators[op]}</option>`)}
        </select>
        <div class="value ${LIST_OPERATORS.has(leaf.operator) && fact?.values ? 'wide' : ''}">${this.renderValue(leaf, fact, [...path, 'value'], (v) => setAt(this, [...path, 'value'], v))}</div>
        <button type="button" class="small icon danger remove" aria-label=${m.removeCondition} title=${m.removeCondition}
          @click=${() => emitEdit(this, { op: 'remove', path })}>✕</button>
      </div>
      ${fieldErrors(this.errors, [...path, 'fact'])} ${fieldErrors(this.errors, [...path, 'operator'])}
      ${leaf.value === null ? nothing : fieldErrors(this.errors, [...path, 'value'])}
      ${Array.isArray(leaf.value) ? leaf.value.map((_, i) => fieldErrors(this.errors, [...path, 'value', i])) : nothing}
      ${fieldErrors(this.errors, path)}
    </div>`;
  }

  private renderValue(
    leaf: { operator: Operator; value?: ConditionValue },
    fact: FactOption | undefined,
    path: Path,
    set: (value: ConditionValue) => void,
  ): TemplateResult {
    const m = this.i18n.m;
    const list = LIST_OPERATORS.has(leaf.operator);
    const invalid = this.errors.has(path.join('.')) ? 'true' : 'false';
    const type = fact?.type;
    const unset = leaf.value === undefined;
    if ((type === 'enum' || type === 'enum-list') && fact?.values) {
      if (list) {
        const chosen = new Set((Array.isArray(leaf.value) ? leaf.value : unset ? [] : [leaf.value]).map(String));
        return html`<fieldset class="choices" aria-invalid=${invalid}>
          <legend class="sr-only">${m.value}</legend>
          ${fact.values.map(
            (v) => html`<label class="check">
              <input type="checkbox" .checked=${chosen.has(v.id)} data-value=${v.id}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  set(fact.values!.map((x) => x.id).filter((id) => (id === v.id ? on : chosen.has(id))));
                }} />
              <span>${pick(v.title)}</span>
            </label>`,
          )}
        </fieldset>`;
      }
      return html`<select aria-label=${m.value} aria-invalid=${invalid} data-path=${path.join('.')} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${unset ? html`<option value="" selected disabled>${m.chooseValue}</option>` : fact.values.some((v) => v.id === leaf.value) ? nothing : html`<option value=${String(leaf.value)} selected>${String(leaf.value)}</option>`}
        ${fact.values.map((v) => html`<option value=${v.id} ?selected=${v.id === leaf.value}>${pick(v.title)}</option>`)}
      </select>`;
    }
    if (type === 'boolean') {
      return html`<select aria-label=${m.value} aria-invalid=${invalid} data-path=${path.join('.')} @change=${(e: Event) => set((e.target as HTMLSelectElement).value === 'true')}>
        ${unset ? html`<option value="" selected disabled>${m.chooseValue}</option>` : nothing}
        <option value="true" ?selected=${leaf.value === true}>${m.yes}</option>
        <option value="false" ?selected=${leaf.value === false}>${m.no}</option>
      </select>`;
    }
    if (type === 'date' && !list) {
      return html`<input type="date" aria-label=${m.value} aria-invalid=${invalid} data-path=${path.join('.')} .value=${unset ? '' : String(leaf.value)}
        @change=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
    }
    if ((type === 'integer' || type === 'number') && !list) {
      const current = typeof leaf.value === 'number' ? leaf.value : leaf.value === null ? null : undefined;
      const blank = leaf.value === null;
      return html`<input type="number" step="any" aria-label=${m.value} aria-invalid=${blank ? 'true' : invalid} data-path=${path.join('.')}
        .value=${typeof leaf.value === 'number' ? String(leaf.value) : ''}
        @input=${(e: Event) => commitNumber(e.target as HTMLInputElement, current, unset, (v) => v !== undefined && set(v as ConditionValue))} />${fact?.unit ? html`<span class="unit muted">${pick(fact.unit)}</span>` : nothing}
        ${unset ? nothing : numberErrors(this.errors, path, current, false)}`;
    }
    return html`<input type="text" aria-label=${list ? m.valueList : m.value} aria-invalid=${invalid} data-path=${path.join('.')}
      placeholder=${list ? m.valueListHint : ''}
      .value=${unset ? '' : formatTypedValue(leaf.value!)}
      @change=${(e: Event) => set(parseTypedValue((e.target as HTMLInputElement).value, fact, leaf.operator))} />`;
  }

  /** The key of the pending conditions that would become the whole condition when it has none. */
  private get topKey(): string {
    return `${pathKey(this.path)}#top`;
  }

  private start(key: string, wrap?: PendingCondition['wrap']): void {
    const next = new Map(this.pending);
    next.set(key, [...(next.get(key) ?? []), wrap ? { wrap } : {}]);
    this.pending = next;
  }

  private updatePending(key: string, index: number, p: PendingCondition | undefined, done?: (c: Condition) => void): void {
    const list = [...(this.pending.get(key) ?? [])];
    const finished = p ? completeCondition(p, this.fact(p.fact ?? '')) : undefined;
    if (!p || finished) list.splice(index, 1);
    else list[index] = p;
    const next = new Map(this.pending);
    if (list.length) next.set(key, list);
    else next.delete(key);
    this.pending = next;
    if (finished) done?.(finished);
  }

  /** Conditions started under one list: each joins the document once complete, through `done`. */
  private renderPendingList(key: string, done: (c: Condition) => void): TemplateResult | typeof nothing {
    const list = this.pending.get(key);
    if (!list?.length) return nothing;
    const m = this.i18n.m;
    return html`${list.map((p, i) => {
      const fact = p.fact ? this.fact(p.fact) : undefined;
      const update = (next: PendingCondition | undefined) => this.updatePending(key, i, next, done);
      return html`<div class="leaf pending" data-pending=${key} role="group" aria-label=${m.newCondition}>
        <div class="small muted pending-label">${p.wrap === 'any' ? `${m.matchAny} · ` : p.wrap === 'not' ? `${m.notLabel} · ` : ''}${m.newCondition}</div>
        <div class="leaf-row">
          <select class="fact" aria-label=${m.fact} aria-invalid=${fact ? 'false' : 'true'} @change=${(e: Event) => update(pendingWithFact(p, this.fact((e.target as HTMLSelectElement).value)))}>
            <option value="" ?selected=${!fact} disabled>${m.chooseFactFirst}</option>
            ${this.factOptions(p.fact ?? '')}
          </select>
          <select class="operator" aria-label=${m.operator} ?disabled=${!fact} aria-invalid=${p.operator ? 'false' : 'true'}
            @change=${(e: Event) => update({ ...p, operator: (e.target as HTMLSelectElement).value as Operator, value: undefined })}>
            <option value="" ?selected=${!p.operator} disabled>${m.chooseOperator}</option>
            ${operatorsFor(fact).map((op) => html`<option value=${op} ?selected=${op === p.operator}>${m.operators[op]}</option>`)}
          </select>
          <div class="value ${p.operator && LIST_OPERATORS.has(p.operator) && fact?.values ? 'wide' : ''}">
            ${fact && p.operator ? this.renderValue({ operator: p.operator, value: p.value }, fact, [key, i, 'value'], (v) => update({ ...p, value: v })) : nothing}
          </div>
          <button type="button" class="small icon remove" aria-label=${m.cancelNewCondition} title=${m.cancelNewCondition} @click=${() => update(undefined)}>✕</button>
        </div>
      </div>`;
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-condition-builder': JifenConditionBuilder;
  }
}
