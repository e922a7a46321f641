import { html, nothing, type TemplateResult } from 'lit';
import type { DeadlineMove, EnteredNotice } from '../../api/types';
import { pick } from '../../i18n/i18n';
import type { CalendarMessages } from '../../i18n/calendar/calendar-messages';

/** Days from `from` to `to`, both counted. */
const daysIn = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * What the server read from a notice, before anything changes: ranges of days off, weekend days worked,
 * lines it did not use, statutory days the notice leaves out, and the running deadlines it would move.
 */
export function renderReadBack(entered: EnteredNotice, m: CalendarMessages): TemplateResult {
  const { notice, ignored, missingStatutory, wouldMove } = entered;
  return html`<div class="read-back stack" data-testid="read-back">
    <h3>${m.calReadBack(notice.year)}</h3>
    <p class="muted small">${notice.title}</p>
    <section aria-labelledby="rb-holidays">
      <h4 id="rb-holidays">${m.calHolidays}</h4>
      <ul class="plain" data-testid="read-holidays">
        ${notice.holidays.map((h) => html`<li><strong>${h.name}</strong> ${m.calHolidayRange(h.from, h.to, daysIn(h.from, h.to))}</li>`)}
      </ul>
    </section>
    <section aria-labelledby="rb-workdays">
      <h4 id="rb-workdays">${m.calWorkdays}</h4>
      ${notice.workdays.length === 0
        ? html`<p class="muted">${m.calNone}</p>`
        : html`<ul class="plain" data-testid="read-workdays">${notice.workdays.map((w) => html`<li>${w.date} <span class="muted">${w.name}</span></li>`)}</ul>`}
    </section>
    <section aria-labelledby="rb-ignored">
      <h4 id="rb-ignored">${m.calIgnored}</h4>
      ${ignored.length === 0
        ? html`<p class="muted">${m.calNone}</p>`
        : html`<p class="notice warn small">${m.calIgnoredHelp}</p>
            <ul class="plain" data-testid="read-ignored">${ignored.map((l) => html`<li><span class="muted">${m.calLine(l.line)}</span> ${l.text}</li>`)}</ul>`}
    </section>
    <section aria-labelledby="rb-missing">
      <h4 id="rb-missing">${m.calMissing}</h4>
      ${missingStatutory.length === 0
        ? html`<p class="muted">${m.calNoMissing}</p>`
        : html`<div class="notice bad small" data-testid="read-missing"><p>${m.calMissingHelp}</p>
            <ul>${missingStatutory.map((d) => html`<li>${d.date} ${pick(d.name)}</li>`)}</ul></div>`}
    </section>
    <section aria-labelledby="rb-moves">
      <h4 id="rb-moves">${m.calMoves}</h4>
      ${renderMoves(wouldMove, m, m.calNoMoves, 'would-move')}
    </section>
  </div>`;
}

/** Deadlines as old → new, one row each, with the reason the server gives. */
export function renderMoves(moves: readonly DeadlineMove[], m: CalendarMessages, empty: string, testId: string): TemplateResult {
  if (moves.length === 0) return html`<p class="muted" data-testid=${testId}>${empty}</p>`;
  const c = m.calMoveCols;
  return html`<div class="scroll"><table data-testid=${testId}>
    <thead><tr><th>${c.kind}</th><th>${c.id}</th><th>${c.from}</th><th>${c.due}</th></tr></thead>
    <tbody>
      ${moves.map(
        (mv) => html`<tr>
          <td class="nowrap">${m.calMoveKind(mv.kind)}</td>
          <td class="mono">${mv.id}</td>
          <td class="nowrap">${mv.countedFrom}</td>
          <td><span class="nowrap"><span class="old">${mv.dueOn}</span> → <strong>${mv.newDueOn}</strong></span>
            ${mv.reason ? html`<div class="muted small">${pick(mv.reason)}</div>` : nothing}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}
