import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml as e } from './demo-page';
import { ERROR_CODES, REFERENCE_ZH } from './docs-text-zh';
import { WIDGET_ROOT } from './widget-assets';

/**
 * `/widget/docs`: the partner developer's page, in Chinese (default) or English — the versioned,
 * integrity-pinned tag, every attribute, event, part and custom property (from the custom-elements
 * manifest), live examples, theming, the CSP lines, the token hand-off, statement verification and
 * fallback content. No inline script or style: it runs under Jifen's own page CSP.
 */
export interface DocsPageOptions {
  /** Jifen's public URL, where partners load the script from. */
  jifen: string;
  version: string;
  integrity: string;
  lang: 'zh-CN' | 'en';
  /** The demo partner's key, registered for this server's own origin: live examples when present. */
  demoKey?: string;
}

interface Described {
  name: string;
  description?: string;
  default?: string;
}
interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: Described[]; events?: Described[]; cssParts?: Described[]; cssProperties?: Described[] }[] }[];
}

const T = {
  'zh-CN': {
    title: '<jifen-eligibility> 合作方接入文档',
    intro: '在贵单位网站加入两行 HTML，即可让居民自测积分资格，或在居民授权后显示其真实积分。无需构建工具，可在严格的内容安全策略（CSP）下运行。',
    embed: '接入：固定版本并校验完整性',
    embedNote: '请使用带版本号的地址和 integrity 值：该地址的内容永不改变（可长期缓存），浏览器会拒绝被篡改的脚本。元素内的内容是脚本无法加载时显示的后备内容。',
    live: '实时示例',
    liveNote: '以下组件使用本服务器的演示合作方密钥，与合作方网站上的效果相同。',
    noLive: '本服务器未启用演示合作方（JIFEN_DEMO=0），此处只列出代码。',
    themed: '主题示例：在 :root 或元素上设置 --jifen-* 变量',
    attributes: '属性',
    events: '事件（冒泡、composed，类型见 jifen-eligibility.d.ts）',
    parts: '可样式化部件（::part）',
    props: '主题变量（CSS 自定义属性）',
    name: '名称',
    meaning: '说明',
    defaults: '默认值',
    csp: '内容安全策略（CSP）',
    cspNote: '贵网站的 CSP 需要允许从 Jifen 加载脚本并连接 Jifen：',
    handoff: '居民授权与令牌交接（居民模式）',
    handoffSteps: [
      '居民在“新市民”App 中选择贵单位（合作方）和事项，并同意授权。',
      'App 以其 resident-app 服务凭证调用 POST /api/v1/widget-tokens，传入 residentId、ruleSetId、scenarioId、partnerId、origin 和 consent: true；令牌只对该合作方、该网站来源和该事项有效，15 分钟内有效。',
      'App 以 HTML 表单 POST（而不是网址参数）把令牌提交到贵网站的交接地址，例如 https://hospital.example/jifen/handoff。令牌绝不能出现在网址查询串中（会进入历史记录、日志和 Referer）。',
      '贵网站后端把收到的令牌写入返回页面中组件的 resident-token 属性，并设置 Cache-Control: no-store 与 Referrer-Policy: no-referrer。',
      '组件显示居民的真实积分；每次查看都记入审计日志（哪个合作方在何时查看了哪位居民）。居民可在 App 中查看并撤回授权，撤回后令牌立即失效。',
    ],
    handoffExample: '可运行的示例：/demo/resident-app（模拟居民 App）把令牌 POST 到 /demo/handoff（模拟合作方页面）。',
    verify: '在后端验证结果声明（statement）',
    verifyNote:
      'jifen-result 事件的 detail.statement 是一个 JWS。依赖结果之前，请在后端用 /.well-known/jwks.json 验证签名，并检查 typ、iss（Jifen 的公开地址 JIFEN_PUBLIC_URL）、aud（贵单位的合作方 id）和 exp。自测（mode: self-check）的声明带有 estimate: true：它只是根据访客自己填写的内容的估算，不能作为资格证明；factsHash 是所填事实的规范化 JSON 的 SHA-256。',
    fallback: '后备内容',
    fallbackNote: '脚本无法加载时（网络、CSP 配置错误），浏览器显示元素内的内容；组件遇到访客自己无法解决的错误时，也在提示旁显示它。请写上可以替代的办理途径。',
    key: '获取密钥',
    keyNote:
      '密钥由主管部门的系统管理员登记贵单位后签发：登记时提供单位名称、网站地址（origin，例如 https://hospital.example）和要显示的场景。网站地址须与页面地址完全一致：协议、域名和端口都算在内，http://localhost:8080 与 http://127.0.0.1:8080 是两个不同的地址。密钥只显示一次，请妥善保存。可用的场景编号记在贵单位的登记信息中（向管理员索取），GET /api/v1/rule-sets 也列出各规则集的场景。',
    codes: '错误代码（jifen-error 的 detail.code）',
    code: '代码',
  },
  en: {
    title: '<jifen-eligibility> for partner developers',
    intro: "Two lines of HTML on your site let residents self-check their points eligibility, or, with the resident's consent, see their real score. No build step; works under a strict Content-Security-Policy.",
    embed: 'Embed: pin the version and check integrity',
    embedNote: 'Use the versioned address with its integrity value: what it serves never changes (cache it for good), and the browser refuses a tampered script. The element\'s content is the fallback shown when the script cannot load.',
    live: 'Live examples',
    liveNote: "These use this server's demo partner key and behave exactly as on a partner's site.",
    noLive: 'This server runs without the demo partner (JIFEN_DEMO=0), so only the code is shown.',
    themed: 'Theming: set --jifen-* properties on :root or on the element',
    attributes: 'Attributes',
    events: 'Events (bubbling, composed; typed in jifen-eligibility.d.ts)',
    parts: 'Parts (::part)',
    props: 'Theme tokens (CSS custom properties)',
    name: 'Name',
    meaning: 'Meaning',
    defaults: 'Default',
    csp: 'Content-Security-Policy',
    cspNote: "Your page's CSP must let it load the script from Jifen and connect to Jifen:",
    handoff: "The resident's consent and the token hand-off (resident mode)",
    handoffSteps: [
      'In the new-citizen app the resident picks your organisation (the partner) and the scenario, and agrees.',
      'The app calls POST /api/v1/widget-tokens with its resident-app service credential: residentId, ruleSetId, scenarioId, partnerId, origin and consent: true. The token works only for that partner, that site origin and that scenario, for 15 minutes.',
      'The app hands the token to your site with an HTML form POST to your hand-off address (e.g. https://hospital.example/jifen/handoff), never in a URL query (it would reach history, logs and Referer headers).',
      "Your backend writes the token into the resident-token attribute of the page it returns, with Cache-Control: no-store and Referrer-Policy: no-referrer.",
      'The widget shows the real result; every view is in the audit trail (which partner saw which resident, when). Residents list and revoke their consents in the app; a revoked consent ends its tokens at once.',
    ],
    handoffExample: 'A working example: /demo/resident-app (a stand-in for the resident app) POSTs the token to /demo/handoff (a stand-in partner page).',
    verify: 'Verify the statement on your backend',
    verifyNote:
      "detail.statement of jifen-result is a JWS. Before relying on a result, verify it on your backend against /.well-known/jwks.json and check typ, iss (Jifen's public URL, JIFEN_PUBLIC_URL), aud (your partner id) and exp. A self-check statement (mode: self-check) carries estimate: true: it estimates from what the visitor typed and is not evidence of eligibility; factsHash is the SHA-256 of those facts' canonical JSON.",
    fallback: 'Fallback content',
    fallbackNote:
      "When the script cannot load (network, a wrong CSP), the browser shows the element's content; the widget shows it again beside an error the visitor cannot fix. Say there how else to apply.",
    key: 'Getting a key',
    keyNote:
      "The district's administrator registers your organisation and issues the key: give your name, your site's origin (e.g. https://hospital.example) and the scenarios to show. The origin must match the page exactly, scheme, host and port: http://localhost:8080 and http://127.0.0.1:8080 are two origins. The key is shown once; keep it. Your scenario ids are in your registration (ask the administrator); GET /api/v1/rule-sets also lists every rule set's scenarios.",
    codes: 'Error codes (detail.code of jifen-error)',
    code: 'Code',
  },
} as const;

export function manifestElement() {
  const manifest = JSON.parse(readFileSync(join(WIDGET_ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
  const el = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'jifen-eligibility');
  return { attributes: el?.attributes ?? [], events: el?.events ?? [], parts: el?.cssParts ?? [], props: el?.cssProperties ?? [] };
}

const table = (head: string[], rows: string[][]) =>
  `<div class="scroll"><table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row"><code>${e(c)}</code></th>` : `<td>${e(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table></div>`;

/**
 * The docs page's HTML.
 *
 * @example
 * widgetDocsPage({ jifen: 'https://jifen.example', version: '1.0.0', integrity: 'sha384-…', lang: 'zh-CN' });
 */
export function widgetDocsPage(o: DocsPageOptions): string {
  const t = T[o.lang];
  const el = manifestElement();
  const zh = o.lang === 'zh-CN';
  // The manifest speaks English (it comes from the component's comments); the Chinese page says the same in Chinese.
  const said = (kind: keyof typeof REFERENCE_ZH, a: { name: string; description?: string }) => (zh ? REFERENCE_ZH[kind][a.name] : undefined) ?? a.description ?? '';
  const src = `${o.jifen}/widget/v${o.version}/jifen-eligibility.js`;
  const origin = new URL(o.jifen).origin;
  const tag = `<script type="module" src="${src}"\n        integrity="${o.integrity}" crossorigin="anonymous"></script>\n<jifen-eligibility scenario="school-enrollment" partner-key="jfk_…" heading-level="3">\n  <p>积分自测暂时无法加载，请到 XX区新市民服务中心办理。 · The points check cannot load; please apply at the service centre.</p>\n</jifen-eligibility>`;
  const csp = `script-src 'self' ${origin};\nconnect-src 'self' ${origin};`;
  const verify = `import { createRemoteJWKSet, jwtVerify } from 'jose';

// JIFEN_PUBLIC_URL: the iss of every statement
const JIFEN = '${o.jifen}';
const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', JIFEN));

export async function checkStatement(statement, partnerId) {
  const { payload } = await jwtVerify(statement, jwks, {
    algorithms: ['ES256'],
    typ: 'jifen-statement+jwt',
    issuer: JIFEN,
    audience: partnerId, // your partner id
    requiredClaims: ['exp', 'iat'], // exp is checked against the clock
  });
  if (payload.mode === 'self-check') {
    // payload.estimate === true: an estimate from what the visitor typed, not evidence.
  }
  return payload; // { scenario, version, hash, asOf, mode, result: { eligible, score, bar, shortBy }, … }
}`;
  const example = (id: string, extra = '') =>
    o.demoKey
      ? `<jifen-eligibility id="${id}" scenario="school-enrollment" partner-key="${e(o.demoKey)}" lang="${o.lang}" heading-level="3"${extra}><p>${e(t.fallbackNote)}</p></jifen-eligibility>`
      : `<p class="note">${e(t.noLive)}</p>`;
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<link rel="stylesheet" href="/demo/docs.css">
<script type="module" src="/widget/v${e(o.version)}/jifen-eligibility.js" integrity="${e(o.integrity)}" crossorigin="anonymous"></script>
</head>
<body>
<header class="site"><span class="brand">Jifen 积分 · widget v${e(o.version)}</span>
<nav aria-label="Language"><a href="?lang=zh-CN" lang="zh-CN">中文</a> · <a href="?lang=en" lang="en">English</a></nav></header>
<main>
<h1>${e(t.title)}</h1>
<p>${e(t.intro)}</p>
<h2>${e(t.embed)}</h2>
<p>${e(t.embedNote)}</p>
<pre><code>${e(tag)}</code></pre>
<h2>${e(t.live)}</h2>
<p class="note">${e(o.demoKey ? t.liveNote : t.noLive)}</p>
${example('live')}
<h3>${e(t.themed)}</h3>
<pre><code>${e(':root {\n  --jifen-color-primary: #0f6e56;\n  --jifen-radius: 2px;\n  --jifen-font-family: Georgia, "Songti SC", serif;\n}')}</code></pre>
<div class="themed">${o.demoKey ? example('themed') : ''}</div>
<h2>${e(t.key)}</h2>
<p>${e(t.keyNote)}</p>
<h2>${e(t.attributes)}</h2>
${table([t.name, t.meaning], el.attributes.map((a) => [a.name, said('attributes', a)]))}
<h2>${e(t.events)}</h2>
${table([t.name, t.meaning], el.events.map((a) => [a.name, said('events', a)]))}
<h2>${e(t.codes)}</h2>
${table([t.code, t.meaning], ERROR_CODES.map((c) => [c.code, zh ? c.zh : c.en]))}
<h2>${e(t.parts)}</h2>
${table([t.name, t.meaning], el.parts.map((a) => [a.name, said('parts', a)]))}
<h2>${e(t.props)}</h2>
${table([t.name, t.defaults, t.meaning], el.props.map((a) => [a.name, a.default ?? '', said('props', a)]))}
<h2>${e(t.csp)}</h2>
<p>${e(t.cspNote)}</p>
<pre><code>${e(csp)}</code></pre>
<h2>${e(t.handoff)}</h2>
<ol>${t.handoffSteps.map((s) => `<li>${e(s)}</li>`).join('')}</ol>
<p>${e(t.handoffExample)}</p>
<h2>${e(t.verify)}</h2>
<p>${e(t.verifyNote)}</p>
<pre><code>${e(verify)}</code></pre>
<h2>${e(t.fallback)}</h2>
<p>${e(t.fallbackNote)}</p>
<p><a href="/widget/custom-elements.json">custom-elements.json</a> · <a href="/widget/v${e(o.version)}/jifen-eligibility.d.ts">jifen-eligibility.d.ts</a> · <a href="/widget/package.json">package.json</a> · <a href="/demo/school">/demo/school</a></p>
</main>
</body>
</html>
`;
}
