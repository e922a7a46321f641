import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { IndicatorKind, RuleSet } from '../../../../server/src/domain/rule-set/schema';
import type { CaseSummary } from '../../api/types';
import { I18nController, pick } from '../../i18n/i18n';
import { NO_ERRORS, countUnder, type ErrorIndex } from '../../model/field-errors';
import type { Catalogue } from '../../model/facts';
import { freshId, INDICATOR_KINDS, newIndicator, newScenario } from '../../model/templates';
import { shared } from '../../styles/shared';
import { emitEdit } from '../../ui/fields';
import { styles } from './jifen-draft-nav.styles';

/** A part of the draft the editor shows. */
export type Section =
  | { name: 'general' }
  | { name: 'groups' }
  | { name: 'table' }
  | { name: 'indicator'; index: number }
  | { name: 'scenario'; index: number }
  | { name: 'cases' }
  | { name: 'json' };

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-select': CustomEvent<Section>;
  }
}

/**
 * The draft's table of contents: general, groups, each indicator and scenario (with how many errors each
 * has), test cases and the JSON view; adds indicators and scenarios.
 *
 * @fires jifen-select - a section was chosen.
 * @fires jifen-edit - an indicator or scenario was added.
 */
@customElement('jifen-draft-nav')
export class JifenDraftNav extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) doc?: RuleSet;
  @property({ attribute: false }) catalogue?: Catalogue;
  @property({ attribute: false }) errors: ErrorIndex = NO_ERRORS;
  @property({ attribute: false }) section: Section = { name: 'general' };
  @property({ attribute: false }) cases?: CaseSummary;
  @property({ type: Boolean }) readonly = false;

  @state() private adding: 'indicator' | 'scenario' | null = null;
  @query('dialog') private dialog?: HTMLDialogElement;

  private i18n = new I18nController(this);

  private select(section: Section): void {
    this.dispatchEvent(new CustomEvent('jifen-select', { detail: section, bubbles: true, composed: true }));
  }

  private item(label: string, section: Section, count: number, extra: unknown = nothing) {
    const s = this.section;
    const current = s.name === section.name && ('index' in s ? s.index : -1) === ('index' in section ? section.index : -1);
    return html`<li>
      <button type="button" class="nav-item ${current ? 'current' : ''}" aria-current=${current ? 'true' : 'false'} @click=${() => this.select(section)}>
        <span class="label" title=${label}>${label}</span>${extra}
        ${count > 0 ? html`<span class="badge bad" title=${this.i18n.m.errorsCount(count)}>${count}</span>` : nothing}
      </button>
    </li>`;
  }

  override render() {
    const m = this.i18n.m;
    const doc = this.doc;
    if (!doc) return nothing;
    const e = this.errors;
    const included = (this.catalogue?.indicators ?? []).filter((i) => i.from);
    const failed = this.cases?.failed ?? 0;
    return html`<nav aria-label=${m.draftSections}>
      <ul>
        ${this.item(m.general, { name: 'general' }, countUnder(e, ['title']) + countUnder(e, ['reference']) + countUnder(e, ['owner']) + countUnder(e, ['includes']))}
        ${this.item(m.groupsAndCaps, { name: 'groups' }, countUnder(e, ['groups']))}
        ${this.item(m.scoreTable, { name: 'table' }, 0)}
      </ul>
      <h3>${m.indicators} <span class="muted">${(doc.indicators ?? []).length}</span></h3>
      ${included.length ? html`<p class="small muted included">${m.includedIndicators(included.length)}</p>` : nothing}
      <ul>
        ${(doc.indicators ?? []).map((ind, i) =>
          this.item(pick(ind.title) || ind.id, { name: 'indicator', index: i }, countUnder(e, ['indicators', i]), html`<span class="kind">${m.kinds[ind.kind]}</span>`),
        )}
      </ul>
      ${this.readonly ? nothing : html`<button type="button" class="small add" @click=${() => this.open('indicator')}>+ ${m.addIndicator}</button>`}
      <h3>${m.scenarios} <span class="muted">${(doc.scenarios ?? []).length}</span></h3>
      <ul>
        ${(doc.scenarios ?? []).map((sc, i) => this.item(pick(sc.title) || sc.id, { name: 'scenario', index: i }, countUnder(e, ['scenarios', i])))}
      </ul>
      ${this.readonly ? nothing : html`<button type="button" class="small add" @click=${() => this.open('scenario')}>+ ${m.addScenario}</button>`}
      <ul class="end">
        ${this.item(
          m.testCases,
          { name: 'cases' },
          countUnder(e, ['cases']),
          this.cases ? html`<span class="badge ${failed ? 'bad' : 'ok'}">${failed ? m.casesFailed(failed) : m.casesPassed(this.cases.passed)}</span>` : nothing,
        )}
        ${this.item(m.advancedJson, { name: 'json' }, 0)}
      </ul>
    </nav>
    ${this.renderDialog()}`;
  }

  private open(what: 'indicator' | 'scenario'): void {
    this.adding = what;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private renderDialog() {
    const m = this.i18n.m;
    const groups = this.catalogue?.groups ?? [];
    const kind = this.adding === 'indicator';
    return html`<dialog aria-labelledby="add-title" @close=${() => (this.adding = null)}>
      <form method="dialog" class="stack" @submit=${this.add}>
        <h2 id="add-title">${kind ? m.addIndicator : m.addScenario}</h2>
        ${kind
          ? html`<label class="field"><span>${m.kind}</span>
                <select name="kind">${INDICATOR_KINDS.map((k) => html`<option value=${k}>${m.kinds[k]} — ${m.kindHelp[k]}</option>`)}</select></label>
              <label class="field"><span>${m.group}</span>
                <select name="group">${groups.filter((g) => !g.from).concat(groups.filter((g) => g.from)).map((g) => html`<option value=${g.id}>${pick(g.title)}</option>`)}</select></label>`
          : nothing}
        <div class="grid two">
          <label class="field"><span>${m.titleZh}</span><input name="zh" required lang="zh-CN" /></label>
          <label class="field"><span>${m.titleEn}</span><input name="en" required lang="en" /></label>
        </div>
        <label class="field"><span>${m.id}</span><input name="id" required pattern="[a-z][A-Za-z0-9_\\-]{0,63}" /><span class="small muted">${m.idHint}</span></label>
        <div class="actions">
          <button type="button" @click=${() => this.dialog?.close()}>${m.cancel}</button>
          <button type="submit" class="primary">${m.add}</button>
        </div>
      </form>
    </dialog>`;
  }

  private add = (event: SubmitEvent) => {
    const doc = this.doc;
    const catalogue = this.catalogue;
    if (!doc || !catalogue) return;
    const data = new FormData(event.target as HTMLFormElement);
    const title = { zh: String(data.get('zh') ?? ''), en: String(data.get('en') ?? '') };
    if (this.adding === 'indicator') {
      const taken = [...catalogue.indicators.map((i) => i.id)];
      const id = freshId(String(data.get('id') ?? ''), taken);
      const indicator = newIndicator({ kind: data.get('kind') as IndicatorKind, id, title, group: String(data.get('group') ?? '') }, doc, catalogue);
      const index = (doc.indicators ?? []).length;
      emitEdit(this, { op: 'insert', path: ['indicators', index], value: indicator });
      this.select({ name: 'indicator', index });
    } else {
      const id = freshId(String(data.get('id') ?? ''), (doc.scenarios ?? []).map((s) => s.id));
      const index = (doc.scenarios ?? []).length;
      emitEdit(this, { op: 'insert', path: ['scenarios', index], value: newScenario(id, title, doc) });
      this.select({ name: 'scenario', index });
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-draft-nav': JifenDraftNav;
  }
}
