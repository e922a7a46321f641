import { html, nothing, type TemplateResult } from 'lit';
import type { DraftImpact } from '../../api/types';
import { formatPoints, getLang, msg, pick } from '../../i18n/i18n';

/** The parts of an impact result, rendered for `jifen-impact`. Plain templates: no state of their own. */

/** Whole numbers with thousands separators, in the UI's language. */
export function count(n: number): string {
  return new Intl.NumberFormat(getLang() === 'zh' ? 'zh-CN' : 'en-US').format(n);
}

/** A change in points with its sign: `+5`, `−2.5`, `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${formatPoints(n)}` : n < 0 ? `−${formatPoints(-n)}` : '0';
}

/** Per scenario: eligible before → after, gained, lost. */
export function scenarioTable(impact: DraftImpact): TemplateResult {
  const m = msg();
  return html`<table class="scenarios stacked" data-testid="impact-scenarios">
    <thead><tr><th>${m.impactScenario}</th><th class="num">${m.impactEligible}</th><th class="num">${m.impactGained}</th><th class="num">${m.impactLost}</th></tr></thead>
    <tbody>${impact.scenarios.map(
      (s) => html`<tr data-scenario=${s.id}>
        <td class="lead">${pick(s.title)} ${s.status === 'kept' ? nothing : html`<span class="badge warn">${m.impactScenarioStatus[s.status]}</span>`}</td>
        <td class="num" data-label=${m.impactEligible}>${count(s.eligibleBefore)} → ${count(s.eligibleAfter)}</td>
        <td class="num ${s.gained ? 'up' : 'zero'}" data-label=${m.impactGained} data-testid="gained-${s.id}">${s.gained ? `+${count(s.gained)}` : '0'}</td>
        <td class="num ${s.lost ? 'down' : 'zero'}" data-label=${m.impactLost} data-testid="lost-${s.id}">${s.lost ? `−${count(s.lost)}` : '0'}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

/** The distribution of total changes as plain bars, one row per bin, the longest bar the largest count. */
export function histogram(impact: DraftImpact): TemplateResult {
  const m = msg();
  const bins = impact.totals.histogram.filter((b) => b.count > 0);
  if (bins.length === 0) return html`<p class="muted small" data-testid="impact-histogram">${m.impactNoChange}</p>`;
  const most = Math.max(...bins.map((b) => b.count));
  // A bin of one hundredth is one exact change; wider bins show their range. The bars are <meter>s: the
  // page's Content-Security-Policy refuses inline style attributes, so no width is written inline.
  const label = (from: number, to: number) => (to - from <= 0.0100001 ? signed(from) : `${signed(from)} ~ ${signed(to)}`);
  return html`<div class="histogram" data-testid="impact-histogram" role="list" aria-label=${m.impactHistogram}>
    ${bins.map(
      (b) => html`<div class="bin" role="listitem">
        <span class="range">${label(b.from, b.to)}</span>
        <meter class=${b.from < 0 ? 'down' : 'up'} min="0" max=${most} .value=${b.count} aria-hidden="true"></meter>
        <span class="num">${count(b.count)}</span>
      </div>`,
    )}
  </div>`;
}

/** The biggest movers one way: masked name, internal id, totals before and after. */
export function moversTable(title: string, movers: DraftImpact['movers']['up'], testid: string): TemplateResult {
  const m = msg();
  return html`<div>
    <h4>${title}</h4>
    ${movers.length === 0
      ? html`<p class="muted small">—</p>`
      : html`<table class="movers" data-testid=${testid}>
          <thead><tr><th>${m.impactResident}</th><th class="num">${m.impactBefore}</th><th class="num">${m.impactAfter}</th><th class="num">${m.impactChange}</th></tr></thead>
          <tbody>${movers.map(
            (x) => html`<tr>
              <td>${x.name} <span class="mono muted">${x.id}</span></td>
              <td class="num">${formatPoints(x.before)}</td>
              <td class="num">${formatPoints(x.after)}</td>
              <td class="num ${x.change > 0 ? 'up' : 'down'}">${signed(x.change)}</td>
            </tr>`,
          )}</tbody>
        </table>`}
  </div>`;
}

/** How a round's ranking would shift. */
export function rankingShift(ranking: NonNullable<DraftImpact['ranking']>): TemplateResult {
  const m = msg();
  const place = (p: number | null) => (p === null ? m.impactUnranked : String(p));
  return html`<section class="ranking" data-testid="impact-ranking">
    <div>
    <h3>${m.impactRankingTitle(pick(ranking.title), ranking.roundId)}</h3>
    <dl class="facts">
      <div><dt>${m.impactRanked}</dt><dd>${count(ranking.ranked.before)} → ${count(ranking.ranked.after)}</dd></div>
      <div><dt>${m.impactAdmitted(ranking.places)}</dt><dd>${count(ranking.admitted.before)} → ${count(ranking.admitted.after)}</dd></div>
      <div><dt>${m.impactNewly}</dt><dd class="up">${count(ranking.newlyAdmitted.count)}</dd></div>
      <div><dt>${m.impactNoLonger}</dt><dd class="down">${count(ranking.noLongerAdmitted.count)}</dd></div>
    </dl>
    <p class="small muted">${m.impactMoved(ranking.moved.up, ranking.moved.down, ranking.moved.same)}</p>
    </div>
    ${ranking.biggest.length === 0
      ? nothing
      : html`<table class="movers">
          <thead><tr><th>${m.impactApplicant}</th><th class="num">${m.impactPosition}</th></tr></thead>
          <tbody>${ranking.biggest.map(
            (p) => html`<tr><td>${p.name} <span class="mono muted">${p.residentId}</span></td><td class="num">${place(p.before)} → ${place(p.after)}</td></tr>`,
          )}</tbody>
        </table>`}
  </section>`;
}
