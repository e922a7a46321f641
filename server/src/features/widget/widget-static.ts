import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { JifenError } from '../../domain/errors';

/** Where `npm run build:widget` puts the widget. */
export const WIDGET_DIST = fileURLToPath(new URL('../../../../widget/dist', import.meta.url));
/** The demo partner page's own stylesheet and script. */
export const DEMO_ASSETS = fileURLToPath(new URL('../../../../widget/demo', import.meta.url));

/** The files served, by name: nothing else under the folders is reachable. */
const WIDGET_FILES: Record<string, string> = { 'jifen-eligibility.js': 'text/javascript; charset=utf-8' };
const DEMO_FILES: Record<string, string> = { 'school.css': 'text/css; charset=utf-8', 'school.js': 'text/javascript; charset=utf-8' };

/**
 * Serves fixed files of a folder by name. Partner pages on other origins load them (a module script is
 * fetched with CORS), so every origin may read them; they change with each release, so caches revalidate
 * after five minutes.
 */
function serveFiles(root: string, files: Record<string, string>, notBuilt: string): Hono {
  const app = new Hono();
  app.get('/:file{[a-z-]+\\.(?:js|css)}', async (c) => {
    const name = c.req.param('file');
    const type = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!type) throw new JifenError('not_found', `Static: no file ${c.req.path}`);
    const path = join(root, name);
    if (!existsSync(path)) throw new JifenError('not_found', notBuilt);
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(await readFile(path));
  });
  return app;
}

/**
 * `/widget/jifen-eligibility.js`, the one module partner pages load.
 *
 * @example
 * app.route('/widget', serveWidget());
 */
export function serveWidget(root: string = WIDGET_DIST): Hono {
  return serveFiles(root, WIDGET_FILES, 'Static: the widget is not built yet; run npm run build');
}

/** `/demo/school.css` and `/demo/school.js`, the demo partner page's own files. */
export function serveDemoAssets(root: string = DEMO_ASSETS): Hono {
  return serveFiles(root, DEMO_FILES, 'Static: no demo assets');
}
