import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { diffRefs } from './rule-set-diff';
import type { AppEnv } from '../../platform/http/access';
import { diffQuerySchema, diffSchema } from '../audit';
import { ruleSetIdParamsSchema } from '../drafts';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { json, need, type LifecycleRouteDeps } from '../staff';

const diffRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets/{id}/diff',
  tags: ['Drafts and publishing'],
  summary: 'What changed between two versions, or a version and a draft',
  description:
    'The changes in policy terms (indicator added or removed; points, tier, rate, cap, band or condition changed; scenario bar, places, ' +
    'tie-breakers…) as sentences in Chinese and English, the RFC 6902 JSON Patch, and the test cases whose outcome changes.',
  request: { params: ruleSetIdParamsSchema, query: diffQuerySchema },
  responses: { 200: json(diffSchema, 'The differences'), ...errorResponses(401, 403, 404, 422) },
});

/**
 * `GET /rule-sets/{id}/diff?from=&to=`.
 *
 * @example
 * app.route('/', diffRoutes(deps));
 */
export function diffRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(diffRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await diffRefs(need(deps), c.req.valid('param').id, from, to), 200);
  });
  return app;
}
