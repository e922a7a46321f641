import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import { startOfLocalDate } from '../../domain/local-date';
import { dateSchema } from '../../domain/rule-set/schema';
import { listAudit, verifyAuditLog } from '../../platform/db/audit-log';
import type { AppEnv } from '../../platform/http/access';
import { auditPageSchema, auditQuerySchema, auditVerificationSchema } from './audit-schemas';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { json, need, type LifecycleRouteDeps } from '../staff';

const tags = ['Audit trail'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags,
  summary: 'Read the audit trail, newest first',
  description: 'Every state-changing action with actor, time, target and content hashes, each entry chained to the previous one by SHA-256.',
  request: { query: auditQuerySchema },
  responses: { 200: json(auditPageSchema, 'One page of entries'), ...errorResponses(401, 403, 422) },
});

const verifyRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit/verify',
  tags,
  summary: 'Check the hash chain of the whole trail',
  description: 'Names every entry that was altered, inserted or deleted in the database, by `seq`.',
  responses: { 200: json(auditVerificationSchema, 'Whether the trail is intact, and what is wrong if not'), ...errorResponses(401, 403) },
});

/**
 * `GET /audit` and `GET /audit/verify`, for auditors.
 *
 * @example
 * app.route('/', auditRoutes(deps));
 */
export function auditRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const from = q.from ? instant(q.from, 'start') : undefined;
    const to = q.to ? instant(q.to, 'end') : undefined;
    // A range turned round finds nothing; an empty page would read as "nothing happened".
    if (from !== undefined && to !== undefined && from >= to) {
      throw new JifenError('validation_failed', { en: 'Audit: the time range ends before it starts', zh: '查询的时间范围有误：结束早于开始' }, [{ path: 'to', message: 'must be after from' }]);
    }
    const page = await listAudit(need(deps).db, {
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.target ? { target: q.target } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(q.cursor ? { before: Number(q.cursor) } : {}),
      limit: q.limit ? Number(q.limit) : 100,
    });
    return c.json({ entries: page.entries, ...(page.nextCursor ? { nextCursor: String(page.nextCursor) } : {}) }, 200);
  });

  app.openapi(verifyRoute, async (c) => c.json(await verifyAuditLog(need(deps).db), 200));

  return app;
}

/** An instant as stored (UTC); a date means its start, or for `end` the start of the next day (China time). */
function instant(value: string, side: 'start' | 'end'): string {
  if (!dateSchema.safeParse(value).success) return new Date(value).toISOString();
  if (side === 'start') return startOfLocalDate(value);
  const next = new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfLocalDate(next);
}
