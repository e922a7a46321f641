import { html, nothing, type TemplateResult } from 'lit';
import { pick, type Strings } from './i18n';
import type { GapStep, ListPosition, ResidentResult, WidgetResult } from './types';

/**
 * A result: verdict, score against the bar (with a themed meter), what is missing, in resident mode the
 * ways to become eligible and the published-list position with what it is based on, the breakdown and
 * the rule-set version.
 */
export function renderResult(t: Strings, lang: string, r: WidgetResult): TemplateResult {
  const o = r.outcome;
  const missing = o.missing.filter((m) => m.code !== 'below-bar');
  // A veto closes the scenario whatever the score: points short of the bar would suggest more would help.
  const vetoed = o.missing.some((m) => m.code === 'vetoed');
  const top = Math.max(o.bar, o.score, 1);
  return html`${r.mode === 'resident'
      ? html`<p part="resident">${t.resident}${r.resident.name} · ${r.resident.permitNumber}</p>`
      : html`<p class="muted">${t.estimate}</p>`}
    <p part="verdict" class=${o.eligible ? 'ok' : 'no'}>${o.eligible ? `✓ ${t.eligible}` : t.notEligible}</p>
    <p part="score">
      <span>${t.score} <strong>${o.score}</strong> / ${t.bar} ${o.bar}</span>
      <meter part="meter" class=${o.score >= o.bar ? 'reached' : ''} aria-label=${t.meter(o.score, o.bar)} min="0" max=${top} low=${o.bar} high=${o.bar} optimum=${top} value=${o.score}></meter>
      ${o.shortBy > 0 && !vetoed ? html`<span class="short">${t.shortBy(o.shortBy)}</span>` : nothing}
    </p>
    ${r.mode === 'resident' ? html`<p class="muted">${t.today(r.asOf)}</p>` : nothing}
    ${missing.length
      ? html`<div part="missing"><h3>${t.missing}</h3><ul>${missing.map((m) => html`<li>${pick(m.message, lang)}</li>`)}</ul></div>`
      : nothing}
    ${r.mode === 'resident' ? renderWays(t, lang, r) : nothing}
    ${r.mode === 'resident' && r.position ? renderPosition(t, r.position) : nothing}
    <details part="breakdown">
      <summary>${t.breakdown}</summary>
      <div class="scroll">
        <table>
          ${o.breakdown.filter((b) => b.points !== 0).map(
            (b) => html`<tr>
              <th scope="row">${pick(b.title, lang)}</th>
              <td class="num">${b.kind === 'deduction' && b.points > 0 ? `−${b.points}` : b.points}</td>
              <td class="muted">${pick(b.explanation, lang)}</td>
            </tr>`,
          )}
        </table>
      </div>
    </details>
    <p part="version" class="muted">${t.basis(pick(r.ruleSet.title, lang), r.ruleSet.version, r.asOf)}</p>`;
}

/** "What would make you eligible": the date time alone does it, then each way, easiest first. */
function renderWays(t: Strings, lang: string, r: ResidentResult): TemplateResult | typeof nothing {
  if (r.outcome.eligible || (!r.closeGap.length && !r.eligibleFrom)) return nothing;
  // Jifen ranks the ways, easiest first.
  const ways = r.closeGap;
  const note = (s: GapStep) => (s.closes === 'eligibility' ? t.alone : s.closes === 'bar' ? t.barOnly : t.partial(s.gain));
  return html`<div part="suggestions">
    <h3>${t.closeGap}</h3>
    ${r.eligibleFrom ? html`<p class="when"><strong>${t.eligibleFrom(t.month(r.eligibleFrom))}</strong></p>` : nothing}
    <ul>
      ${ways.map(
        (s) => html`<li>
          <span class="tag">${t.effort[s.effort]}</span> ${pick(s.message, lang)}
          <small class=${s.closes === 'eligibility' ? 'ok' : ''}>${note(s)}</small>
        </li>`,
      )}
    </ul>
  </div>`;
}

function renderPosition(t: Strings, p: ListPosition): TemplateResult {
  return html`<div part="position">
    <h3>${t.listTitle}</h3>
    <p>${p.position === null ? t.notRanked : t.position(p.position, p.places, p.admitted)}</p>
    <p class="muted">${t.listBasis(p.closedOn, p.version, p.score, p.family, p.spouseCounted)}</p>
  </div>`;
}
