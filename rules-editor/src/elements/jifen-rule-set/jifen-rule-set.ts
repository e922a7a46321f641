import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { Draft, RuleSetDetail, User } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { draftLabel } from '../../model/draft-label';
import { href } from '../../model/router';
import { canEdit, hasRole } from '../../model/roles';
import { shared } from '../../styles/shared';
import { styles } from './jifen-rule-set.styles';
import '../jifen-new-draft/jifen-new-draft';

/**
 * One rule set: every published version (who, when, why, in force from), its drafts, and the ways in:
 * a new draft from the latest version or from an earlier one (a rollback), comparing versions.
 */
@customElement('jifen-rule-set')
export class JifenRuleSet extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property({ attribute: false }) user?: User;
  @state() private detail?: RuleSetDetail;
  @state() private drafts: Draft[] = [];
  @state() private error = '';
  private i18n = new I18nController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleSetId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.detail = await api.getRuleSet(this.ruleSetId);
      this.drafts = await api.listDrafts(this.ruleSetId).catch(() => []);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const m = this.i18n.m;
    const d = this.detail;
    if (this.error) return html`<p class="notice bad" role="alert">${this.error}</p>`;
    if (!d) return html`<p class="muted">${m.loading}</p>`;
    const editable = canEdit(this.user, d.owner);
    const versions = [...d.versions].sort((a, b) => b.version - a.version);
    return html`<div class="stack">
      <div class="spread">
        <div>
          <a class="small" href=${href({ name: 'home' })}>← ${m.ruleSets}</a>
          <h1>${pick(d.title)}</h1>
          <div class="small muted"><span class="mono">${d.id}</span> · ${m.ownerIs(d.owner)}</div>
        </div>
        <div class="row">
          <a class="button" href=${href({ name: 'compare', id: d.id, from: String(Math.max(1, d.latest.version - 1)), to: String(d.latest.version) })}>${m.compareVersions}</a>
          ${editable ? html`<jifen-new-draft .ruleSetId=${d.id}></jifen-new-draft>` : nothing}
        </div>
      </div>
      <section class="card">
        <h2>${m.publishedVersions}</h2>
        <table class="stacked">
          <thead><tr><th>${m.version}</th><th>${m.effectiveFrom}</th><th>${m.publishedBy}</th><th>${m.publishedAt}</th><th>${m.why}</th><th>${m.hash}</th><th><span class="sr-only">${m.actions}</span></th></tr></thead>
          <tbody>${versions.map((v) => html`<tr data-version=${v.version}>
            <td class="lead"><strong data-testid="version-number">${m.versionN(v.version)}</strong>${v.version === d.latest.version ? html` <span class="badge ok">${m.latest}</span>` : nothing}</td>
            <td data-label=${m.effectiveFrom}>${v.effectiveFrom}</td>
            <td data-label=${m.publishedBy}>${v.publishedBy}${v.approvedBy ? html`<div class="small muted">${m.approvedByX(v.approvedBy)}</div>` : nothing}</td>
            <td class="nowrap" data-label=${m.publishedAt}>${formatInstant(v.publishedAt)}</td>
            <td class="note" data-label=${m.why}>${v.note || '—'}</td>
            <td class="mono small" data-label=${m.hash} title=${v.hash}>${v.hash.slice(0, 10)}</td>
            <td class="row nowrap actions">
              <a class="button small" href=${href({ name: 'version', id: d.id, version: v.version })}>${m.viewTable}</a>
              ${v.version > 1 ? html`<a class="button small" href=${href({ name: 'compare', id: d.id, from: String(v.version - 1), to: String(v.version) })}>${m.whatChanged}</a>` : nothing}
              ${editable && v.version !== d.latest.version ? html`<jifen-new-draft .ruleSetId=${d.id} .fromVersion=${v.version} look="small"></jifen-new-draft>` : nothing}
            </td>
          </tr>`)}</tbody>
        </table>
      </section>
      <section class="card">
        <h2>${m.drafts}</h2>
        ${this.drafts.length === 0
          ? html`<p class="small muted">${m.noOpenDrafts}</p>`
          : html`<table class="stacked">
              <thead><tr><th>${m.draft}</th><th>${m.status}</th><th>${m.author}</th><th>${m.baseVersion}</th><th>${m.updatedAt}</th><th>${m.testCases}</th><th>${m.changeNote}</th><th><span class="sr-only">${m.actions}</span></th></tr></thead>
              <tbody>${this.drafts.map((x) => html`<tr data-draft=${x.id}>
                <td class="lead"><a href=${href({ name: 'draft', id: d.id, draft: x.id })} data-testid="draft-link">${draftLabel(x)}</a><div class="small muted mono">${m.draftIdIs(x.id)}</div></td>
                <td data-label=${m.status}><span class="badge ${x.status === 'rejected' ? 'bad' : x.status === 'published' ? 'ok' : x.status === 'submitted' ? 'warn' : 'info'}">${m.statuses[x.status]}</span>
                  ${x.publishedVersion ? html`<div class="small muted">${m.versionN(x.publishedVersion)}</div>` : nothing}</td>
                <td data-label=${m.author}>${x.author}</td><td data-label=${m.baseVersion}>${m.versionN(x.baseVersion)}</td><td class="nowrap" data-label=${m.updatedAt}>${formatInstant(x.updatedAt)}</td>
                <td data-label=${m.testCases}>${x.cases ? html`<span class="badge ${x.cases.failed ? 'bad' : 'ok'}">${x.cases.passed}/${x.cases.passed + x.cases.failed}</span>` : '—'}</td>
                <td class="note" data-label=${m.changeNote}>${x.note || x.decisionReason || '—'}</td>
                <td>${x.status === 'submitted' && hasRole(this.user, 'approver') ? html`<a class="button small" href=${href({ name: 'review', id: d.id, draft: x.id })}>${m.review}</a>` : nothing}</td>
              </tr>`)}</tbody>
            </table>`}
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-rule-set': JifenRuleSet;
  }
}
