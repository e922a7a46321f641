import type { Page } from 'playwright-core';
import type { RuleSet } from '../../../server/src/domain/rule-set/schema';

/**
 * Text that would run, inject markup or mislead if a page treated it as anything but text: markup with
 * handlers, a script break-out, template syntax, a `javascript:` URL, bidi overrides, prototype keys,
 * already-escaped entities, and the longest title a rule set may carry (200 characters).
 */
export const HOSTILE_TEXT = {
  img: '<img src=x onerror=alert("img")>',
  script: '</script><script>alert("script")</script>',
  svg: '"><svg onload=alert("svg")>',
  iframe: `<iframe srcdoc="<script>parent.alert('iframe')</script>"></iframe>`,
  template: '{{constructor.constructor(\'alert("tpl")\')()}} ${alert("tpl")}',
  url: 'javascript:alert("href")',
  rtl: '\u202E\u2066exe.txt\u2069\u202C 右至左',
  proto: '__proto__',
  ctor: 'constructor',
  escaped: '&lt;i&gt;already escaped&lt;/i&gt; &amp; &#60;',
  long: `<b onmouseover=alert("long")>${'长'.repeat(200)}`.slice(0, 200),
} as const;

const PAYLOADS: readonly string[] = Object.values(HOSTILE_TEXT);

/**
 * The rule set with every title, description and test-case name replaced by hostile text, in turn; the
 * rule set itself gets the longest one and its school-enrollment scenario the `<img onerror>` one. Only
 * text changes: every rule still scores the same, so the document passes validation and its cases.
 *
 * @example
 * const hostile = hostileRuleSet(v1); hostile.scenarios[0].title.zh; // '<img src=x onerror=alert("img")>'
 */
export function hostileRuleSet(document: RuleSet): RuleSet {
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length]!;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const text = v !== null && typeof v === 'object' && 'zh' in v && 'en' in v;
      if ((key === 'title' || key === 'description') && text) out[key] = { zh: next(), en: next() };
      else if (key === 'title' && typeof v === 'string') out[key] = next();
      else out[key] = walk(v);
    }
    return out;
  };
  const hostile = walk(structuredClone(document)) as RuleSet;
  hostile.title = { zh: HOSTILE_TEXT.long, en: HOSTILE_TEXT.proto };
  hostile.scenarios = hostile.scenarios.map((s) => (s.id === 'school-enrollment' ? { ...s, title: { zh: HOSTILE_TEXT.img, en: HOSTILE_TEXT.script } } : s));
  return hostile;
}

/**
 * What on the page is not inert: elements hostile text would have injected (`img`, `svg`, `iframe`,
 * `object`, `embed`, `b`, inline `script`), any `on…` attribute, and any `javascript:` link — looked for in
 * the document and inside every shadow root. Empty when all text stayed text.
 *
 * @example
 * expect(await injectedMarkup(page)).toEqual([]);
 */
export function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot, where: string) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['img', 'svg', 'iframe', 'object', 'embed', 'b'].includes(tag)) found.push(`<${tag}> in ${where}`);
        if (tag === 'script' && !el.hasAttribute('src')) found.push(`inline <script> in ${where}`);
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${attr}= on <${tag}> in ${where}`);
        if (/^\s*javascript:/i.test(el.getAttribute('href') ?? '')) found.push(`javascript: link in ${where}`);
        if (el.shadowRoot) visit(el.shadowRoot, `<${tag}>'s shadow root`);
      }
    };
    visit(document, 'the document');
    return found;
  });
}

/**
 * Collects every dialog a page opens (an `alert` from injected script) and dismisses it.
 *
 * @example
 * const dialogs = watchDialogs(page); … ; expect(dialogs).toEqual([]);
 */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}
