import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { Draft, RuleSetSummary, User } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { draftLabel } from '../../model/draft-label';
import { href } from '../../model/router';
import { canEdit } from '../../model/roles';
import { shared } from '../../styles/shared';
import { styles } from './jifen-rule-sets.styles';
import '../jifen-new-draft/jifen-new-draft';

/**
 * The start screen: every rule set with its version in force (who published it, when, why, from which
 * date) and its open drafts; editors start a new draft here.
 */
@customElement('jifen-rule-sets')
export class JifenRuleSets extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) user?: User;
  @state() private ruleSets?: RuleSetSummary[];
  @state() private drafts = new Map<string, Draft[]>();
  @state() private error = '';
  private i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await api.listRuleSets();
      this.ruleSets = list;
      const pairs = await Promise.all(list.map(async (rs) => [rs.id, await api.listDrafts(rs.id).catch(() => [])] as const));
      this.drafts = new Map(pairs);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const m = this.i18n.m;
    return html`<div class="stack">
      <div class="spread"><h1>${m.ruleSets}</h1></div>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${!this.ruleSets ? html`<p class="muted">${m.loading}</p>` : this.ruleSets.length === 0 ? html`<p class="empty">${m.noRuleSets}</p>` : nothing}
      <div class="list">
        ${(this.ruleSets ?? []).map((rs) => {
          const open = (this.drafts.get(rs.id) ?? []).filter((d) => d.status !== 'published');
          const v = rs.latest;
          return html`<article class="card" aria-labelledby=${`rs-${rs.id}`}>
            <div class="spread">
              <div>
                <h2 id=${`rs-${rs.id}`}><a href=${href({ name: 'ruleSet', id: rs.id })}>${pick(rs.title)}</a></h2>
                <div class="small muted"><span class="mono">${rs.id}</span> · ${m.ownerIs(rs.owner)}</div>
              </div>
              <div class="row">
                <a class="button" href=${href({ name: 'ruleSet', id: rs.id })}>${m.versionsAndDrafts}</a>
                ${canEdit(this.user, rs.owner) ? html`<jifen-new-draft .ruleSetId=${rs.id}></jifen-new-draft>` : nothing}
              </div>
            </div>
            <dl class="meta">
              <dt>${m.latestVersion}</dt><dd><strong>${m.versionN(v.version)}</strong></dd>
              <dt>${m.effectiveFrom}</dt><dd>${v.effectiveFrom}</dd>
              <dt>${m.publishedBy}</dt><dd>${v.publishedBy}${v.approvedBy ? html` · ${m.approvedByX(v.approvedBy)}` : nothing}</dd>
              <dt>${m.publishedAt}</dt><dd>${formatInstant(v.publishedAt)}</dd>
              <dt>${m.why}</dt><dd>${v.note || '—'}</dd>
            </dl>
            <h3>${m.openDrafts} <span class="muted">${open.length}</span></h3>
            ${open.length === 0
              ? html`<p class="small muted">${m.noOpenDrafts}</p>`
              : html`<ul class="drafts">${open.map((d) => html`<li>
                  <a href=${href({ name: 'draft', id: rs.id, draft: d.id })} data-testid="draft-link">${draftLabel(d)}</a>
                  <span class="badge ${d.status === 'rejected' ? 'bad' : d.status === 'submitted' ? 'warn' : 'info'}">${m.statuses[d.status]}</span>
                  <span class="small muted">${m.draftMeta(d.baseVersion, d.author, formatInstant(d.updatedAt))}</span>
                </li>`)}</ul>`}
          </article>`;
        })}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-rule-sets': JifenRuleSets;
  }
}
