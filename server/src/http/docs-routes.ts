import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

/**
 * Serves the OpenAPI 3.1 document, generated from the routes' own zod schemas, and a browsable
 * reference page built from it. Call it after every route is registered.
 *
 * @example
 * addApiDocs(app, '0.1.0');
 */
export function addApiDocs(app: OpenAPIHono, version: string): void {
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
  app.get(DOCS_PATH, Scalar({ url: OPENAPI_PATH, pageTitle: 'Jifen API' }));
}
