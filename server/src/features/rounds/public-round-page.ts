import { html } from 'hono/html';
import type { PublicEntry, PublicRound } from './round-queries';

/** The stylesheet of public pages and error pages, served from `/public/assets/notice.css` (no inline style under the CSP). */
export const NOTICE_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #b42318; --ok: #1a7f37; }
body { font: 15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
main { max-width: 960px; margin: 0 auto; padding: 24px 16px 48px; background: #fff; min-height: 100vh; box-sizing: border-box; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h1 .en, .en { color: var(--muted); font-weight: normal; font-size: .85em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 16px 0; }
dt { color: var(--muted); } dd { margin: 0; }
.status { display: inline-block; padding: 2px 10px; border-radius: 12px; background: #fff4e5; color: #8a4b00; }
.status.final { background: #e6f4ea; color: var(--ok); }
table { width: 100%; border-collapse: collapse; margin-top: 8px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; background: #f6f8fa; } td.num, th.num { text-align: right; }
tr.admitted td:first-child { border-left: 3px solid var(--ok); }
.up { color: var(--ok); } .down { color: var(--accent); }
.note { color: var(--muted); font-size: .9em; margin-top: 24px; }
.error-page { max-width: 640px; min-height: 0; margin-top: 10vh; padding: 24px; border: 1px solid var(--line); border-radius: 8px; }
.error-status { font-size: 2.5rem; font-weight: 600; color: var(--accent); margin: 0; }
.error-message { background: #f6f8fa; border-radius: 4px; padding: 8px 12px; overflow-wrap: anywhere; }
.error-fields { color: var(--muted); padding-left: 20px; } a { color: #0969da; }
`;

const STATUS = {
  published: { zh: '公示中', en: 'Public notice' },
  final: { zh: '已定榜', en: 'Final' },
} as const;

/**
 * The public notice of a round (公示), server-rendered: Chinese first, English second, every value
 * escaped by the template (names are masked already; a hostile name renders as text).
 *
 * @example
 * c.html(renderNotice(await publicRound(deps, 3)));
 */
export function renderNotice(notice: PublicRound) {
  const { round, entries, revisions, objections } = notice;
  const status = round.status === 'final' ? STATUS.final : STATUS.published;
  const last = revisions.at(-1);
  const eligible = entries.filter((e) => e.eligible);
  const ineligible = entries.filter((e) => !e.eligible);
  const child = round.childRelated;
  const childCell = (e: PublicEntry) => (child ? html`<td>${e.maskedChildName ?? ''}</td>` : '');
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${round.title.zh}积分排名公示 · ${round.title.en}</title>
<link rel="stylesheet" href="/public/assets/notice.css">
</head>
<body>
<main>
<h1>${round.title.zh}积分排名公示 <span class="en">Ranked list: ${round.title.en}</span></h1>
<p><span class="status ${round.status}">${status.zh} · ${status.en}</span></p>
<dl>
<dt>主管部门 <span class="en">Department</span></dt><dd>${round.department}</dd>
<dt>名额 <span class="en">Places</span></dt><dd>${round.places}</dd>
<dt>规则版本 <span class="en">Rule-set version</span></dt><dd>${round.ruleSetId} v${round.version ?? ''}</dd>
<dt>公示期 <span class="en">Public notice</span></dt><dd>${round.publishedOn} — ${round.publicationEndsOn}</dd>
${last && last.revision > 1
  ? html`<dt>更新 <span class="en">Revised</span></dt><dd>第 ${last.revision} 版：异议核实后重新排名（${last.rankedAt.slice(0, 10)}） <span class="en">revision ${last.revision}, re-ranked after an upheld objection</span></dd>`
  : ''}
<dt>下载 <span class="en">Download</span></dt><dd><a href="/api/v1/public/rounds/${round.id}/export?format=xlsx">Excel</a> · <a href="/api/v1/public/rounds/${round.id}/export?format=csv">CSV</a></dd>
<dt>异议 <span class="en">Objections</span></dt><dd>已受理 ${objections.filed}，待答复 ${objections.open}，成立 ${objections.upheld}，不成立 ${objections.dismissed} <span class="en">filed ${objections.filed}, open ${objections.open}, upheld ${objections.upheld}, dismissed ${objections.dismissed}</span></dd>
</dl>
<table>
<thead><tr><th class="num">名次 <span class="en">Rank</span></th><th>姓名 <span class="en">Name</span></th>${child ? html`<th>子女 <span class="en">Child</span></th>` : ''}<th>居住证号 <span class="en">Permit</span></th><th class="num">积分 <span class="en">Points</span></th><th>结果 <span class="en">Result</span></th><th>变动 <span class="en">Change</span></th></tr></thead>
<tbody>
${eligible.map(
  (e) => html`<tr class="${e.admitted ? 'admitted' : ''}"><td class="num">${e.position}${e.tied ? '=' : ''}</td><td>${e.maskedName}</td>${childCell(e)}<td>${e.maskedPermit}</td><td class="num">${e.score.toFixed(2)}${e.spouseCounted ? '*' : ''}</td><td>${e.admitted ? '拟录取 Admitted' : '未录取 Not admitted'}</td><td>${movement(e.position, e.previousPosition)}</td></tr>
`,
)}
${ineligible.map(
  (e) => html`<tr><td class="num">—</td><td>${e.maskedName}</td>${childCell(e)}<td>${e.maskedPermit}</td><td class="num">${e.score.toFixed(2)}${e.spouseCounted ? '*' : ''}</td><td>未达条件 Not eligible</td><td></td></tr>
`,
)}
</tbody>
</table>
<p class="note">${child
  ? html`积分后的 * 表示计入的是另一方父母（配偶）的积分：父母积分不累加，按较高一方计（就高原则）。 <span class="en">A * after the points: the other parent's (the spouse's) score counted; parents' points are not added, the higher one counts.</span><br>
每名子女一行：同一家庭为两名子女申请时列两行，以子女区分。 <span class="en">One line per child: a family applying for two children has two lines.</span><br>`
  : ''}
对排名有异议的，可在公示期内通过新市民 App 或街道服务窗口提出，部门于 10 个工作日内答复。 <span class="en">Objections may be made during the notice in the app or at the service office; the department answers within 10 working days.</span></p>
</main>
</body>
</html>`;
}

function movement(position: number | undefined, previous: number | undefined) {
  if (position === undefined || previous === undefined || position === previous) return '';
  return position < previous
    ? html`<span class="up">↑ ${previous - position}（原第 ${previous} 名 <span class="en">was ${previous}</span>）</span>`
    : html`<span class="down">↓ ${position - previous}（原第 ${previous} 名 <span class="en">was ${previous}</span>）</span>`;
}
