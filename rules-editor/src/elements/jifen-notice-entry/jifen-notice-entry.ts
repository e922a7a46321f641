import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError } from '../../api/client';
import type { ConfirmedNotice, EnteredNotice } from '../../api/types';
import { calendarMessages } from '../../i18n/calendar/calendar-messages';
import { I18nController } from '../../i18n/i18n';
import { calendarErrors, checkNoticeForm, NOTICE_YEARS, type CalendarErrors, type CalendarField } from '../../model/calendar-errors';
import { shared } from '../../styles/shared';
import { styles } from './jifen-notice-entry.styles';
import { renderMoves, renderReadBack } from './notice-read-back';

/**
 * 「录入通知」 for admins: a year's State Council holiday notice, pasted or as an .ics file, is read by the
 * server and shown back (days off, 调休 worked days, lines not used, statutory days left out, deadlines it
 * would move) before anything changes; 「确认生效」 then puts it in force and shows the deadlines moved.
 *
 * @fires jifen-calendar-changed - a notice was entered or confirmed (the lists above are stale)
 */
@customElement('jifen-notice-entry')
export class JifenNoticeEntry extends LitElement {
  static override styles = [shared, styles];

  /** The year the form starts with. */
  @property({ type: Number }) year = 0;

  @state() private yearText = '';
  @state() private text = '';
  @state() private file?: File;
  @state() private busy = false;
  @state() private errors: CalendarErrors = {};
  @state() private entered?: EnteredNotice;
  @state() private asking = false;
  @state() private confirmed?: ConfirmedNotice;

  @query('textarea') private textArea?: HTMLTextAreaElement;
  @query('input[type=file]') private fileInput?: HTMLInputElement;
  private i18n = new I18nController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('year') && this.year && !this.yearText) this.yearText = String(this.year);
  }

  /** Starts a notice for `year` (from a year that lacks one) and puts the cursor in the text. */
  startFor(year: number): void {
    this.yearText = String(year);
    this.reset();
    void this.updateComplete.then(() => {
      this.scrollIntoView({ block: 'start' });
      this.textArea?.focus();
    });
  }

  private reset(): void {
    this.errors = {};
    this.entered = undefined;
    this.confirmed = undefined;
    this.asking = false;
  }

  private changed(): void {
    this.dispatchEvent(new CustomEvent('jifen-calendar-changed', { bubbles: true, composed: true }));
  }

  private async read(event: Event): Promise<void> {
    event.preventDefault();
    const m = calendarMessages();
    this.reset();
    this.errors = checkNoticeForm({ year: this.yearText, text: this.text, file: this.file }, m);
    if (Object.keys(this.errors).length > 0) return;
    this.busy = true;
    try {
      const year = Number(this.yearText);
      const ics = this.file ? await this.file.text() : undefined;
      this.entered = await api.enterNotice(ics !== undefined ? { year, ics } : { year, text: this.text });
      this.changed();
    } catch (error) {
      this.errors = calendarErrors(error, m, this.file ? 'ics' : 'text');
    } finally {
      this.busy = false;
    }
  }

  private async confirm(): Promise<void> {
    const m = calendarMessages();
    const entered = this.entered;
    if (!entered) return;
    this.errors = {};
    this.busy = true;
    try {
      this.confirmed = await api.confirmNotice(entered.notice.id);
      this.entered = undefined;
      this.asking = false;
      this.changed();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const now = (await api.notices().catch(() => [])).find((n) => n.id === entered.notice.id);
        this.errors = { confirm: [m.calErrNotWaiting(now?.status)] };
        this.asking = false;
        this.changed();
      } else this.errors = calendarErrors(error, m, 'confirm');
    } finally {
      this.busy = false;
    }
  }

  private chooseFile(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? undefined;
    this.errors = {};
  }

  private clearFile(): void {
    this.file = undefined;
    if (this.fileInput) this.fileInput.value = '';
  }

  private fieldErrors(field: CalendarField, id: string) {
    const list = this.errors[field];
    return list?.length ? html`<div id=${id} class="field-error" role="alert" data-testid=${`error-${field}`}>${list.map((e) => html`<p>${e}</p>`)}</div>` : nothing;
  }

  override render() {
    const m = calendarMessages();
    const e = this.errors;
    return html`<section class="card stack" aria-labelledby="enter-title">
      <h2 id="enter-title">${m.calEnterTitle}</h2>
      <p class="muted">${m.calEnterHelp}</p>
      <form class="stack" novalidate @submit=${this.read}>
        <label class="field year"><span>${m.calYear}</span>
          <input type="number" inputmode="numeric" min=${NOTICE_YEARS.from} max=${NOTICE_YEARS.to} name="year" .value=${this.yearText}
            aria-invalid=${e.year ? 'true' : 'false'} aria-describedby="err-year"
            @input=${(ev: Event) => (this.yearText = (ev.target as HTMLInputElement).value)} /></label>
        ${this.fieldErrors('year', 'err-year')}
        <label class="field"><span>${m.calText}</span>
          <textarea name="text" rows="10" .value=${this.text} placeholder=${m.calTextPlaceholder} ?disabled=${!!this.file}
            aria-invalid=${e.text ? 'true' : 'false'} aria-describedby="err-text"
            @input=${(ev: Event) => (this.text = (ev.target as HTMLTextAreaElement).value)}></textarea></label>
        ${this.fieldErrors('text', 'err-text')}
        <div class="row">
          <label class="field"><span>${m.calIcsFile}</span>
            <input type="file" accept=".ics,text/calendar" aria-invalid=${e.ics ? 'true' : 'false'} aria-describedby="err-ics" @change=${this.chooseFile} /></label>
          ${this.file ? html`<span class="small">${m.calIcsChosen(this.file.name)}</span>
              <button type="button" class="small ghost" @click=${this.clearFile}>${m.calClearFile}</button>` : nothing}
        </div>
        ${this.fieldErrors('ics', 'err-ics')}
        <div class="row"><button type="submit" ?disabled=${this.busy}>${this.busy && !this.entered ? m.calReading : m.calRead}</button></div>
      </form>
      ${this.entered ? this.renderEntered(this.entered) : nothing}
      ${this.fieldErrors('confirm', 'err-confirm')}
      ${this.confirmed ? this.renderConfirmed(this.confirmed) : nothing}
    </section>`;
  }

  private renderEntered(entered: EnteredNotice) {
    const m = calendarMessages();
    return html`${renderReadBack(entered, m)}
      ${this.asking
        ? html`<div class="confirm-box" role="alertdialog" aria-labelledby="confirm-ask" aria-describedby="confirm-ask">
            <p id="confirm-ask"><strong>${m.calConfirmAsk(entered.notice.year, entered.wouldMove.length)}</strong></p>
            <div class="row">
              <button type="button" class="primary" data-testid="confirm-yes" ?disabled=${this.busy} @click=${this.confirm}>${m.calConfirmYes}</button>
              <button type="button" ?disabled=${this.busy} @click=${() => (this.asking = false)}>${m.calBack}</button>
            </div>
          </div>`
        : html`<div class="row"><button type="button" class="primary" data-testid="confirm" @click=${() => { this.asking = true; this.errors = {}; }}>${m.calConfirm}</button></div>`}`;
  }

  private renderConfirmed(confirmed: ConfirmedNotice) {
    const m = calendarMessages();
    return html`<div class="stack" data-testid="confirmed">
      <p class="notice ok" role="status">${m.calConfirmed(confirmed.notice.year)}</p>
      <h3>${m.calMoved}</h3>
      ${renderMoves(confirmed.moved, m, m.calNoneMoved, 'moved')}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-notice-entry': JifenNoticeEntry;
  }
  interface GlobalEventHandlersEventMap {
    'jifen-calendar-changed': CustomEvent<void>;
  }
}
