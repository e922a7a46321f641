import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Diff, PolicyChange } from '../../api/types';
import { I18nController, pick } from '../../i18n/i18n';
import { showValue } from '../../model/describe';
import { isCaseRewrite } from '../../model/diff-export';
import { shared } from '../../styles/shared';
import { styles } from './jifen-diff-view.styles';

/**
 * What changed between two versions (or a draft and a version), as the server describes it in policy
 * terms — before and after side by side — then the test cases whose outcome changes and the raw JSON Patch.
 */
@customElement('jifen-diff-view')
export class JifenDiffView extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) diff?: Diff;
  private i18n = new I18nController(this);

  /** Numbers and words inline; whole objects (a test case, a condition) folded away as JSON. */
  private value(v: unknown) {
    if (v === null || typeof v !== 'object') return showValue(v);
    return html`<details><summary>${this.i18n.m.showJson}</summary><pre>${JSON.stringify(v, null, 2)}</pre></details>`;
  }

  private target(c: PolicyChange) {
    const t = c.target;
    const title = typeof t === 'string' ? c.targetTitle : t.title;
    const part = typeof t === 'string' ? c.part : t.part;
    const name = typeof t === 'string' ? t : `${t.type}:${t.id}`;
    const partTitle = part ? ` › ${part.title ? pick(part.title) : part.id}` : '';
    return html`<span>${title ? pick(title) : ''}${partTitle}</span> <span class="mono">${name}</span>`;
  }

  /** Policy changes and test-case rewrites, each in its own table: the policy first, the checks apart. */
  private changeTable(id: string, heading: string, changes: PolicyChange[], empty: string, testId: string) {
    const m = this.i18n.m;
    const lang = this.i18n.lang;
    return html`<section aria-labelledby=${id}>
      <h3 id=${id}>${heading} <span class="muted">${changes.length}</span></h3>
      ${changes.length === 0
        ? html`<p class="empty small muted">${empty}</p>`
        : html`<table class="changes stacked" data-testid=${testId}>
            <thead><tr><th>${m.change}</th><th>${m.before}</th><th>${m.after}</th></tr></thead>
            <tbody>${changes.map((c) => html`<tr data-kind=${c.kind} data-target=${typeof c.target === 'string' ? c.target : `${c.target.type}:${c.target.id}`}>
              <td><div>${c.text[lang] || c.text.zh}</div><div class="small muted"><span class="badge">${m.changeKinds[c.kind] ?? c.kind}</span> ${this.target(c)}</div></td>
              <td class="before mono" data-label=${m.before}>${this.value(c.before)}</td>
              <td class="after mono" data-label=${m.after}>${this.value(c.after)}</td>
            </tr>`)}</tbody>
          </table>`}
    </section>`;
  }

  override render() {
    const m = this.i18n.m;
    const d = this.diff;
    if (!d) return nothing;
    const lang = this.i18n.lang;
    const outcome = (v: unknown) => {
      if (v && typeof v === 'object' && 'passed' in v) return (v as { passed: boolean }).passed ? m.passed : m.failed;
      return typeof v === 'boolean' ? (v ? m.passed : m.failed) : v === undefined ? '—' : showValue(v);
    };
    const policy = d.changes.filter((c) => !isCaseRewrite(c));
    const rewrites = d.changes.filter(isCaseRewrite);
    return html`<div class="stack">
      ${this.changeTable('changes-title', m.policyChanges, policy, m.noChanges, 'policy-changes')}
      ${this.changeTable('rewrites-title', m.testCaseRewrites, rewrites, m.noCaseRewrites, 'case-rewrites')}
      <section aria-labelledby="cases-title">
        <h3 id="cases-title">${m.casesChangingOutcome} <span class="muted">${d.cases.length}</span></h3>
        ${d.cases.length === 0
          ? html`<p class="small muted">${m.noCaseChanges}</p>`
          : html`<table class="stacked"><thead><tr><th>${m.caseTitle}</th><th>${m.before}</th><th>${m.after}</th></tr></thead>
              <tbody>${d.cases.map((c) => html`<tr><td>${c.title}${c.text ? html`<div class="small muted">${c.text[lang] || c.text.zh}</div>` : nothing}</td>
                <td class="before" data-label=${m.before}>${outcome(c.before)}</td><td class="after" data-label=${m.after}>${outcome(c.after)}</td></tr>`)}</tbody></table>`}
      </section>
      <details>
        <summary>${m.rawPatch} (${d.patch.length})</summary>
        <pre data-testid="json-patch">${JSON.stringify(d.patch, null, 2)}</pre>
      </details>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-diff-view': JifenDiffView;
  }
}
