import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { familyRecordSchema, MAX_FAMILY_RECORDS } from '../../domain/residents/family-record';
import { idSchema } from '../../domain/rule-set/schema';
import type { AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { serviceOf } from '../credentials';
import { context, registerResidentSecurity, SERVICE, STAFF_SESSION, type ResidentRouteDeps } from '../residents';
import { json } from '../staff';
import { applyFamilyFeed } from './family-feed';
import { listPendingFamilyRecords } from './family-pending';

const tags = ['Feeds (无感赋分)'];
const fieldErrors = z.array(z.object({ path: z.string(), message: z.string() }));

const familyRecordDoc = familyRecordSchema
  .openapi({
    description:
      'One family event about a resident named by permit number: `marriage` or `divorce` with the spouse by `permitNumber` or `idNumber` and the date, ' +
      'or `child` with the child\'s `idNumber`, `name` and `birthDate`. `evidence` (the certificate number…) is kept as provenance.',
    example: { key: 'mz-2026-000123', permitNumber: '330106199001011234', event: 'marriage', spouse: { permitNumber: '330106199203034567' }, on: '2026-05-20', evidence: '结婚证 J330106-2026-000123' },
  })
  .openapi('FamilyRecord');

const familyRoute = createRoute({
  method: 'post',
  path: '/api/v1/feeds/{source}/family',
  tags,
  security: SERVICE,
  summary: 'Push marriages, divorces and children from civil affairs or public security',
  description:
    'Each record becomes a new entry of the family history of the people it concerns, with this source as provenance; nothing is overwritten. ' +
    'Records are applied in order. A record naming a person not yet on record is kept `pending` and listed for review (it applies once the ' +
    'person is on record); a contradictory one — two current spouses, a divorce of a couple not married on record, a third parent — is `failed` ' +
    'with its fields. A key already applied is `replayed`.',
  middleware: [jsonBody({ maxBytes: 2 * 1024 * 1024 })],
  request: {
    params: z.strictObject({ source: idSchema.openapi({ param: { name: 'source', in: 'path' }, example: 'civil-affairs' }) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .strictObject({
              records: z
                .array(z.looseObject({ key: z.string().min(1).max(200) }))
                .min(1)
                .max(MAX_FAMILY_RECORDS)
                .openapi({ type: 'array', minItems: 1, maxItems: MAX_FAMILY_RECORDS, items: { $ref: '#/components/schemas/FamilyRecord' } }),
            })
            .openapi('FamilyFeedRequest'),
        },
      },
    },
  },
  responses: {
    200: json(
      z
        .object({
          callId: z.string(),
          resolved: z.number().int().openapi({ description: 'Records pending from earlier calls that this call settled (applied or refused).' }),
          results: z.array(
            z.object({
              key: z.string(),
              status: z.enum(['applied', 'unchanged', 'replayed', 'pending', 'failed']),
              residentId: z.string().optional(),
              missing: z.enum(['resident', 'spouse']).optional().openapi({ description: 'With `pending`: who is not on record yet.' }),
              error: z.object({ code: z.string(), message: z.string(), fields: fieldErrors.optional() }).optional(),
            }),
          ),
        })
        .openapi('FamilyFeedOutcome'),
      'What happened to each record',
    ),
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

const pendingRoute = createRoute({
  method: 'get',
  path: '/api/v1/family-records/pending',
  tags,
  security: STAFF_SESSION,
  summary: 'Family records waiting for a person to be on record, and those refused after waiting',
  responses: {
    200: json(
      z
        .object({
          records: z.array(
            z.object({
              id: z.number().int(),
              source: z.string(),
              key: z.string(),
              status: z.enum(['pending', 'refused']),
              missing: z.enum(['resident', 'spouse']),
              record: z.record(z.string(), z.unknown()),
              receivedAt: z.string(),
              outcome: z.string().optional().openapi({ description: 'With `refused`: why.' }),
            }),
          ),
        })
        .openapi('PendingFamilyRecords'),
      'The review list',
    ),
    ...errorResponses(401, 403),
  },
});

/**
 * `POST /api/v1/feeds/{source}/family` (family links from civil affairs and public security) and the
 * review list of records kept pending.
 */
export function familyFeedRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerResidentSecurity(app);
  app.openAPIRegistry.register('FamilyRecord', familyRecordDoc);

  app.openapi(familyRoute, async (c) => {
    const { source } = c.req.valid('param');
    const credential = serviceOf(c, 'feed', source);
    const { now, today } = await context(deps);
    const outcome = await applyFamilyFeed(deps.client, { source, credentialId: credential.id, records: c.req.valid('json').records, today, receivedAt: now.toISOString() });
    return c.json(outcome, 200);
  });

  app.openapi(pendingRoute, async (c) => c.json({ records: await listPendingFamilyRecords(deps.client) }, 200));

  return app;
}
