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

/** A number; empty removes an optional value. Applies while typing when the text is a number. */
export function numberField(
  host: EventTarget,
  o: Common & { value: number | undefined; optional?: boolean; step?: string; min?: number; testId?: string },
): TemplateResult {
  const commit = (input: HTMLInputElement, final: boolean) => {
    const text = input.value.trim();
    if (text === '') {
      if (final) setAt(host, o.path, o.optional ? undefined : null);
      return;
    }
    const n = Number(text);
    if (Number.isFinite(n) && n !== o.value) setAt(host, o.path, n);
  };
  return html`<label class="field">
    <span>${o.label}</span>
    <input
      type="number"
      step=${o.step ?? 'any'}
      min=${o.min ?? nothing}
      inputmode="decimal"
      data-path=${o.path.join('.')}
      data-testid=${o.testId ?? nothing}
      .value=${o.value === undefined || o.value === null ? '' : String(o.value)}
      aria-invalid=${invalid(o.errors, o.path)}
      aria-describedby=${describedBy(o.errors, o.path)}
      @input=${(e: Event) => commit(e.target as HTMLInputElement, false)}
      @change=${(e: Event) => commit(e.target as HTMLInputElement, true)}
    />
    ${o.hint ? html`<span class="small muted">${o.hint}</span>` : nothing} ${fieldErrors(o.errors, o.path)}
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
