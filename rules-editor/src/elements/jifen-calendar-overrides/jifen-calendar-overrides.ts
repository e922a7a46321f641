import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../../api/client';
import type { CalendarOverride } from '../../api/types';
import { calendarMessages } from '../../i18n/calendar/calendar-messages';
import { formatInstant, I18nController } from '../../i18n/i18n';
import { calendarErrors, type CalendarErrors, type CalendarField } from '../../model/calendar-errors';
import { shared } from '../../styles/shared';
import { styles } from './jifen-calendar-overrides.styles';

/**
 * Single days made working or non-working by an admin, each with its reason. Everyone on the staff reads
 * the table; only admins (`canEdit`) add or remove a day, as the server's access table allows.
 *
 * @fires jifen-calendar-changed - an override was added or removed
 */
@customElement('jifen-calendar-overrides')
export class JifenCalendarOverrides extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) overrides: readonly CalendarOverride[] = [];
  @property({ type: Boolean }) canEdit = false;

  @state() private date = '';
  @state() private kind: 'workday' | 'holiday' = 'holiday';
  @state() private note = '';
  @state() private busy = false;
  @state() private errors: CalendarErrors = {};
  @state() private done = '';
  private i18n = new I18nController(this);

  private changed(): void {
    this.dispatchEvent(new CustomEvent('jifen-calendar-changed', { bubbles: true, composed: true }));
  }

  private async add(event: Event): Promise<void> {
    event.preventDefault();
    const m = calendarMessages();
    this.done = '';
    const errors: CalendarErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.date)) errors.date = [m.calErrDate];
    if (!this.note.trim()) errors.note = [m.calErrReason];
    this.errors = errors;
    if (Object.keys(errors).length > 0) return;
    this.busy = true;
    try {
      const saved = await api.setOverride(this.date, this.kind, this.note.trim());
      this.done = m.calAdded(saved.date);
      this.date = '';
      this.note = '';
      this.changed();
    } catch (error) {
      this.errors = calendarErrors(error, m, 'form');
    } finally {
      this.busy = false;
    }
  }

  private async removeDay(date: string): Promise<void> {
    const m = calendarMessages();
    this.done = '';
    this.errors = {};
    this.busy = true;
    try {
      await api.removeOverride(date);
      this.done = m.calRemoved(date);
      this.changed();
    } catch (error) {
      this.errors = calendarErrors(error, m, 'form');
    } finally {
      this.busy = false;
    }
  }

  private fieldErrors(field: CalendarField, id: string) {
    const list = this.errors[field];
    return list?.length ? html`<div id=${id} class="field-error" role="alert" data-testid=${`override-error-${field}`}>${list.map((e) => html`<p>${e}</p>`)}</div>` : nothing;
  }

  override render() {
    const m = calendarMessages();
    return html`<section class="card stack" aria-labelledby="overrides-title">
      <h2 id="overrides-title">${m.calOverridesTitle}</h2>
      <p class="muted">${m.calOverridesHelp}</p>
      ${this.overrides.length === 0
        ? html`<p class="empty">${m.calNoOverrides}</p>`
        : html`<div class="scroll"><table data-testid="overrides">
            <thead><tr><th>${m.calDate}</th><th>${m.calKind}</th><th>${m.calReason}</th><th>${m.calBy}</th>${this.canEdit ? html`<th></th>` : nothing}</tr></thead>
            <tbody>${this.overrides.map(
              (o) => html`<tr>
                <td>${o.date}</td><td>${m.calKindLabel[o.kind]}</td><td>${o.note ?? ''}</td>
                <td class="small">${o.createdBy}<br /><span class="muted">${formatInstant(o.createdAt)}</span></td>
                ${this.canEdit
                  ? html`<td><button type="button" class="small danger" ?disabled=${this.busy} aria-label=${`${m.calRemove} ${o.date}`}
                      @click=${() => this.removeDay(o.date)}>${m.calRemove}</button></td>`
                  : nothing}
              </tr>`,
            )}</tbody>
          </table></div>`}
      ${this.canEdit ? this.renderForm() : nothing}
      ${this.done ? html`<p class="notice ok" role="status">${this.done}</p>` : nothing}
      ${this.fieldErrors('form', 'override-err-form')}
    </section>`;
  }

  private renderForm() {
    const m = calendarMessages();
    const e = this.errors;
    return html`<form class="add" novalidate @submit=${this.add}>
      <div class="field"><label for="ov-date">${m.calDate}</label>
        <input id="ov-date" type="date" .value=${this.date} aria-invalid=${e.date ? 'true' : 'false'} aria-describedby="override-err-date"
          @input=${(ev: Event) => (this.date = (ev.target as HTMLInputElement).value)} />
        ${this.fieldErrors('date', 'override-err-date')}</div>
      <div class="field"><label for="ov-kind">${m.calKind}</label>
        <select id="ov-kind" .value=${this.kind} @change=${(ev: Event) => (this.kind = (ev.target as HTMLSelectElement).value === 'workday' ? 'workday' : 'holiday')}>
          <option value="holiday" ?selected=${this.kind === 'holiday'}>${m.calKindLabel.holiday}</option>
          <option value="workday" ?selected=${this.kind === 'workday'}>${m.calKindLabel.workday}</option>
        </select></div>
      <div class="field grow"><label for="ov-note">${m.calReason}</label>
        <input id="ov-note" maxlength="200" .value=${this.note} aria-invalid=${e.note ? 'true' : 'false'} aria-describedby="override-err-note"
          @input=${(ev: Event) => (this.note = (ev.target as HTMLInputElement).value)} />
        ${this.fieldErrors('note', 'override-err-note')}</div>
      <button type="submit" ?disabled=${this.busy}>${m.calAdd}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-calendar-overrides': JifenCalendarOverrides;
  }
}
