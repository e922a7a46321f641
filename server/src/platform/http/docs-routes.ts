import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

/** The reference page's own files, served by Jifen so that it works offline and under `script-src 'self'`. */
const SCALAR_PATH = `${DOCS_PATH}/scalar.js`;
const INIT_PATH = `${DOCS_PATH}/init.js`;

const require = createRequire(import.meta.url);
let scalarBundle: string | undefined;

/**
 * Serves the OpenAPI 3.1 document, generated from the routes' own zod schemas, and a browsable
 * reference page built from it (Scalar's standalone bundle from the installed package, no CDN, no inline
 * script). Call it after every route is registered.
 *
 * @example
 * addApiDocs(app, '0.1.0');
 */
export function addApiDocs<E extends Env>(app: OpenAPIHono<E>, version: string): void {
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Jifen API',
      version,
      description:
        "Jifen (积分) scores new citizens by the district's points rules. Every error answers " +
        '`{"error": {"code", "message", "fields": [{"path", "message"}]}}`, where `fields` names each offending input.',
    },
  });

  app.get(DOCS_PATH, (c) => c.html(DOCS_PAGE));
  app.get(INIT_PATH, (c) => c.body(INIT_SCRIPT, 200, JS_HEADERS));
  app.get(SCALAR_PATH, (c) => {
    scalarBundle ??= readFileSync(require.resolve('@scalar/api-reference/browser/standalone.js'), 'utf8');
    return c.body(scalarBundle, 200, JS_HEADERS);
  });
}

const CONFIGURATION = {
  url: OPENAPI_PATH,
  // The default fonts come from Scalar's servers; the page uses the system's.
  withDefaultFonts: false,
  hideClientButton: true,
  // The AI agent and the developer toolbar (share, deploy) would reach Scalar's services; on localhost
  // they switch themselves on.
  agent: { disabled: true },
  showDeveloperTools: 'never',
  showToolbar: 'never',
};

const JS_HEADERS = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' };

const INIT_SCRIPT = `Scalar.createApiReference('#app', ${JSON.stringify(CONFIGURATION)});\n`;

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Jifen API</title>
  </head>
  <body>
    <div id="app"></div>
    <noscript><a href="${OPENAPI_PATH}">The OpenAPI document</a></noscript>
    <script src="${SCALAR_PATH}"></script>
    <script src="${INIT_PATH}"></script>
  </body>
</html>
`;
