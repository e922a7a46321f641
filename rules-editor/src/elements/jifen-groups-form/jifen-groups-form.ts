import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Group, RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { formatPoints, I18nController, pick } from '../../i18n/i18n';
import { NO_ERRORS, type ErrorIndex } from '../../model/field-errors';
import type { Catalogue } from '../../model/facts';
import { freshId } from '../../model/templates';
import { shared } from '../../styles/shared';
import { bilingualField, emitEdit, fieldErrors, itemButtons, numberField, textField } from '../../ui/fields';
import { styles } from './jifen-groups-form.styles';

/**
 * Groups and their caps (provincial ≤ 100, district ≤ 200…). Groups of included rule sets are shown but
 * cannot be changed here: they belong to the rule set that defines them.
 *
 * @fires jifen-edit - an edit of the document.
 */
@customElement('jifen-groups-form')
export class JifenGroupsForm extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) doc?: RuleSet;
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;

  private i18n = new I18nController(this);

  override render() {
    const doc = this.doc;
    if (!doc) return nothing;
    const m = this.i18n.m;
    const groups = doc.groups ?? [];
    const included = (this.catalogue?.groups ?? []).filter((g) => g.from);
    return html`<div class="stack">
      <h2>${m.groupsAndCaps}</h2>
      <p class="muted small">${m.groupsHelp}</p>
      ${fieldErrors(this.errors, ['groups'])}
      ${included.length
        ? html`<table>
            <caption class="sr-only">${m.includedGroups}</caption>
            <thead><tr><th>${m.includedGroups}</th><th>${m.from}</th></tr></thead>
            <tbody>${included.map((g) => html`<tr><td>${pick(g.title)} <span class="muted mono">${g.id}</span></td><td>${g.from}</td></tr>`)}</tbody>
          </table>`
        : nothing}
      ${groups.map((g, i) => this.renderGroup(g, i, groups.length))}
      <button type="button" @click=${this.addGroup}>+ ${m.addGroup_}</button>
    </div>`;
  }

  private renderGroup(g: Group, i: number, count: number) {
    const m = this.i18n.m;
    const p = ['groups', i];
    return html`<section class="card stack" aria-label=${pick(g.title) || g.id}>
      <div class="spread">
        <h3>${pick(g.title) || g.id} · ${m.capOf(formatPoints(g.cap))}</h3>
        ${itemButtons(this, { path: p, index: i, count, label: pick(g.title) || g.id })}
      </div>
      ${fieldErrors(this.errors, p)}
      ${bilingualField(this, { label: m.title, path: [...p, 'title'], value: g.title, errors: this.errors })}
      <div class="grid">
        ${numberField(this, { label: m.groupCap, path: [...p, 'cap'], value: g.cap, errors: this.errors, step: '0.01', testId: `group-cap-${g.id}` })}
        ${textField(this, { label: m.id, path: [...p, 'id'], value: g.id, errors: this.errors })}
        ${textField(this, { label: m.refDocument, path: [...p, 'reference', 'document'], value: g.reference?.document, errors: this.errors })}
        ${textField(this, { label: m.refClause, path: [...p, 'reference', 'clause'], value: g.reference?.clause, optional: true, errors: this.errors })}
      </div>
    </section>`;
  }

  private addGroup = () => {
    const doc = this.doc;
    if (!doc) return;
    const taken = (this.catalogue?.groups ?? []).map((g) => g.id);
    const group: Group = {
      id: freshId('group', taken),
      title: { zh: '新分组', en: 'New group' },
      cap: 100,
      reference: { document: doc.reference?.document ?? '' },
    };
    emitEdit(this, { op: 'insert', path: ['groups', (doc.groups ?? []).length], value: group });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-groups-form': JifenGroupsForm;
  }
}
