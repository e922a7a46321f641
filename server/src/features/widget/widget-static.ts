import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { JifenError } from '../../domain/errors';
import { WIDGET_ROOT, widgetAsset, widgetVersion } from './widget-assets';

/** The demo partner page's own stylesheet and script. */
export const DEMO_ASSETS = fileURLToPath(new URL('../../../../widget/demo', import.meta.url));
const DEMO_FILES: Record<string, string> = {
  'school.css': 'text/css; charset=utf-8',
  'school.js': 'text/javascript; charset=utf-8',
  'docs.css': 'text/css; charset=utf-8',
};

/**
 * Answers a widget file: brotli or gzip when the browser takes it, a strong ETag (304 on a match), and
 * readable from every origin (partner pages load the module with CORS).
 */
function sendAsset(c: Context, name: string, root: string, cacheControl: string): Response {
  const asset = widgetAsset(name, root);
  if (!asset) {
    const en = name === 'jifen-eligibility.js' ? 'Static: the widget is not built yet; run npm run build' : `Static: no file ${c.req.path}`;
    throw new JifenError('not_found', { en, zh: name === 'jifen-eligibility.js' ? '积分组件还没有准备好' : '没有这个文件' });
  }
  const accepts = c.req.header('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
  const etag = encoding ? `${asset.etag.slice(0, -1)}-${encoding}"` : asset.etag;
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  c.header('Vary', 'Accept-Encoding');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  const match = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (match.includes(etag) || match.includes('*')) return c.body(null, 304);
  c.header('Content-Type', asset.type);
  if (encoding) c.header('Content-Encoding', encoding);
  return c.body(encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.raw);
}

const FILE = '/:file{[a-z-]+\\.(?:js|json|d\\.ts)}';

/**
 * The widget's files. `/widget/v<version>/…` is the address partners pin, with the SRI `integrity` of the
 * script: immutable, cached for a year. `/widget/…` without a version always serves the current build and
 * is revalidated after five minutes. Files: `jifen-eligibility.js`, `jifen-eligibility.d.ts`,
 * `custom-elements.json`, `package.json`.
 *
 * @example
 * app.route('/widget', serveWidget());
 */
export function serveWidget(root: string = WIDGET_ROOT): Hono {
  const app = new Hono();
  app.get(`/:version{v[0-9]+\\.[0-9]+\\.[0-9]+}${FILE}`, (c) => {
    const current = `v${widgetVersion(root)}`;
    if (c.req.param('version') !== current) {
      throw new JifenError('not_found', { en: `Static: this server serves the widget ${current}, not ${c.req.param('version')}; see /widget/docs`, zh: `这台服务器提供的是 ${current} 版组件，请查看 /widget/docs` });
    }
    return sendAsset(c, c.req.param('file'), root, 'public, max-age=31536000, immutable');
  });
  app.get(FILE, (c) => sendAsset(c, c.req.param('file'), root, 'public, max-age=300'));
  return app;
}

/** `/demo/school.css` and `/demo/school.js`, the demo partner page's own files. */
export function serveDemoAssets(root: string = DEMO_ASSETS): Hono {
  const app = new Hono();
  app.get('/:file{[a-z-]+\\.(?:js|css)}', async (c) => {
    const name = c.req.param('file');
    const type = Object.hasOwn(DEMO_FILES, name) ? DEMO_FILES[name] : undefined;
    const path = join(root, name);
    if (!type || !existsSync(path)) throw new JifenError('not_found', { en: `Static: no file ${c.req.path}`, zh: '没有这个文件' });
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(await readFile(path));
  });
  return app;
}
