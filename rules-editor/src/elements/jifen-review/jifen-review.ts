import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { Diff, Draft, User, VersionMeta } from '../../api/types';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { wroteDraft } from '../../../../server/src/domain/drafts/draft';
import { earliestEffectiveFrom, effectiveFromProblems, proposedEffectiveFrom, type EffectiveFromContext } from '../../../../server/src/domain/drafts/effective-from';
import { effectiveContext } from '../../model/effective-date';
import { buildCatalogue, type Catalogue } from '../../model/facts';
import { localMessage } from '../../model/field-errors';
import { draftLabel } from '../../model/draft-label';
import { href } from '../../model/router';
import { shared } from '../../styles/shared';
import '../jifen-change-password/jifen-change-password';
import '../jifen-diff-view/jifen-diff-view';
import '../jifen-impact/jifen-impact';
import '../jifen-test-cases/jifen-test-cases';
import { styles } from './jifen-review.styles';
import { ledgerTitles } from '../../model/ledger-titles';

/**
 * An approver's view of a submitted draft: the change note, what changed against the version it was based
 * on and what that would do to the population (impact), its test results, and the decision — approve with the date it takes effect, or reject with a reason.
 * An author cannot approve their own draft (four eyes).
 */
@customElement('jifen-review')
export class JifenReview extends LitElement {
  static override styles = [shared, styles];

  @property() ruleSetId = '';
  @property() draftId = '';
  @property({ attribute: false }) user?: User;

  @state() private draft?: Draft;
  @state() private diff?: Diff;
  /** The titles of what the draft includes, so its test results name included groups and indicators too. */
  @state() private catalogue?: Catalogue;
  @state() private error = '';
  @state() private published?: VersionMeta;
  @state() private busy = false;
  @state() private withdrawn = false;
  /** The server refused the decision because an admin set this account's password. */
  @state() private mustChangePassword = false;
  @state() private passwordChanged = false;
  /** Today and the latest published version's date: what the effective date is checked against. */
  @state() private effective?: EffectiveFromContext;
  /** A problem with a field of the decision (the effective date, the reason), in the editor's own words. */
  @state() private fieldError: { field: 'effectiveFrom' | 'reason'; text: string } | undefined;
  private i18n = new I18nController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleSetId') || changed.has('draftId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const { draft } = await api.getDraft(this.ruleSetId, this.draftId);
      this.draft = draft;
      const [diff, ruleSet] = await Promise.all([api.diff(this.ruleSetId, String(draft.baseVersion), `draft:${draft.id}`), api.getRuleSet(this.ruleSetId)]);
      this.diff = diff;
      this.effective = effectiveContext(ruleSet.versions);
      const included = await Promise.all((draft.document.includes ?? []).map(async (inc) => (await api.getVersion(inc.ruleSetId, inc.version)).document));
      this.catalogue = buildCatalogue(draft.document, included);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async decide(event: SubmitEvent, decision: 'approve' | 'reject'): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = '';
    this.fieldError = undefined;
    // The editor's own message at the field, by the rule the server applies, before anything is sent.
    const effectiveFrom = String(data.get('effectiveFrom') ?? '');
    const reason = String(data.get('reason') ?? '').trim();
    const dateProblem = decision === 'approve' && this.effective ? effectiveFromProblems(effectiveFrom, this.effective)[0] : undefined;
    if (dateProblem) this.fieldError = { field: 'effectiveFrom', text: localMessage(dateProblem) };
    else if (decision === 'reject' && !reason) this.fieldError = { field: 'reason', text: this.i18n.m.reasonRequired };
    if (this.fieldError) {
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    try {
      if (decision === 'approve') {
        const note = String(data.get('note') ?? '').trim();
        const result = await api.approve(this.ruleSetId, this.draftId, effectiveFrom, note || undefined);
        this.draft = result.draft;
        this.published = result.version;
      } else {
        this.draft = await api.reject(this.ruleSetId, this.draftId, reason);
      }
    } catch (error) {
      const date = error instanceof ApiError ? error.fields.find((f) => f.path === 'effectiveFrom') : undefined;
      if (date) {
        this.fieldError = { field: 'effectiveFrom', text: localMessage(date) };
        return;
      }
      this.mustChangePassword = error instanceof ApiError && error.status === 403 && error.fields.some((f) => f.path === 'password');
      this.error = this.mustChangePassword ? this.i18n.m.passwordSetByAdmin : error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const m = this.i18n.m;
    const d = this.draft;
    if (!d) return this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : html`<p class="muted">${m.loading}</p>`;
    // Only what this person may do: someone who wrote the draft may withdraw it, never decide on it (four eyes).
    const own = !!this.user && wroteDraft(d, this.user.username);
    const approver = this.user?.roles.includes('approver') ?? false;
    const failing = (d.cases?.failed ?? 0) > 0;
    const open = d.status === 'submitted';
    return html`<div class="stack">
      <div>
        <a class="small" href=${href({ name: 'approvals' })}>← ${m.approvals}</a>
        <div class="small muted">${pick(d.document.title)} · <span class="mono">${m.draftIdIs(d.id)}</span></div>
        <h1><span data-testid="review-draft-name">${draftLabel(d)}</span> <span class="badge info">${m.statuses[d.status]}</span></h1>
        <div class="small muted" data-testid="review-meta">${d.submittedAt ? html`${m.submittedBy(d.author, formatInstant(d.submittedAt))} · ` : nothing}${m.draftMeta(d.baseVersion, d.author, formatInstant(d.updatedAt))}</div>
      </div>
      <section class="card"><h2>${m.changeNote}</h2><p class="note">${d.note || '—'}</p></section>
      ${this.published ? html`<p class="notice ok" role="status" data-testid="published">${m.publishedAs(this.published.version, this.published.effectiveFrom)}
        <a href=${href({ name: 'ruleSet', id: this.ruleSetId })}>${m.versionsAndDrafts}</a></p>` : nothing}
      ${d.status === 'rejected' ? html`<p class="notice bad" role="status">${m.rejectedNotice(d.decidedBy ?? '', d.decisionReason ?? '')}</p>` : nothing}
      ${d.status === 'published' ? html`<section class="notice ok" data-testid="approval"><p>${m.approvedNotice(d.decidedBy ?? '', formatInstant(d.decidedAt))}</p>
        ${d.decisionReason ? html`<p><strong>${m.approverNote}：</strong><span class="note">${d.decisionReason}</span></p>` : nothing}</section>` : nothing}
      ${this.withdrawn ? html`<p class="notice ok" role="status">${m.withdrawn}</p>` : nothing}
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${this.mustChangePassword
        ? html`<jifen-change-password
            @jifen-password-changed=${() => {
              this.mustChangePassword = false;
              this.passwordChanged = true;
              this.error = '';
            }}
          ></jifen-change-password>`
        : nothing}
      ${this.passwordChanged ? html`<p class="notice ok" role="status">${m.passwordChanged}</p>` : nothing}
      <jifen-impact class="card" .ruleSetId=${this.ruleSetId} .draftId=${d.id} .ledgerTitles=${ledgerTitles(d.document)}></jifen-impact>
      <div class="columns">
        <section class="card"><h2>${m.whatChanged}</h2>${this.diff ? html`<jifen-diff-view .diff=${this.diff}></jifen-diff-view>` : html`<p class="muted">${m.loading}</p>`}</section>
        <div class="stack">
          ${open && own ? this.renderOwn() : open && approver ? this.renderDecision(failing) : nothing}
          <section class="card"><jifen-test-cases readonly compact .cases=${d.document.cases ?? []} .results=${d.cases} .doc=${d.document} .catalogue=${this.catalogue}></jifen-test-cases></section>
        </div>
      </div>
    </div>`;
  }

  /** The author's own submission: no decision to make here, only the way to take it back. */
  private renderOwn() {
    const m = this.i18n.m;
    const mayWithdraw = this.user?.roles.includes('editor') ?? false;
    return html`<section class="card stack decision" aria-labelledby="decision-title" data-testid="own-submission">
      <h2 id="decision-title">${m.decision}</h2>
      <p class="notice warn">${m.waitingForOther}</p>
      ${mayWithdraw
        ? html`<p class="small muted">${m.withdrawHelp}</p>
            <button type="button" data-testid="withdraw" ?disabled=${this.busy} @click=${this.withdraw}>${m.withdraw}</button>`
        : nothing}
    </section>`;
  }

  private withdraw = async () => {
    this.busy = true;
    this.error = '';
    try {
      this.draft = await api.withdraw(this.ruleSetId, this.draftId);
      this.withdrawn = true;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  };

  private renderDecision(failing: boolean) {
    const m = this.i18n.m;
    const ctx = this.effective;
    const bad = (field: 'effectiveFrom' | 'reason') => this.fieldError?.field === field;
    const errorAt = (field: 'effectiveFrom' | 'reason') =>
      bad(field) ? html`<div class="field-error" id=${`${field}-error`} role="alert" data-testid=${`${field}-error`}>${this.fieldError!.text}</div>` : nothing;
    return html`<section class="card stack decision" aria-labelledby="decision-title">
      <h2 id="decision-title">${m.decision}</h2>
      ${failing ? html`<p class="notice bad">${m.failingCasesBlock}</p>` : nothing}
      <form class="stack" novalidate @submit=${(e: SubmitEvent) => this.decide(e, 'approve')}>
        <label class="field"><span>${m.effectiveFrom}</span><input type="date" name="effectiveFrom" min=${ctx ? earliestEffectiveFrom(ctx) : nothing}
            .value=${ctx ? proposedEffectiveFrom(ctx) : ''} data-testid="effective-from" aria-invalid=${bad('effectiveFrom') ? 'true' : 'false'}
            aria-describedby=${bad('effectiveFrom') ? 'effectiveFrom-error' : nothing} />
          ${ctx ? html`<span class="small muted">${m.effectiveFromEarliest(earliestEffectiveFrom(ctx))}</span>` : nothing} ${errorAt('effectiveFrom')}</label>
        <label class="field"><span>${m.approvalNote}</span><input name="note" maxlength="2000" /></label>
        <button type="submit" class="primary" data-testid="approve" ?disabled=${failing || this.busy}>${m.approveAndPublish}</button>
      </form>
      <form class="stack reject" novalidate @submit=${(e: SubmitEvent) => this.decide(e, 'reject')}>
        <label class="field"><span>${m.rejectReason}</span><textarea name="reason" rows="3" maxlength="2000" aria-required="true"
            aria-invalid=${bad('reason') ? 'true' : 'false'} aria-describedby=${bad('reason') ? 'reason-error' : nothing}></textarea>${errorAt('reason')}</label>
        <button type="submit" class="danger" ?disabled=${this.busy}>${m.reject}</button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-review': JifenReview;
  }
}
