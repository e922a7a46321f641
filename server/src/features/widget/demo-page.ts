/**
 * The demo partner page: a school's enrolment page that embeds `<jifen-eligibility>` in both modes, the way
 * a partner would — two lines of HTML, no build step, under a strict Content-Security-Policy.
 */

export interface DemoPageOptions {
  /** The Jifen server the widget script and API come from. */
  jifen: string;
  /** Where the page's own stylesheet and script are served (`…/demo/school.css`, `…/demo/school.js`). */
  assets: string;
  partnerKey: string;
  /** A resident's widget token, for the resident-mode example. */
  residentToken?: string;
  lang: 'zh-CN' | 'en';
  /** The scenario's bar in the version in force (the page says nothing of a bar without it). */
  bar?: number;
  /** The widget version and its SRI value: the page pins both, as partners should. */
  pin: { version: string; integrity: string };
}

const TEXT = {
  'zh-CN': {
    title: 'XX区实验小学 · 2026年秋季一年级招生',
    school: 'XX区实验小学',
    heading: '2026年秋季一年级招生：随迁子女积分入学',
    intro: (bar: string) =>
      `新市民随迁子女申请本校一年级学位，按XX区新市民积分“随迁子女教育”场景排序。${bar ? `总积分${bar}分以上、` : ''}在本区居住登记满12个月且缴纳社保满12个月的家庭可以报名。`,
    selfCheck: '积分自测',
    selfCheckNote: '不需要登录。填写的信息只用于本次测算，不会被保存。',
    fallback: '积分自测暂时无法使用，请到新市民服务中心或拨打 12345 咨询办理。',
    resident: '查看我的真实积分',
    residentNote: '已在“新市民”App 中授权本校查看？下面是根据您的档案计算的积分和资格。',
    noResident: '演示环境中没有居民档案，暂无法展示居民模式。',
    dev: '给合作方开发者',
    devNote: '在您的网页中加入以下两行即可：',
    events: '最近一次组件事件（jifen-result / jifen-error）：',
    none: '（暂无）',
  },
  en: {
    title: 'XX District Experimental Primary School · Grade 1 admissions, autumn 2026',
    school: 'XX District Experimental Primary School',
    heading: 'Grade 1 admissions, autumn 2026: places for accompanying children by points',
    intro: (bar: string) =>
      `Children of new citizens apply for Grade 1 places ranked by the district's points scheme (scenario "Schooling for accompanying children"). Families with ${bar ? `${bar} points or more, ` : ''}12 months of residence registration in the district and 12 months of social insurance may apply.`,
    selfCheck: 'Check your points',
    selfCheckNote: 'No sign-in needed. What you type is used for this estimate only and is not stored.',
    fallback: 'The points check is not available right now; please ask at the new-citizen service centre or call 12345.',
    resident: 'See your real points',
    residentNote: 'Allowed this school to see your result in the new-citizen app? Here is your score and eligibility from your record.',
    noResident: 'This demo has no resident records, so resident mode cannot be shown.',
    dev: 'For partner developers',
    devNote: 'Add these two lines to your page:',
    events: 'Last widget event (jifen-result / jifen-error):',
    none: '(none yet)',
  },
} as const;

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The page's HTML. Every value is escaped; the page has no inline script or style.
 *
 * @example
 * demoSchoolPage({ jifen: 'http://localhost:8787', assets: 'http://localhost:8787', partnerKey, lang: 'zh-CN', pin: widgetPin() });
 */
export function demoSchoolPage(o: DemoPageOptions): string {
  const t = TEXT[o.lang];
  const e = escapeHtml;
  const jifen = o.jifen.replace(/\/+$/, '');
  const assets = o.assets.replace(/\/+$/, '');
  const script = `${jifen}/widget/v${o.pin.version}/jifen-eligibility.js`;
  const snippet = `<script type="module" src="${script}"\n        integrity="${o.pin.integrity}" crossorigin="anonymous"></script>\n<jifen-eligibility scenario="school-enrollment" partner-key="…">\n  <p>${t.fallback}</p>\n</jifen-eligibility>`;
  // The element's content is the page's own fallback: shown until the script runs, and beside an error the
  // visitor cannot fix.
  const fallback = `<p>${e(t.fallback)}</p>`;
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<link rel="stylesheet" href="${e(assets)}/demo/school.css">
<script type="module" src="${e(assets)}/demo/school.js"></script>
<script type="module" src="${e(script)}" integrity="${e(o.pin.integrity)}" crossorigin="anonymous"></script>
</head>
<body>
<header class="site">
  <span class="brand">${e(t.school)}</span>
  <nav aria-label="Language"><a href="?lang=zh-CN" lang="zh-CN">中文</a> · <a href="?lang=en" lang="en">English</a></nav>
</header>
<main>
  <h1>${e(t.heading)}</h1>
  <p>${e(t.intro(o.bar === undefined ? '' : String(o.bar)))}</p>
  <section aria-labelledby="self-check-heading">
    <h2 id="self-check-heading">${e(t.selfCheck)}</h2>
    <p class="note">${e(t.selfCheckNote)}</p>
    <jifen-eligibility id="self-check" scenario="school-enrollment" partner-key="${e(o.partnerKey)}" lang="${o.lang}">${fallback}</jifen-eligibility>
  </section>
  <section aria-labelledby="resident-heading">
    <h2 id="resident-heading">${e(t.resident)}</h2>
    ${
      o.residentToken
        ? `<p class="note">${e(t.residentNote)}</p>
    <jifen-eligibility id="resident" scenario="school-enrollment" partner-key="${e(o.partnerKey)}" resident-token="${e(o.residentToken)}" lang="${o.lang}">${fallback}</jifen-eligibility>`
        : `<p class="note">${e(t.noResident)}</p>`
    }
  </section>
  <section class="dev" aria-labelledby="dev-heading">
    <h2 id="dev-heading">${e(t.dev)}</h2>
    <p>${e(t.devNote)}</p>
    <pre><code>${e(snippet)}</code></pre>
    <p>${e(t.events)}</p>
    <pre><output id="last-event">${e(t.none)}</output></pre>
  </section>
</main>
</body>
</html>
`;
}

/**
 * The page's Content-Security-Policy: its own files, the widget's script and API from Jifen, nothing
 * inline, no eval, never framed.
 *
 * @example
 * c.header('Content-Security-Policy', demoPageCsp('http://localhost:8787'));
 */
export function demoPageCsp(jifenOrigin: string, assetsOrigin: string = jifenOrigin): string {
  const from = (...origins: string[]) => [...new Set(["'self'", ...origins])].join(' ');
  return [
    "default-src 'none'",
    `script-src ${from(jifenOrigin, assetsOrigin)}`,
    `style-src ${from(assetsOrigin)}`,
    `connect-src ${from(jifenOrigin)}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
