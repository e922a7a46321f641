import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { AuditEntry, AuditQuery, AuditVerification, Draft } from '../../api/types';
import { en } from '../../i18n/en';
import { formatInstant, I18nController, pick } from '../../i18n/i18n';
import { downloadCsv } from '../../model/export-file';
import { zh } from '../../i18n/zh';
import { showValue } from '../../model/describe';
import { draftLabel } from '../../model/draft-label';
import { changeOfOperation, placeOfOperation, savesAfter, type PatchOperation, type RecordedSave } from '../../model/patch-words';
import { shared } from '../../styles/shared';
import { styles } from './jifen-audit.styles';
import '../jifen-audit-checkpoint/jifen-audit-checkpoint';

const PAGE = 50;

/**
 * The action code for what was typed into the filter: an internal code, or the label the trail shows for it
 * (in Chinese or English, whichever language is on).
 */
export function actionCode(typed: string | undefined): string | undefined {
  if (!typed) return undefined;
  for (const catalogue of [zh, en]) {
    const found = Object.entries(catalogue.auditActions).find(([, label]) => label === typed);
    if (found) return found[0];
  }
  return typed;
}

/** The JSON Patch a `draft-edited` entry records: which field each save changed (and, when recorded, what it `was`). */
function patchOf(details: unknown): (PatchOperation & { was?: unknown })[] {
  const patch = (details as { patch?: unknown } | null)?.patch;
  return Array.isArray(patch) ? patch.filter((op): op is PatchOperation => typeof op?.path === 'string' && typeof op?.op === 'string') : [];
}

/** A `draft-edited` entry as the naming of its pointers needs it (cut short when it says how many operations it had). */
function recordedSave(e: AuditEntry): RecordedSave {
  return { seq: e.seq, before: e.before, after: e.after, patch: patchOf(e.details), complete: (e.details as { patchOps?: unknown } | null)?.patchOps === undefined };
}

/** The rule set and draft an entry's target names (`rule-set:district-sample/draft:k3x9`), if it names one. */
function draftOf(target: string): { ruleSetId: string; key: string } | undefined {
  const match = /^rule-set:([^/]+)\/draft:([a-z0-9]+)$/.exec(target);
  return match ? { ruleSetId: match[1]!, key: `${match[1]}/${match[2]}` } : undefined;
}

/** Why a `draft-decision-refused` entry's decision was refused, in both languages. */
function refusalOf(details: unknown): { zh: string; en: string } | undefined {
  const d = details as { reason?: unknown; reasonZh?: unknown } | null;
  return d && typeof d.reason === 'string' ? { en: d.reason, zh: typeof d.reasonZh === 'string' ? d.reasonZh : d.reason } : undefined;
}

/** A `draft-renamed` entry's old and new name. */
function renameOf(details: unknown): { from: string | null; to: string } | undefined {
  const d = details as { from?: unknown; to?: unknown } | null;
  return d && typeof d.to === 'string' ? { from: typeof d.from === 'string' ? d.from : null, to: d.to } : undefined;
}

/**
 * The audit trail for auditors: every state-changing action with its actor, time, target and the content
 * hashes before and after, filtered and paged; and a check that the hash chain is intact.
 */
@customElement('jifen-audit')
export class JifenAudit extends LitElement {
  static override styles = [shared, styles];

  @state() private entries: AuditEntry[] = [];
  @state() private cursor?: string | null;
  @state() private filter: AuditQuery = {};
  @state() private verification?: AuditVerification;
  @state() private error = '';
  @state() private busy = false;
  @state() private exporting = false;
  /** Drafts the entries name, by `ruleSetId/draftId`: the trail shows each by its name. */
  @state() private drafts = new Map<string, Draft>();
  /**
   * Every save of each draft the entries name, by target, read after the drafts themselves: a save's
   * pointers are named in the draft's document only when no later save could have moved what they point at.
   */
  @state() private saves = new Map<string, RecordedSave[]>();
  private i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(true);
  }

  private async load(fresh: boolean): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const page = await api.audit({ ...this.filter, limit: PAGE, ...(fresh || !this.cursor ? {} : { cursor: this.cursor }) });
      this.entries = fresh ? page.entries : [...this.entries, ...page.entries];
      this.cursor = page.nextCursor;
      if (fresh) {
        this.drafts = new Map();
        this.saves = new Map();
      }
      void this.loadDraftNames(page.entries);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private async loadDraftNames(entries: readonly AuditEntry[]): Promise<void> {
    const known = new Set([...this.drafts.values()].map((d) => d.ruleSetId));
    const wanted = new Set(entries.flatMap((e) => draftOf(e.target)?.ruleSetId ?? []).filter((id) => !known.has(id)));
    if (wanted.size > 0) {
      const lists = await Promise.all([...wanted].map((id) => api.listDrafts(id).catch(() => [])));
      this.drafts = new Map([...this.drafts, ...lists.flat().map((d) => [`${d.ruleSetId}/${d.id}`, d] as const)]);
    }
    await this.loadSaves(entries);
  }

  /** The saves of each draft whose edits the entries show (the newest 500; an older save's pointers stay raw). */
  private async loadSaves(entries: readonly AuditEntry[]): Promise<void> {
    const targets = new Set(entries.filter((e) => e.action === 'draft-edited' && !this.saves.has(e.target)).map((e) => e.target));
    if (targets.size === 0) return;
    const found = await Promise.all([...targets].map(async (target) => {
      const page = await api.audit({ target, action: 'draft-edited', limit: 500 }).catch(() => undefined);
      return [target, (page?.entries ?? []).filter((e) => e.target === target).map(recordedSave)] as const;
    }));
    this.saves = new Map([...this.saves, ...found]);
  }

  /** Each operation of a save as 指标「志愿服务」 › 分值：1 → 2 over its raw pointer, or the raw pointer alone where it cannot be named. */
  private patchList(e: AuditEntry) {
    const ops = patchOf(e.details);
    if (ops.length === 0) return nothing;
    const m = this.i18n.m;
    const draft = this.drafts.get(draftOf(e.target)?.key ?? '');
    const saves = this.saves.get(e.target);
    const later = draft && saves ? savesAfter(recordedSave(e), saves) : undefined;
    const naming = { lang: this.i18n.lang, fields: m.fieldNames, item: m.itemN };
    const words = { added: m.patchAdded, removed: m.patchRemoved, show: showValue };
    return html`<ul class="patch small" data-testid="patch">${ops.slice(0, 5).map((op) => {
      const where = placeOfOperation(draft?.document, op, later, naming);
      const change = changeOfOperation(op, words);
      return where
        ? html`<li data-testid="patch-op"><span class="where" title=${op.path}>${where}</span>${m.patchSeparator}<span class="change">${change}</span><code class="pointer">${op.path}</code></li>`
        : html`<li data-testid="patch-op"><code>${op.path}</code> <span class="change">${change}</span></li>`;
    })}${ops.length > 5 ? html`<li class="muted">${m.patchMore(ops.length - 5)}</li>` : nothing}</ul>`;
  }

  private applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const get = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    this.filter = { actor: get('actor'), action: actionCode(get('action')), target: get('target'), from: get('from'), to: get('to') };
    void this.load(true);
  }

  /** Every entry the filter finds (all pages, not only those shown), as CSV for the record. */
  private async exportCsv(): Promise<void> {
    const m = this.i18n.m;
    this.exporting = true;
    try {
      const rows: (string | number | null)[][] = [];
      let cursor: string | undefined;
      do {
        const page = await api.audit({ ...this.filter, limit: 500, ...(cursor ? { cursor } : {}) });
        for (const e of page.entries) {
          rows.push([e.seq, e.at, e.actor, m.auditActions[e.action] ?? e.action, e.target, e.before ?? null, e.after ?? null, e.details === undefined || e.details === null ? null : JSON.stringify(e.details)]);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      downloadCsv(m.auditFileName, [m.auditColumns, ...rows]);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.exporting = false;
    }
  }

  private async verify(): Promise<void> {
    this.verification = undefined;
    try {
      this.verification = await api.verifyAudit();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private targetName(target: string) {
    const draft = this.drafts.get(draftOf(target)?.key ?? '');
    return draft ? html`<div class="draft-name" data-testid="target-draft">${draftLabel(draft)}</div>` : nothing;
  }

  private renamed(e: AuditEntry) {
    const names = e.action === 'draft-renamed' ? renameOf(e.details) : undefined;
    if (names) return html`<div data-testid="renamed">${this.i18n.m.renamedFromTo(names.from ?? this.i18n.m.unnamed, names.to)}</div>`;
    // Why a decision was refused, as the person who tried was told it.
    const refused = e.action === 'draft-decision-refused' ? refusalOf(e.details) : undefined;
    return refused ? html`<div data-testid="refused-because">${this.i18n.m.refusedTold(pick(refused))}</div>` : nothing;
  }

  override render() {
    const m = this.i18n.m;
    const v = this.verification;
    // After a check that found problems, the entries it names are marked where they are listed: an altered
    // entry shows what it says now, which is not what was recorded.
    const broken = new Map(v && !v.ok ? v.problems.map((p) => [p.seq, p.kind] as const) : []);
    return html`<div class="stack">
      <div class="spread">
        <h1>${m.auditTrail}</h1>
        <button type="button" class="primary" data-testid="verify" @click=${this.verify}>${m.verifyChain}</button>
      </div>
      ${v
        ? v.ok
          ? html`<p class="notice ok" role="status" data-testid="verify-result">${m.chainOk(v.count)}</p>`
          : html`<div class="notice bad" role="alert" data-testid="verify-result"><strong>${m.chainBroken(v.count)}</strong>
              <ul>${v.problems.map((p) => html`<li>#${p.seq} · ${m.problemKinds[p.kind] ?? p.kind} — ${pick({ zh: p.messageZh ?? p.message, en: p.message })}</li>`)}</ul></div>`
        : nothing}
      <jifen-audit-checkpoint></jifen-audit-checkpoint>
      <form class="card filters" @submit=${this.applyFilter} aria-label=${m.filter}>
        <label class="field"><span>${m.actor}</span><input name="actor" .value=${this.filter.actor ?? ''} /></label>
        <label class="field"><span>${m.action}</span><input name="action" list="audit-actions" .value=${this.filter.action ? (m.auditActions[this.filter.action] ?? this.filter.action) : ''} />
          <datalist id="audit-actions">${Object.values(m.auditActions).map((label) => html`<option value=${label}></option>`)}</datalist></label>
        <label class="field"><span>${m.target}</span><input name="target" .value=${this.filter.target ?? ''} /></label>
        <label class="field"><span>${m.fromDate}</span><input type="date" name="from" .value=${this.filter.from ?? ''} /></label>
        <label class="field"><span>${m.toDate}</span><input type="date" name="to" .value=${this.filter.to ?? ''} /></label>
        <button type="submit">${m.filter}</button>
        <button type="button" data-testid="audit-csv" ?disabled=${this.exporting} @click=${this.exportCsv}>${this.exporting ? m.exporting : m.exportCsv}</button>
      </form>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      <table class="card entries stacked">
        <thead><tr><th>#</th><th>${m.time}</th><th>${m.actor}</th><th>${m.action}</th><th>${m.target}</th><th>${m.hashes}</th><th>${m.details}</th></tr></thead>
        <tbody>${this.entries.map((e) => html`<tr data-seq=${e.seq} class=${broken.has(e.seq) ? 'broken' : ''}>
          <td class="num lead seq">${e.seq}${broken.has(e.seq) ? html`<div class="badge bad" data-testid="entry-broken">${m.problemKinds[broken.get(e.seq)!] ?? broken.get(e.seq)}</div>` : nothing}</td>
          <td class="nowrap lead">${formatInstant(e.at)}</td>
          <td data-label=${m.actor}>${e.actor}</td>
          <td class="lead"><span class="badge" title=${e.action}>${m.auditActions[e.action] ?? e.action}</span></td>
          <td class="small" data-label=${m.target}>${this.targetName(e.target)}<div class="mono">${e.target}</div></td>
          <td class="mono small" data-label=${m.hashes}>${e.before ? html`<div title=${e.before}>${m.beforeShort} ${e.before.slice(0, 8)}</div>` : nothing}
            ${e.after ? html`<div title=${e.after}>${m.afterShort} ${e.after.slice(0, 8)}</div>` : nothing}
            <div class="muted" title=${e.hash}>${m.chainShort} ${e.hash.slice(0, 8)}</div></td>
          <td data-label=${m.details}>${e.details === undefined || e.details === null ? '—' : html`${this.renamed(e)}${this.patchList(e)}
            <details><summary>${m.show}</summary><pre>${JSON.stringify(e.details, null, 2)}</pre></details>`}</td>
        </tr>`)}</tbody>
      </table>
      ${this.entries.length === 0 && !this.busy ? html`<p class="empty">${m.noEntries}</p>` : nothing}
      ${this.cursor ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.load(false)}>${m.loadMore}</button>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-audit': JifenAudit;
  }
}
