// zod-openapi first: schemas created before it lack `.openapi()` (zod 4 copies methods at creation).
import '@hono/zod-openapi';
import { serve } from '@hono/node-server';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { accessControl, type AppEnv } from '../src/platform/http/access';
import { DOCS_PATH } from '../src/platform/http/docs-routes';
import { errorHandler, validationHook } from '../src/platform/http/errors';
import { EVALUATE_MAX_BYTES } from '../src/features/evaluate/evaluate-routes';
import { evaluateRequestSchema } from '../src/features/evaluate/evaluation-schemas';
import { jsonBody } from '../src/platform/http/json-body';
import { securityHeaders } from '../src/platform/http/security-headers';
import { sessionResolver } from '../src/features/staff/session-auth';
import { DEFAULT_SESSION_POLICY } from '../src/features/staff/sessions';
import { evaluate } from '../src/domain/scoring/evaluate';
import { parseFacts } from '../src/domain/scoring/facts';
import type { Evaluation } from '../src/domain/scoring/types';
import { loadShippedRuleSets } from '../../test/support/data/rule-sets';

/**
 * The ceiling of `POST /api/v1/evaluate` on this machine, for `npm run bench` part (b): the same path
 * through the same middlewares (security headers, the access table, the JSON body guard, the strict request
 * schema) answering the same kind of response, but without picking a version or evaluating. The first
 * request is evaluated against the shipped district rule set; every later one gets that evaluation again.
 * Listens on `PORT` of 127.0.0.1 and says so as `npm start` does.
 */

const rs = loadShippedRuleSets().get('district-sample@2');
if (!rs) throw new Error('Bench: district-sample@2 is not shipped');
let answer: Evaluation | undefined;

const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
app.use('*', securityHeaders({ docsPath: DOCS_PATH, network: { trustProxy: false } }));
app.use('*', accessControl({ resolvers: [sessionResolver(undefined, DEFAULT_SESSION_POLICY)] }));
app.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/evaluate',
    middleware: [jsonBody({ maxBytes: EVALUATE_MAX_BYTES })],
    request: { body: { required: true, content: { 'application/json': { schema: evaluateRequestSchema } } } },
    responses: { 200: { description: 'The first request’s evaluation' } },
  }),
  async (c) => {
    const body = c.req.valid('json');
    answer ??= await evaluate(rs, parseFacts(rs, body.facts, 'facts'), body.asOf);
    return c.json(answer, 200);
  },
);
app.onError(errorHandler((message, error) => console.error(message, error)));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) =>
  console.log(`Jifen listening on http://127.0.0.1:${info.port} (bench ceiling)`),
);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
