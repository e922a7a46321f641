import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { Draft, RuleSetSummary, User } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { draftLabel } from '../../model/draft-label';
import { href } from '../../model/router';
import { shared } from '../../styles/shared';
import { styles } from './jifen-approvals.styles';

/** The approver's queue: every submitted draft of every rule set, oldest submission first. */
@customElement('jifen-approvals')
export class JifenApprovals extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) user?: User;
  @state() private queue?: { ruleSet: RuleSetSummary; draft: Draft }[];
  @state() private error = '';
  private i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const ruleSets = await api.listRuleSets();
      const lists = await Promise.all(ruleSets.map(async (rs) => (await api.listDrafts(rs.id)).map((draft) => ({ ruleSet: rs, draft }))));
      this.queue = lists
        .flat()
        .filter((x) => x.draft.status === 'submitted')
        .sort((a, b) => (a.draft.submittedAt ?? '').localeCompare(b.draft.submittedAt ?? ''));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const m = this.i18n.m;
    return html`<div class="stack">
      <h1>${m.approvals}</h1>
      <p class="muted">${m.approvalsHelp}</p>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${!this.queue
        ? html`<p class="muted">${m.loading}</p>`
        : this.queue.length === 0
          ? html`<p class="empty">${m.queueEmpty}</p>`
          : html`<table class="card stacked">
              <thead><tr><th>${m.ruleSet}</th><th>${m.draft}</th><th>${m.author}</th><th>${m.submittedAt}</th><th>${m.changeNote}</th><th>${m.testCases}</th><th><span class="sr-only">${m.actions}</span></th></tr></thead>
              <tbody>${this.queue.map(({ ruleSet, draft }) => html`<tr data-draft=${draft.id}>
                <td data-label=${m.ruleSet}>${pick(ruleSet.title)}</td>
                <td class="lead"><strong data-testid="queue-draft-name">${draftLabel(draft)}</strong><div class="small muted">${m.basedOn(draft.baseVersion)} · <span class="mono">${m.draftIdIs(draft.id)}</span></div></td>
                <td data-label=${m.author}>${draft.author}${draft.author === this.user?.username ? html` <span class="badge warn">${m.you}</span>` : nothing}</td>
                <td class="nowrap" data-label=${m.submittedAt}>${formatInstant(draft.submittedAt)}</td>
                <td class="note" data-label=${m.changeNote}>${draft.note || '—'}</td>
                <td data-label=${m.testCases}><span class="badge ${draft.cases?.failed ? 'bad' : 'ok'}">${draft.cases ? `${draft.cases.passed}/${draft.cases.passed + draft.cases.failed}` : '—'}</span></td>
                <td><a class="button small primary" href=${href({ name: 'review', id: ruleSet.id, draft: draft.id })}>${m.review}</a></td>
              </tr>`)}</tbody>
            </table>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-approvals': JifenApprovals;
  }
}
