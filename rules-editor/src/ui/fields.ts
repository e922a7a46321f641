import { html, nothing, type TemplateResult } from 'lit';
import type { Text } from '../api/types';
import { msg } from '../i18n/i18n';
import type { Edit, Path } from '../model/edit';
import { domId, errorsAt, type ErrorIndex } from '../model/field-errors';

/**
 * Form controls that edit one place of the rule-set document. Each reports its change as a bubbling,
 * composed `jifen-edit` event; the draft editor applies it. Each shows the server's errors for its path
 * beneath it and links them with `aria-describedby`.
 */

declare global {
  interface GlobalEventHandlersEventMap {
    'jifen-edit': CustomEvent<Edit>;
  }
}

/** Reports an edit from `host` up to the draft editor. */
export function emitEdit(host: EventTarget, edit: Edit): void {
  host.dispatchEvent(new CustomEvent('jifen-edit', { detail: edit, bubbles: true, composed: true }));
}

export const setAt = (host: EventTarget, path: Path, value: unknown) => emitEdit(host, { op: 'set', path, value });

interface Common {
  label: string;
  path: Path;
  errors: ErrorIndex;
  hint?: string;
}

/** The errors of one path, with the id a control points to. */
export function fieldErrors(errors: ErrorIndex, path: Path): TemplateResult | typeof nothing {
  const messages = errorsAt(errors, path);
  if (messages.length === 0) return nothing;
  return html`<div class="field-error" id=${domId('err', path)} role="alert">${messages.map((m) => html`<div>${m}</div>`)}</div>`;
}

const invalid = (errors: ErrorIndex, path: Path) => (errorsAt(errors, path).length > 0 ? 'true' : 'false');
const describedBy = (errors: ErrorIndex, path: Path) => (errorsAt(errors, path).length > 0 ? domId('err', path) : '');

/**
 * What a number box holds as the document's value: a number, `undefined` (an optional value left empty:
 * removed), `null` (a required value left empty: the draft is invalid until it is filled in, so it is not
 * saved), or `false` while the text is not a number yet.
 */
export function readNumber(text: string, optional: boolean | undefined): number | null | undefined | false {
  const t = text.trim();
  if (t === '') return optional ? undefined : null;
  const n = Number(t);
  return Number.isFinite(n) ? n : false;
}

/**
 * Reads a number box as the user types and hands `set` the new value: a required value cleared is
 * reported at once (as `null`), so the draft never looks saved while a required number is blank.
 */
export function commitNumber(input: HTMLInputElement, current: number | null | undefined, optional: boolean | undefined, set: (value: number | null | undefined) => void): void {
  // A half-typed number ("-", "1e") reads as empty text with `badInput`: leave the value alone.
  if (input.validity.badInput) return;
  const next = readNumber(input.value, optional);
  if (next !== false && next !== current) set(next);
}

/** The error of a required number left blank, or the server's errors for the path. */
export function numberErrors(errors: ErrorIndex, path: Path, value: number | null | undefined, optional?: boolean): TemplateResult | typeof nothing {
  if (value === null && !optional) {
    return html`<div class="field-error" id=${domId('err', path)} role="alert" data-required>${msg().requiredNumber}</div>`;
  }
  return fieldErrors(errors, path);
}

/** A number; empty removes an optional value, and is an error at the field for a required one. */
export function numberField(
  host: EventTarget,
  o: Common & { value: number | null | undefined; optional?: boolean; step?: string; min?: number; testId?: string },
): TemplateResult {
  const blank = o.value === null && !o.optional;
  return html`<label class="field">
    <span>${o.label}${o.optional ? nothing : html`<span class="required" aria-hidden="true"> *</span>`}</span>
    <input
      type="number"
      step=${o.step ?? 'any'}
      min=${o.min ?? nothing}
      inputmode="decimal"
      ?required=${!o.optional}
      data-path=${o.path.join('.')}
      data-testid=${o.testId ?? nothing}
      .value=${o.value === undefined || o.value === null ? '' : String(o.value)}
      aria-invalid=${blank ? 'true' : invalid(o.errors, o.path)}
      aria-describedby=${blank ? domId('err', o.path) : describedBy(o.errors, o.path)}
      @input=${(e: Event) => commitNumber(e.target as HTMLInputElement, o.value, o.optional, (v) => setAt(host, o.path, v))}
    />
    ${o.hint ? html`<span class="small muted">${o.hint}</span>` : nothing} ${numberErrors(o.errors, o.path, o.value, o.optional)}
  </label>`;
}

/** One line of text; empty removes an optional value. */
export function textField(
  host: EventTarget,
  o: Common & { value: string | undefined; optional?: boolean; readonly?: boolean; type?: string; placeholder?: string },
): TemplateResult {
  return html`<label class="field">
    <span>${o.label}</span>
    <input
      type=${o.type ?? 'text'}
      data-path=${o.path.join('.')}
      .value=${o.value ?? ''}
      ?readonly=${o.readonly}
      placeholder=${o.placeholder ?? nothing}
      aria-invalid=${invalid(o.errors, o.path)}
      aria-describedby=${describedBy(o.errors, o.path)}
      @input=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        setAt(host, o.path, v === '' && o.optional ? undefined : v);
      }}
    />
    ${o.hint ? html`<span class="small muted">${o.hint}</span>` : nothing} ${fieldErrors(o.errors, o.path)}
  </label>`;
}

/** A title in Chinese and English, side by side. */
export function bilingualField(host: EventTarget, o: Common & { value: Text | undefined; optional?: boolean }): TemplateResult {
  const m = msg();
  const value = o.value ?? { zh: '', en: '' };
  const edit = (lang: 'zh' | 'en', text: string) => {
    const next = { ...value, [lang]: text };
    setAt(host, o.path, o.optional && next.zh === '' && next.en === '' ? undefined : next);
  };
  return html`<fieldset class="bilingual">
    <legend>${o.label}</legend>
    <div class="grid two">
      ${(['zh', 'en'] as const).map(
        (lang) => html`<label class="field">
          <span>${lang === 'zh' ? m.chinese : m.english}</span>
          <input
            lang=${lang === 'zh' ? 'zh-CN' : 'en'}
            aria-label=${`${o.label} · ${lang === 'zh' ? m.chinese : m.english}`}
            data-path=${[...o.path, lang].join('.')}
            .value=${value[lang] ?? ''}
            aria-invalid=${invalid(o.errors, [...o.path, lang])}
            aria-describedby=${describedBy(o.errors, [...o.path, lang])}
            @input=${(e: Event) => edit(lang, (e.target as HTMLInputElement).value)}
          />
          ${fieldErrors(o.errors, [...o.path, lang])}
        </label>`,
      )}
    </div>
    ${fieldErrors(o.errors, o.path)}
  </fieldset>`;
}

export interface Choice {
  value: string;
  label: string;
}

/** A choice among options; `optional` adds an empty first option that removes the value. */
export function selectField(
  host: EventTarget,
  o: Common & { value: string | undefined; options: readonly Choice[]; optional?: boolean; emptyLabel?: string },
): TemplateResult {
  const known = o.value === undefined || o.options.some((c) => c.value === o.value);
  return html`<label class="field">
    <span>${o.label}</span>
    <select
      data-path=${o.path.join('.')}
      aria-invalid=${invalid(o.errors, o.path)}
      aria-describedby=${describedBy(o.errors, o.path)}
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        setAt(host, o.path, v === '' && o.optional ? undefined : v);
      }}
    >
      ${o.optional || o.value === undefined ? html`<option value="" ?selected=${o.value === undefined}>${o.emptyLabel ?? '—'}</option>` : nothing}
      ${known ? nothing : html`<option value=${o.value ?? ''} selected>${o.value}</option>`}
      ${o.options.map((c) => html`<option value=${c.value} ?selected=${c.value === o.value}>${c.label}</option>`)}
    </select>
    ${o.hint ? html`<span class="small muted">${o.hint}</span>` : nothing} ${fieldErrors(o.errors, o.path)}
  </label>`;
}

/** A yes/no box. */
export function checkField(host: EventTarget, o: Common & { value: boolean | undefined; removeWhenFalse?: boolean }): TemplateResult {
  return html`<div class="field">
    <label class="check">
      <input
        type="checkbox"
        data-path=${o.path.join('.')}
        .checked=${Boolean(o.value)}
        @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          setAt(host, o.path, !on && o.removeWhenFalse ? undefined : on);
        }}
      />
      <span>${o.label}</span>
    </label>
    ${fieldErrors(o.errors, o.path)}
  </div>`;
}

/** Up / down / remove buttons for an item of a list. */
export function itemButtons(
  host: EventTarget,
  o: { path: Path; index: number; count: number; label: string; canRemove?: boolean },
): TemplateResult {
  const m = msg();
  const listPath = o.path.slice(0, -1);
  const at = [...listPath, o.index];
  return html`<span class="row item-buttons">
    <button type="button" class="small icon" aria-label=${`${m.moveUp}: ${o.label}`} title=${m.moveUp} ?disabled=${o.index === 0}
      @click=${() => emitEdit(host, { op: 'move', path: at, to: o.index - 1 })}>↑</button>
    <button type="button" class="small icon" aria-label=${`${m.moveDown}: ${o.label}`} title=${m.moveDown} ?disabled=${o.index >= o.count - 1}
      @click=${() => emitEdit(host, { op: 'move', path: at, to: o.index + 1 })}>↓</button>
    <button type="button" class="small icon danger" aria-label=${`${m.remove}: ${o.label}`} title=${m.remove} ?disabled=${o.canRemove === false}
      @click=${() => emitEdit(host, { op: 'remove', path: at })}>✕</button>
  </span>`;
}
