import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { feedRecordSchema, MAX_FEED_RECORDS } from '../../domain/residents/feed-record';
import { idSchema } from '../../domain/rule-set/schema';
import { applyFeed } from './feeds';
import type { AppEnv } from '../../platform/http/access';
import { serviceOf } from '../credentials';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import { context, type ResidentRouteDeps } from '../residents';
import { registerResidentSecurity, SERVICE } from '../residents';

/** Largest feed call body: 10,000 records of about 1.5 KB. */
export const FEED_MAX_BYTES = 16 * 1024 * 1024;

const feedRecordDoc = feedRecordSchema
  .openapi({
    description:
      'One resident\'s facts, named by permit number. `facts` are validated by the rule set\'s fact definitions (null clears a fact); facts kept by a ' +
      'points ledger (volunteer hours, blood donations) arrive as `ledger` entries instead. A record with `name` registers an unknown resident.',
    example: { key: 'hrss-2026-03-000123', permitNumber: '330106199001011234', facts: { socialInsuranceMonths: 62, employmentStatus: 'contract' } },
  })
  .openapi('FeedRecord');

const feedRequestSchema = z
  .strictObject({
    records: z
      .array(z.looseObject({ key: z.string().min(1).max(200) }))
      .min(1)
      .max(MAX_FEED_RECORDS)
      .openapi({ description: `Up to ${MAX_FEED_RECORDS.toLocaleString('en')} records, each a FeedRecord; each is validated and applied on its own.`, type: 'array', minItems: 1, maxItems: MAX_FEED_RECORDS, items: { $ref: '#/components/schemas/FeedRecord' } }),
  })
  .openapi('FeedRequest');

const fieldErrors = z.array(z.object({ path: z.string(), message: z.string() }));

const feedOutcomeSchema = z
  .object({
    callId: z.string(),
    source: z.string(),
    ruleSetId: z.string(),
    version: z.number().int(),
    received: z.number().int(),
    applied: z.number().int(),
    replayed: z.number().int().openapi({ description: 'Records whose key this source had already applied: nothing was written for them.' }),
    failed: z.number().int(),
    rescored: z.number().int().openapi({ description: 'Residents re-scored after the call.' }),
    results: z.array(
      z.object({
        key: z.string(),
        status: z.enum(['applied', 'replayed', 'failed']),
        residentId: z.string().optional(),
        created: z.boolean().optional(),
        error: z.object({ code: z.string(), message: z.string(), fields: fieldErrors.optional() }).optional().openapi({ description: 'Field paths start with `records.<index>`.' }),
      }),
    ),
  })
  .openapi('FeedOutcome');

const feedRoute = createRoute({
  method: 'post',
  path: '/api/v1/feeds/{source}',
  tags: ['Feeds (无感赋分)'],
  security: SERVICE,
  summary: "Push residents' facts from a department system",
  description:
    'Automatic scoring: a department system pushes facts in bulk with its `feed` service credential for this source. Each record is applied wholly ' +
    'or not at all — a record that fails leaves the rest of the call applied and itself untouched — and a record key already applied by this source ' +
    'is a no-op reported as `replayed`, so a call can be retried safely. Every resident touched is re-scored; the call is audited once with its counts.',
  middleware: [jsonBody({ maxBytes: FEED_MAX_BYTES })],
  request: {
    params: z.strictObject({ source: idSchema.openapi({ param: { name: 'source', in: 'path' }, example: 'hrss' }) }),
    body: { required: true, content: { 'application/json': { schema: feedRequestSchema } } },
  },
  responses: { 200: json(feedOutcomeSchema, 'What happened to each record'), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

/**
 * `POST /api/v1/feeds/{source}`: automatic scoring (无感赋分) from department systems.
 *
 * @example
 * app.route('/', feedRoutes(deps));
 */
export function feedRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerResidentSecurity(app);
  app.openAPIRegistry.register('FeedRecord', feedRecordDoc);

  app.openapi(feedRoute, async (c) => {
    const { source } = c.req.valid('param');
    const credential = serviceOf(c, 'feed', source);
    const { now, today, rs } = await context(deps);
    const outcome = await applyFeed(deps.client, deps.resolver, {
      source,
      credentialId: credential.id,
      records: c.req.valid('json').records,
      rs,
      asOf: today,
      receivedAt: now.toISOString(),
    });
    return c.json(outcome, 200);
  });

  return app;
}
