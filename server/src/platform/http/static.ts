import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { errorBody, errorResponse } from './errors';

/** Where `npm run build` puts the rules editor. */
export const EDITOR_DIST = fileURLToPath(new URL('../../../../rules-editor/dist', import.meta.url));

/** Vite names built assets `name-<hash>.ext`; their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.\w+$/;

/** The page may load only its own scripts, styles and data; nothing may frame it. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves a single-page app built into `root` under `mount` (e.g. `/editor`): files with their content type,
 * hashed assets cached for a year, and `index.html` (never cached) for every other path without a file
 * extension, so that the app's own routes survive a reload. A missing asset answers 404, never the page.
 *
 * @example
 * app.route('/editor', serveSpa({ mount: '/editor', root: EDITOR_DIST }));
 */
export function serveSpa(options: { mount: string; root: string }): Hono {
  const { mount, root } = options;
  const app = new Hono();
  const indexFile = join(root, 'index.html');

  app.get('/', async (c, next) => {
    // `/editor` without its slash would resolve the page's relative URLs against `/`.
    if (!c.req.path.endsWith('/')) return c.redirect(`${mount}/`, 301);
    return next();
  });

  // Headers go on after the file is found: the response exists only then.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 && c.res.status !== 206 && c.res.status !== 304) return;
    const type = c.res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) setPageHeaders((name, value) => c.res.headers.set(name, value));
    else if (HASHED_ASSET.test(c.req.path.slice(mount.length))) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    else c.res.headers.set('Cache-Control', 'no-cache');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.use('*', serveStatic({ root, rewriteRequestPath: (path) => path.slice(mount.length) || '/' }));

  app.get('*', async (c) => {
    const relative = c.req.path.slice(mount.length);
    if (/\.[A-Za-z0-9]+$/.test(relative)) {
      return errorResponse(c, errorBody('not_found', { en: `Static: no file ${c.req.path}`, zh: '没有这个文件' }), 404);
    }
    if (!existsSync(indexFile)) {
      return errorResponse(c, errorBody('not_found', { en: `Static: ${mount}/ is not built yet; run npm run build`, zh: '这个页面还没有准备好' }), 404);
    }
    return c.html(await readFile(indexFile, 'utf8'));
  });

  return app;
}

function setPageHeaders(header: (name: string, value: string) => void): void {
  header('Cache-Control', 'no-cache');
  header('Content-Security-Policy', PAGE_CSP);
  header('X-Content-Type-Options', 'nosniff');
  header('Referrer-Policy', 'same-origin');
}

/**
 * The rules editor at `/editor/`.
 *
 * @example
 * app.route('/editor', serveEditor());
 */
export function serveEditor(root: string = EDITOR_DIST): Hono {
  return serveSpa({ mount: '/editor', root });
}
