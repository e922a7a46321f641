import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serveApp } from '../apps/serve-app';

/** One `<jifen-eligibility>` on a partner page: its attributes, written as the page's HTML has them. */
export type WidgetAttributes = Record<string, string | undefined>;

/** A partner page: its `<html lang>`, the widgets it embeds, and a stylesheet of its own. */
export interface PartnerPage {
  htmlLang?: string;
  widgets: WidgetAttributes[];
  /** The page's own CSS, served from the page's origin (never inline: the CSP forbids it). */
  css?: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A partner's site on its own origin of this machine, under a strict Content-Security-Policy (no inline
 * script or style, scripts and requests only from itself and the Jifen servers named), serving the page
 * the test last set at `/page`. The widget script comes from `jifen`.
 *
 * @example
 * const site = await partnerPages(jifenUrl); site.set({ widgets: [{ scenario: 'school-enrollment', 'partner-key': key }] });
 * await page.goto(`${site.url}/page`);
 */
export async function partnerPages(jifen: string, options: { connect?: string[]; script?: string } = {}) {
  let current: PartnerPage = { widgets: [] };
  const jifenOrigin = new URL(jifen).origin;
  const app = new Hono();
  app.get('/page', (c) => {
    const p = current;
    const tags = p.widgets
      .map((attrs) => {
        const list = Object.entries(attrs)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${k}="${escape(v ?? '')}"`)
          .join(' ');
        return `<jifen-eligibility ${list}><p>积分组件未能加载 · The points widget could not load.</p></jifen-eligibility>`;
      })
      .join('\n');
    c.header(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `script-src 'self' ${jifenOrigin}`,
        "style-src 'self'",
        `connect-src 'self' ${[jifenOrigin, ...(options.connect ?? [])].join(' ')}`,
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    return c.html(`<!doctype html>
<html${p.htmlLang !== undefined ? ` lang="${escape(p.htmlLang)}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page</title>
<link rel="stylesheet" href="/page.css">
<script type="module" src="/page.js"></script>
<script type="module" src="${escape(options.script ?? `${jifenOrigin}/widget/jifen-eligibility.js`)}"></script>
</head>
<body><main><h1>合作方页面</h1>
${tags}
<pre><output id="events"></output></pre>
</main></body></html>`);
  });
  app.get('/page.css', (c) => c.body((current.css ?? '') + ' body { margin: 0; padding: 8px; } pre { white-space: pre-wrap; overflow-wrap: anywhere; }', 200, { 'content-type': 'text/css' }));
  // The page's own script records every widget event, as a partner's page would pass them on. It comes
  // before the widget's script (module scripts run in document order), so that an error the widget
  // fires at once — a refused connection — is never fired before anyone listens.
  app.get('/page.js', (c) =>
    c.body(
      `const out = document.getElementById('events'); const all = [];
for (const type of ['jifen-result', 'jifen-error']) document.addEventListener(type, (e) => { all.push({ type, target: e.target.id, ...e.detail }); out.textContent = JSON.stringify(all); });`,
      200,
      { 'content-type': 'text/javascript' },
    ),
  );
  const served = await serveApp(app);
  return { ...served, set: (page: PartnerPage) => void (current = page) };
}

/**
 * A server that accepts connections and never answers: what a widget meets when Jifen hangs. Every
 * request it holds is counted.
 *
 * @example
 * const hang = await hangingServer(); … ; await hang.close();
 */
export async function hangingServer(): Promise<{ url: string; held: () => number; close: () => Promise<void> }> {
  let held = 0;
  const server: Server = createServer(() => void held++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held: () => held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
