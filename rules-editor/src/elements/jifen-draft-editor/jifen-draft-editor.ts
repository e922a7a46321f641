import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { api, ApiError } from '../../api/client';
import type { Draft, User } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { sectionOf } from '../../model/describe';
import { indexErrors } from '../../model/field-errors';
import { buildCatalogue, type Catalogue } from '../../model/facts';
import { wroteDraft } from '../../../../server/src/domain/drafts/draft';
import { canEdit } from '../../model/roles';
import { href, setLeaveGuard } from '../../model/router';
import { shared } from '../../styles/shared';
import '../jifen-conflict-dialog/jifen-conflict-dialog';
import type { ConflictResolution, JifenConflictDialog } from '../jifen-conflict-dialog/jifen-conflict-dialog';
import '../jifen-draft-nav/jifen-draft-nav';
import '../jifen-draft-title/jifen-draft-title';
import type { Section } from '../jifen-draft-nav/jifen-draft-nav';
import '../jifen-general-form/jifen-general-form';
import '../jifen-impact/jifen-impact';
import '../jifen-groups-form/jifen-groups-form';
import '../jifen-indicator-form/jifen-indicator-form';
import '../jifen-json-view/jifen-json-view';
import '../jifen-preview/jifen-preview';
import '../jifen-scenario-form/jifen-scenario-form';
import '../jifen-test-cases/jifen-test-cases';
import '../jifen-workbook-buttons/jifen-workbook-buttons';
import { findField } from '../../ui/find-field';
import { DraftSync } from './draft-sync';
import { SubmitFlow } from './submit-dialog';
import { effectiveContext } from '../../model/effective-date';
import { proposedEffectiveFrom } from '../../../../server/src/domain/drafts/effective-from';
import { errorSummary, mergedNotice, removedNotice, saveState, undoButtons } from './edit-status';
import { styles } from './jifen-draft-editor.styles';

/**
 * The draft editor: the rule set in forms (general, groups, indicators, scenarios, test cases, JSON),
 * validated and saved as the user types, with the live preview beside it; submits the draft for approval.
 * Unsaved work is guarded when leaving, and a conflicting save is resolved by the user.
 */
@customElement('jifen-draft-editor')
export class JifenDraftEditor extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property() draftId = '';
  @property({ attribute: false }) user?: User;

  @state() private included: RuleSet[] = [];
  @state() private proposedEffectiveFrom?: string;
  @state() private section: Section = { name: 'general' };
  @state() private loadError = '';
  @state() private showPreview = true;
  @state() private runningCases = false;
  @query('jifen-conflict-dialog') private conflictDialog?: JifenConflictDialog;
  @query('#leave-dialog') private leaveDialog?: HTMLDialogElement;

  private sync = new DraftSync(this);
  private submission = new SubmitFlow(this, this.sync, {
    ruleSetId: () => this.ruleSetId,
    draftId: () => this.draftId,
    openCases: () => (this.section = { name: 'cases' }),
  });
  private i18n = new I18nController(this);
  private catalogueFor?: { doc: RuleSet; included: RuleSet[]; catalogue: Catalogue };
  private leaveAnswer?: (leave: boolean) => void;

  override connectedCallback(): void {
    super.connectedCallback();
    setLeaveGuard(this.guard);
    window.addEventListener('beforeunload', this.beforeUnload);
    // On the window: the shortcuts work wherever the focus is, the page's body included.
    window.addEventListener('keydown', this.onKey);
    // Leaving a field ends its undo step: the next edit there is a step of its own.
    this.addEventListener('focusout', () => this.sync.history.seal());
    this.addEventListener('jifen-edit', this.onEdit);
    this.addEventListener('jifen-select', this.onSelect);
    this.addEventListener('jifen-run-cases', this.onRunCases);
    this.addEventListener('jifen-draft-replaced', (e) => this.sync.reset(e.detail.draft, e.detail.etag));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setLeaveGuard(null);
    window.removeEventListener('beforeunload', this.beforeUnload);
    window.removeEventListener('keydown', this.onKey);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleSetId') || changed.has('draftId')) void this.load();
  }

  override updated(): void {
    if (this.sync.status === 'conflict' && this.sync.conflict && !this.conflictShown) {
      this.conflictShown = true;
      void this.conflictDialog?.show();
    }
    if (this.sync.status !== 'conflict') this.conflictShown = false;
  }
  private conflictShown = false;

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      const { draft, etag } = await api.getDraft(this.ruleSetId, this.draftId);
      this.sync.reset(draft, etag);
      const includes = draft.document.includes ?? [];
      this.included = await Promise.all(includes.map(async (inc) => (await api.getVersion(inc.ruleSetId, inc.version)).document));
      this.proposedEffectiveFrom = proposedEffectiveFrom(effectiveContext((await api.getRuleSet(this.ruleSetId)).versions));
    } catch (error) {
      this.loadError = error instanceof ApiError ? error.message : String(error);
    }
  }

  private get readonly(): boolean {
    const d = this.sync.draft;
    return !d || d.status === 'submitted' || d.status === 'published' || !canEdit(this.user, d.document.owner);
  }

  private get catalogue(): Catalogue | undefined {
    const doc = this.sync.doc;
    if (!doc) return undefined;
    const c = this.catalogueFor;
    if (c && c.doc === doc && c.included === this.included) return c.catalogue;
    const catalogue = buildCatalogue(doc, this.included);
    this.catalogueFor = { doc, included: this.included, catalogue };
    return catalogue;
  }

  private onEdit = (event: CustomEvent) => {
    event.stopPropagation();
    if (this.readonly) return;
    this.sync.edit(event.detail);
  };

  private onSelect = (event: CustomEvent<Section>) => {
    this.section = event.detail;
  };

  private onRunCases = async () => {
    this.runningCases = true;
    try {
      await this.sync.runCases();
    } finally {
      this.runningCases = false;
    }
  };

  private onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 's') {
      event.preventDefault();
      void this.sync.flush();
    } else if ((key === 'z' || key === 'y') && !this.readonly && !this.inDialog(event)) {
      // The draft's own undo, over every field, instead of the browser's undo inside one text box.
      event.preventDefault();
      if (key === 'y' || event.shiftKey) this.sync.redo();
      else this.sync.undo();
    }
  };

  private inDialog(event: Event): boolean {
    return event.composedPath().some((n) => n instanceof HTMLDialogElement);
  }

  private beforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.sync.dirty) return;
    event.preventDefault();
    event.returnValue = '';
  };

  /** Asked by the router before leaving: stays, saves or discards when work is unsaved. */
  private guard = async (): Promise<boolean> => {
    if (!this.sync.dirty) return true;
    this.leaveDialog?.showModal();
    return new Promise<boolean>((resolve) => (this.leaveAnswer = resolve));
  };

  private async answerLeave(choice: 'save' | 'discard' | 'stay'): Promise<void> {
    const answer = this.leaveAnswer;
    this.leaveAnswer = undefined;
    if (choice === 'save') {
      const saved = await this.sync.flush();
      this.leaveDialog?.close();
      answer?.(saved);
      return;
    }
    this.leaveDialog?.close();
    answer?.(choice === 'discard');
  }

  private async resolveConflict(resolution: ConflictResolution): Promise<void> {
    if (resolution.choice === 'reload') this.sync.reload();
    else if (resolution.choice === 'merge') await this.sync.resolve(resolution.choices);
    else this.sync.postpone();
  }

  override render() {
    const m = this.i18n.m;
    if (this.loadError) return html`<p class="notice bad" role="alert">${this.loadError}</p>`;
    const draft = this.sync.draft;
    const doc = this.sync.doc;
    if (!draft || !doc) return html`<p class="muted">${m.loading}</p>`;
    const errors = indexErrors(this.sync.errors);
    const catalogue = this.catalogue;
    return html`
      <header class="head">
        <div class="title">
          <a href=${href({ name: 'ruleSet', id: this.ruleSetId })}>${pick(doc.title)}</a>
          <jifen-draft-title .draft=${draft} etag=${this.sync.etag} ?editable=${canEdit(this.user, draft.document.owner)} @jifen-draft-renamed=${(e: CustomEvent<Draft>) => this.sync.takeIn(e.detail)}></jifen-draft-title>
        </div>
        <div class="row">
          ${saveState(this.sync, () => void this.conflictDialog?.show())}
          <button type="button" class="small" @click=${() => (this.showPreview = !this.showPreview)} aria-pressed=${this.showPreview ? 'true' : 'false'}>${m.preview}</button>
          <a class="button small" href=${href({ name: 'compare', id: this.ruleSetId, from: String(draft.baseVersion), to: `draft:${draft.id}` })}>${m.compareWithPublished}</a>
          <jifen-workbook-buttons .ruleSetId=${this.ruleSetId} .draftId=${this.draftId} .etag=${this.sync.etag} ?dirty=${this.sync.dirty} ?readonly=${this.readonly}></jifen-workbook-buttons>
          ${this.readonly ? nothing : html`${undoButtons(this.sync)}
            <button type="button" class="small" @click=${() => this.sync.flush()} ?disabled=${!this.sync.dirty}>${m.saveNow}</button>
            ${this.submission.openButton()}`}
        </div>
      </header>
      ${this.renderNotices()}
      ${errorSummary(doc, this.sync.errors, (path) => void this.goTo(path))}
      <div class="layout ${this.showPreview ? 'with-preview' : ''}">
        <jifen-draft-nav class="nav" .doc=${doc} .catalogue=${catalogue} .errors=${errors} .section=${this.section} .cases=${this.sync.cases}
          ?readonly=${this.readonly}></jifen-draft-nav>
        <main class="main card" ?inert=${this.readonly && this.section.name !== 'json' && this.section.name !== 'cases' && this.section.name !== 'table'}>${this.renderSection(doc, catalogue, errors)}</main>
        ${this.showPreview
          ? html`<aside class="side card"><jifen-preview ruleSetId=${this.ruleSetId} draftId=${this.draftId} .revision=${draft.revision} .baseVersion=${draft.baseVersion}
              .catalogue=${catalogue} .cases=${doc.cases ?? []} ?pending=${this.sync.dirty} ?readonly=${this.readonly}></jifen-preview></aside>`
          : nothing}
      </div>
      <jifen-conflict-dialog .mine=${doc} .current=${this.sync.conflict} .conflicts=${this.sync.conflicts}
        @jifen-conflict-resolve=${(e: CustomEvent<ConflictResolution>) => this.resolveConflict(e.detail)}></jifen-conflict-dialog>
      ${this.submission.render()} ${this.renderLeaveDialog()}`;
  }

  private renderNotices(): TemplateResult | typeof nothing {
    const m = this.i18n.m;
    const d = this.sync.draft!;
    if (d.status === 'rejected') return html`<p class="notice bad">${m.rejectedNotice(d.decidedBy ?? '', d.decisionReason ?? '')}</p>`;
    if (d.status === 'submitted') {
      const mine = !!this.user && wroteDraft(d, this.user.username) && canEdit(this.user, d.document.owner);
      return html`<p class="notice" data-testid="submitted-notice">${m.submittedNotice(formatInstant(d.submittedAt))}
        ${mine ? html`<button type="button" class="small" data-testid="withdraw" @click=${this.withdraw}>${m.withdraw}</button>` : nothing}</p>`;
    }
    if (d.status === 'published') return html`<p class="notice ok">${m.publishedNotice(d.publishedVersion ?? 0)}</p>`;
    if (this.readonly) return html`<p class="notice">${m.readonlyNotice}</p>`;
    return html`${mergedNotice(this.sync)}${removedNotice(this.sync)}`;
  }

  private withdraw = async () => {
    try {
      const draft = await api.withdraw(this.ruleSetId, this.draftId);
      this.sync.reset(draft, `"${draft.id}-${draft.revision}"`);
    } catch (error) {
      this.loadError = error instanceof ApiError ? error.message : String(error);
    }
  };

  /** "前往": opens the part of the draft that holds the field, then scrolls to it and focuses it. */
  private async goTo(path: string): Promise<void> {
    this.section = sectionOf(path);
    await this.updateComplete;
    const main = this.renderRoot.querySelector('main');
    const field = main ? await findField(main, path) : undefined;
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }

  private renderSection(doc: RuleSet, catalogue: Catalogue | undefined, errors: ReturnType<typeof indexErrors>): TemplateResult {
    const s = this.section;
    switch (s.name) {
      case 'general':
        return html`<jifen-general-form .doc=${doc} .errors=${errors} .proposedEffectiveFrom=${this.proposedEffectiveFrom}></jifen-general-form>`;
      case 'groups':
        return html`<jifen-groups-form .doc=${doc} .catalogue=${catalogue} .errors=${errors}></jifen-groups-form>`;
      case 'table':
        // The table is loaded when first opened, keeping the editor's first load small.
        void import('../jifen-score-table/jifen-score-table');
        return html`<jifen-score-table .doc=${doc} .included=${this.included} .errors=${errors} ?readonly=${this.readonly}></jifen-score-table>`;
      case 'indicator': {
        const ind = doc.indicators?.[s.index];
        return ind
          ? html`<jifen-indicator-form .indicator=${ind} .path=${['indicators', s.index]} .catalogue=${catalogue} .errors=${errors}></jifen-indicator-form>`
          : html`<p class="muted">${this.i18n.m.nothingSelected}</p>`;
      }
      case 'scenario': {
        const sc = doc.scenarios?.[s.index];
        return sc
          ? html`<jifen-scenario-form .scenario=${sc} .path=${['scenarios', s.index]} .catalogue=${catalogue} .errors=${errors}></jifen-scenario-form>`
          : html`<p class="muted">${this.i18n.m.nothingSelected}</p>`;
      }
      case 'cases':
        return html`<jifen-test-cases .cases=${doc.cases ?? []} .results=${this.sync.cases} .errors=${errors} .doc=${doc} .catalogue=${catalogue} ?running=${this.runningCases}
          ?readonly=${this.readonly}></jifen-test-cases>`;
      case 'json':
        return html`<jifen-json-view .doc=${doc} .errors=${this.sync.errors} ?validating=${this.sync.status === 'validating'} ?readonly=${this.readonly}></jifen-json-view>`;
    }
  }

  private renderLeaveDialog(): TemplateResult {
    const m = this.i18n.m;
    return html`<dialog id="leave-dialog" aria-labelledby="leave-title" @cancel=${(e: Event) => { e.preventDefault(); void this.answerLeave('stay'); }}>
      <h2 id="leave-title">${m.leaveTitle}</h2>
      <p>${m.leaveText}</p>
      <div class="actions">
        <button type="button" @click=${() => this.answerLeave('stay')}>${m.stay}</button>
        <button type="button" class="danger" @click=${() => this.answerLeave('discard')}>${m.discardAndLeave}</button>
        <button type="button" class="primary" @click=${() => this.answerLeave('save')}>${m.saveAndLeave}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-draft-editor': JifenDraftEditor;
  }
}
