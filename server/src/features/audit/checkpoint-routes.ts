import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import type { AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json, need, type LifecycleRouteDeps } from '../staff';
import { checkpointRequestSchema, checkpointSchema, checkpointVerdictSchema } from './checkpoint-schemas';
import { checkCheckpoint, takeCheckpoint } from './checkpoints';

const tags = ['Audit trail'];

const checkpointRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit/checkpoint',
  tags,
  summary: "A signed checkpoint of the trail's newest entry",
  description:
    'Signed (HMAC-SHA256) with a key the database does not hold (`JIFEN_AUDIT_KEY`). Keep it away from the server; ' +
    '`POST /api/v1/audit/verify` with it later tells whether the trail was cut back or rewritten and chained again.',
  responses: { 200: json(checkpointSchema, 'The checkpoint'), ...errorResponses(401, 403, 404) },
});

const verifyCheckpointRoute = createRoute({
  method: 'post',
  path: '/api/v1/audit/verify',
  tags,
  summary: 'Check the trail against a saved checkpoint',
  description:
    '`ok: false` when the signature does not hold, when the trail no longer contains the entry with that hash (entries cut from the end, ' +
    'the trail rewritten and chained again), or when an entry before it was altered; `problems` names each.',
  middleware: [jsonBody({ maxBytes: 4 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: checkpointRequestSchema } } } },
  responses: { 200: json(checkpointVerdictSchema, 'Whether the trail holds the checkpoint'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

/**
 * `GET /audit/checkpoint` and `POST /audit/verify {checkpoint}` (DESIGN.md "Audit checkpoints"), for
 * auditors and admins. Without a key (`auditKey`) both answer 404.
 *
 * @example
 * app.route('/', checkpointRoutes({ ...deps, auditKey }));
 */
export function checkpointRoutes(deps: LifecycleRouteDeps & { auditKey?: string }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const key = () => {
    if (deps.auditKey) return deps.auditKey;
    throw new JifenError('not_found', { en: 'Audit: this server has no audit key (JIFEN_AUDIT_KEY), so it signs no checkpoints', zh: '这台服务器没有设置审计密钥，不能签发审计检查点' });
  };

  app.openapi(checkpointRoute, async (c) => {
    const ctx = need(deps);
    c.header('Cache-Control', 'no-store');
    return c.json(await takeCheckpoint(ctx.db, key(), ctx.now()), 200);
  });

  app.openapi(verifyCheckpointRoute, async (c) => {
    const { checkpoint } = c.req.valid('json');
    return c.json(await checkCheckpoint(need(deps).db, key(), checkpoint), 200);
  });

  return app;
}
