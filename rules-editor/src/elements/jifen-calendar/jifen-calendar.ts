import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api } from '../../api/client';
import type { CalendarYear, HolidayNotice, User, WorkingCalendarView } from '../../api/types';
import { calendarMessages } from '../../i18n/calendar/calendar-messages';
import { formatInstant, I18nController } from '../../i18n/i18n';
import { calendarErrors } from '../../model/calendar-errors';
import { shared } from '../../styles/shared';
import '../jifen-calendar-overrides/jifen-calendar-overrides';
import '../jifen-notice-entry/jifen-notice-entry';
import type { JifenNoticeEntry } from '../jifen-notice-entry/jifen-notice-entry';
import { styles } from './jifen-calendar.styles';

const STATE_BADGE = { official: 'ok', notice: 'info', statutory: 'warn' } as const;

/**
 * 「工作日历」: what decides working days in each year (the built-in arrangement, a confirmed State Council
 * notice, or the statutory holidays only, with its warning), the notices entered, and single-day
 * overrides. Admins enter and confirm notices and change overrides; other staff read (the server's access
 * table: `GET` for staff, writes for admins).
 */
@customElement('jifen-calendar')
export class JifenCalendar extends LitElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) user?: User;

  @state() private calendar?: WorkingCalendarView;
  @state() private notices: HolidayNotice[] = [];
  @state() private error = '';
  @query('jifen-notice-entry') private entry?: JifenNoticeEntry;
  private i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get isAdmin(): boolean {
    return this.user?.roles.includes('admin') ?? false;
  }

  private async load(): Promise<void> {
    try {
      const [calendar, notices] = await Promise.all([api.workingCalendar(), api.notices()]);
      this.calendar = calendar;
      this.notices = notices;
      this.error = '';
    } catch (error) {
      this.error = calendarErrors(error, calendarMessages(), 'form').form?.join(' ') ?? '';
    }
  }

  /** The first year after this one that has neither the built-in arrangement nor a confirmed notice. */
  private nextOpenYear(): number {
    const years = this.calendar?.coverage ?? [];
    return (years.find((y, i) => i > 0 && !y.known) ?? years[2] ?? { year: new Date().getFullYear() + 1 }).year;
  }

  override render() {
    const m = calendarMessages();
    return html`<div class="stack" @jifen-calendar-changed=${() => void this.load()}>
      <h1>${m.calTitle}</h1>
      <p class="muted intro">${m.calIntro}</p>
      ${this.isAdmin ? nothing : html`<p class="notice" data-testid="read-only">${m.calReadOnly}</p>`}
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${this.calendar ? this.renderYears(this.calendar.coverage) : html`<p class="muted">${this.i18n.m.loading}</p>`}
      ${
        // The form appears with the years above it, not before them: the years arriving would push it down
        // under a pointer already on its way to a button.
        this.isAdmin && this.calendar ? html`<jifen-notice-entry .year=${this.nextOpenYear()}></jifen-notice-entry>` : nothing
      }
      ${this.renderNotices()}
      <jifen-calendar-overrides .overrides=${this.calendar?.overrides ?? []} ?canEdit=${this.isAdmin}></jifen-calendar-overrides>
    </div>`;
  }

  private renderYears(years: readonly CalendarYear[]) {
    const m = calendarMessages();
    return html`<section class="card stack" aria-labelledby="years-title">
      <h2 id="years-title">${m.calYears}</h2>
      <ul class="years" data-testid="years">
        ${years.map(
          (y) => html`<li class="year ${y.state}" data-year=${y.year} data-state=${y.state}>
            <div class="spread">
              <strong class="num-year">${y.year}</strong>
              <span class="badge ${STATE_BADGE[y.state]}" data-testid=${`state-${y.year}`}>${m.calState[y.state]}</span>
            </div>
            <p class=${y.known ? 'muted small' : 'notice warn small'}>${m.calStateText(y.year, y.state, y.notice)}
              ${y.overrides > 0 ? m.calOverridesInYear(y.overrides) : nothing}</p>
            ${this.isAdmin && !y.known
              ? html`<button type="button" class="small" @click=${() => this.entry?.startFor(y.year)}>${m.calEnterFor(y.year)}</button>`
              : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderNotices() {
    const m = calendarMessages();
    const badge = { entered: 'warn', confirmed: 'ok', superseded: '', withdrawn: '' } as const;
    return html`<section class="card stack" aria-labelledby="notices-title">
      <h2 id="notices-title">${m.calNotices}</h2>
      ${this.notices.length === 0
        ? html`<p class="empty">${m.calNoNotices}</p>`
        : html`<ul class="notices" data-testid="notices">
            ${this.notices.map(
              (n) => html`<li data-id=${n.id}>
                <div class="spread"><strong>${n.year} · ${n.title}</strong>
                  <span class="badge ${badge[n.status]}" data-testid="notice-status">${m.calNoticeStatus[n.status]}</span></div>
                <p class="muted small">${m.calEnteredBy(n.enteredBy, formatInstant(n.enteredAt))}${n.confirmedAt && n.confirmedBy
                  ? html` · ${m.calConfirmedBy(n.confirmedBy, formatInstant(n.confirmedAt))}`
                  : nothing}</p>
                ${n.status === 'entered' ? html`<p class="small">${m.calEnteredHint}</p>` : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-calendar': JifenCalendar;
  }
}
