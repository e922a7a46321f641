import { html, nothing, type TemplateResult } from 'lit';
import { isEnglish, pick, type Strings } from './i18n';
import type { FactQuestion } from './types';

/**
 * One labelled control per fact, typed by the fact: numbers, dates, yes/no, one of a list, several of a
 * list. `error` is the server's message for the field, tied to the control for screen readers.
 */
export function renderField(f: FactQuestion, lang: string | undefined, t: Strings, error?: string): TemplateResult {
  const id = `f-${f.id}`;
  const unit = pick(f.unit, lang);
  const label = pick(f.title, lang) + (unit ? (isEnglish(lang) ? ` (${unit})` : `（${unit}）`) : '');
  const hint = f.description ? pick(f.description, lang) : '';
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || nothing;
  const extra = html`${hint ? html`<small id="${id}-hint" part="hint">${hint}</small>` : nothing}${
    error ? html`<small id="${id}-error" part="field-error">${error}</small>` : nothing
  }`;
  const req = f.required ? html`<span class="req">${t.required}</span>` : nothing;
  const invalid = error ? 'true' : 'false';

  if (f.type === 'boolean') {
    return html`<div part="field" class="field">
      <label part="label" class="check"
        ><input part="input" id=${id} type="checkbox" name=${f.id} value="true" aria-describedby=${described} aria-invalid=${invalid} />${label}${req}</label
      >${extra}
    </div>`;
  }
  if (f.type === 'enum-list') {
    return html`<fieldset part="field" class="wide" aria-describedby=${described} aria-invalid=${invalid}>
      <legend part="label">${label}${req}</legend>
      <div class="options">
        ${(f.values ?? []).map(
          (v) => html`<label class="check"><input part="input" type="checkbox" name=${f.id} value=${v.id} />${pick(v.title, lang)}</label>`,
        )}
      </div>
      ${extra}
    </fieldset>`;
  }
  const control =
    f.type === 'enum'
      ? html`<select part="input" id=${id} name=${f.id} ?required=${f.required} aria-describedby=${described} aria-invalid=${invalid}>
          <option value="">${t.choose}</option>
          ${(f.values ?? []).map((v) => html`<option value=${v.id}>${pick(v.title, lang)}</option>`)}
        </select>`
      : html`<input
          part="input"
          id=${id}
          name=${f.id}
          type=${f.type === 'date' ? 'date' : f.type === 'string' ? 'text' : 'number'}
          inputmode=${f.type === 'integer' ? 'numeric' : f.type === 'number' ? 'decimal' : nothing}
          step=${f.type === 'integer' ? '1' : f.type === 'number' ? 'any' : nothing}
          min=${f.min ?? nothing}
          max=${f.max ?? nothing}
          ?required=${f.required}
          aria-describedby=${described}
          aria-invalid=${invalid}
        />`;
  return html`<div part="field" class="field"><label part="label" for=${id}>${label}${req}</label>${control}${extra}</div>`;
}

/**
 * The visitor's words for a field Jifen refused, from what the field accepts (its type, range, choices):
 * Jifen's own message, in English, goes to the developer in `jifen-error`.
 */
export function fieldMessage(f: FactQuestion, t: Strings): string {
  const m = t.field;
  if (f.type === 'integer') return m.integer + m.range(f.min, f.max);
  if (f.type === 'number') return m.number + m.range(f.min, f.max);
  if (f.type === 'date') return m.date;
  if (f.type === 'enum' || f.type === 'enum-list') return m.choice;
  return m.other;
}

/**
 * The fields typed into but unreadable as what they ask (「十二」 in a number field: the browser reports
 * such a field empty, so it would otherwise be taken for one left blank).
 */
export function unreadableFacts(form: HTMLFormElement, facts: readonly FactQuestion[]): FactQuestion[] {
  return facts.filter((f) => {
    const control = form.elements.namedItem(f.id);
    return control instanceof HTMLInputElement && control.validity.badInput;
  });
}

/** The facts filled in: empty controls are left out, numbers as numbers, lists as lists, yes/no as true/false. */
export function readFacts(form: HTMLFormElement, facts: readonly FactQuestion[]): Record<string, unknown> {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const f of facts) {
    if (f.type === 'enum-list') {
      const values = data.getAll(f.id).map(String);
      if (values.length > 0) out[f.id] = values;
    } else if (f.type === 'boolean') {
      if (data.has(f.id)) out[f.id] = true;
    } else {
      const value = String(data.get(f.id) ?? '').trim();
      if (value !== '') out[f.id] = f.type === 'integer' || f.type === 'number' ? Number(value) : value;
    }
  }
  return out;
}
