import { escapeHtml as e } from './demo-page';

/**
 * The token hand-off, shown end to end on the demo server: a stand-in for the resident's app asks the
 * resident's consent for one partner and one site, and hands the widget token over with a form POST (never
 * in a URL); the partner's page (`/demo/handoff`) puts it in the widget's `resident-token` attribute.
 */
const T = {
  'zh-CN': {
    title: '新市民 App（演示）',
    ask: (partner: string) => `授权“${partner}”在其网站上查看您的“随迁子女教育”积分资格？`,
    what: '对方将看到：您的积分、是否符合条件、与分数线的差距，以及打码的姓名和居住证号。授权 15 分钟内有效，您可随时在 App 中撤回。',
    agree: '同意并授权',
    ready: '已授权。点击下方按钮前往对方网站（授权令牌以表单提交，不会出现在网址中）。',
    go: (partner: string) => `前往 ${partner}`,
    none: '演示环境中没有居民档案。',
  },
  en: {
    title: 'New-citizen app (demo)',
    ask: (partner: string) => `Let "${partner}" see your eligibility for "Schooling for accompanying children" on its site?`,
    what: 'They will see your score, whether you are eligible, how far from the bar, and your masked name and permit number. The permission lasts 15 minutes; you can withdraw it in the app at any time.',
    agree: 'Agree and allow',
    ready: 'Allowed. Continue to their site below (the token travels in a form post, never in the address).',
    go: (partner: string) => `Continue to ${partner}`,
    none: 'This demo has no resident records.',
  },
} as const;

/**
 * The resident app's consent screen, and once agreed, the hand-off form carrying the token.
 *
 * @example
 * residentAppPage({ lang: 'zh-CN', partner: '实验小学', assets: origin });
 */
export function residentAppPage(o: { lang: 'zh-CN' | 'en'; partner: string; assets: string; token?: string; noResident?: boolean }): string {
  const t = T[o.lang];
  const body = o.noResident
    ? `<p>${e(t.none)}</p>`
    : o.token
      ? `<p>${e(t.ready)}</p>
<form method="post" action="/demo/handoff">
  <input type="hidden" name="jifen_token" value="${e(o.token)}">
  <input type="hidden" name="lang" value="${o.lang}">
  <button type="submit">${e(t.go(o.partner))}</button>
</form>`
      : `<p><strong>${e(t.ask(o.partner))}</strong></p>
<p>${e(t.what)}</p>
<form method="post" action="/demo/resident-app/consent">
  <input type="hidden" name="lang" value="${o.lang}">
  <button type="submit">${e(t.agree)}</button>
</form>`;
  return `<!doctype html>
<html lang="${o.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<link rel="stylesheet" href="${e(o.assets)}/demo/school.css">
</head>
<body><header class="site"><span class="brand">${e(t.title)}</span></header>
<main>${body}</main>
</body></html>
`;
}
