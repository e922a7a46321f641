import { html, nothing, type TemplateResult } from 'lit';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import type { FieldError } from '../../api/types';
import { formatInstant, getLang, msg } from '../../i18n/i18n';
import { describePath } from '../../model/describe';
import { localMessage } from '../../model/field-errors';
import type { DraftSync } from './draft-sync';

/** The draft editor's status line, undo buttons and notices: what is saved, what can be taken back, what is wrong. */

const naming = () => {
  const m = msg();
  return { lang: getLang(), fields: m.fieldNames, item: m.itemN };
};

/** Saved, unsaved, invalid (never "saved" while anything is unsaved), and the way into a conflict. */
export function saveState(s: DraftSync, openConflict: () => void): TemplateResult {
  const m = msg();
  const text = {
    saved: s.savedAt ? m.savedAt(formatInstant(s.savedAt)) : m.saved,
    pending: m.unsaved,
    validating: m.validating,
    saving: m.saving,
    invalid: m.invalidNotSaved(s.errors.length),
    failed: `${m.saveFailed}: ${s.message}`,
    conflict: m.conflictTitle,
  }[s.status];
  const tone = s.status === 'saved' ? 'ok' : s.status === 'invalid' || s.status === 'failed' || s.status === 'conflict' ? 'bad' : 'warn';
  return html`<span class="badge ${tone}" role="status" data-testid="save-state" data-state=${s.status}>${text}</span>
    ${s.status === 'conflict' ? html`<button type="button" class="small" @click=${openConflict}>${m.resolveConflict}</button>` : nothing}`;
}

export function undoButtons(s: DraftSync): TemplateResult {
  const m = msg();
  return html`<button type="button" class="small" data-testid="undo" title=${m.undoHint} aria-keyshortcuts="Control+Z"
      ?disabled=${!s.history.canUndo} @click=${() => s.undo()}>↶ ${m.undo}</button>
    <button type="button" class="small" data-testid="redo" title=${m.redoHint} aria-keyshortcuts="Control+Shift+Z"
      ?disabled=${!s.history.canRedo} @click=${() => s.redo()}>↷ ${m.redo}</button>`;
}

/** After a removal: what went, and the way to take it back. */
export function removedNotice(s: DraftSync): TemplateResult | typeof nothing {
  const removed = s.removed;
  if (!removed) return nothing;
  const m = msg();
  return html`<p class="notice warn" role="status" data-testid="removed-notice">${m.removedNotice(describePath(removed.before, removed.path, naming()))}
    <button type="button" class="small" @click=${() => s.undo()}>${m.undo}</button></p>`;
}

/** After someone else's save was merged into this page. */
export function mergedNotice(s: DraftSync): TemplateResult | typeof nothing {
  const merged = s.merged;
  if (!merged) return nothing;
  const m = msg();
  return html`<p class="notice ok" role="status" data-testid="merged-notice">${merged.from === 'tab' ? m.otherTabSaved(merged.revision) : m.mergedNotice(merged.changes)}</p>`;
}

/** Every problem of the draft, each named by its place in staff's words, with a way to its field. */
export function errorSummary(doc: RuleSet, list: readonly FieldError[], goTo: (path: string) => void): TemplateResult | typeof nothing {
  if (list.length === 0) return nothing;
  const m = msg();
  const where = (path: string) => (path ? describePath(doc, path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), naming()) : m.wholeDocument);
  return html`<details class="errors notice bad" data-testid="error-summary">
    <summary>${m.errorsCount(list.length)} · ${m.errorsHelp}</summary>
    <ul>${list.slice(0, 100).map((e) => html`<li data-path=${e.path}><button type="button" class="small ghost" @click=${() => goTo(e.path)}>${m.goTo}</button>
      <strong class="where">${where(e.path)}</strong>：<span class="what">${localMessage(e)}</span></li>`)}</ul>
  </details>`;
}
