import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema } from '../../domain/rule-set/schema';
import { ROUND_STATUSES } from '../../domain/rounds/types';
import { errorSchema } from '../../platform/http/errors';

/** Request and response shapes of the draft impact route. */

export const impactRequestSchema = z
  .strictObject({
    asOf: dateSchema.optional().openapi({ description: 'Facts as of this day (ledger balances valid that day). Default: today, China time.', example: '2026-06-30' }),
    against: z.number().int().min(1).optional().openapi({
      description: 'The published version to compare with. Default: the version the draft replaces (the latest published when it was started).',
    }),
    scenario: idSchema.optional().openapi({
      description: 'Also rank the newest open (or else closed) round of this scenario under both versions. 409 when it has none.',
      example: 'school-enrollment',
    }),
    movers: z.number().int().min(0).max(100).optional().openapi({ description: 'Biggest movers listed each way (default 10).' }),
  })
  .openapi('ImpactRequest');

const textSchema = z.object({ zh: z.string(), en: z.string() });

const moverSchema = z.object({
  id: z.string().openapi({ description: 'Internal resident id.' }),
  name: z.string().openapi({ description: 'Masked name (张*三).', example: '张*三' }),
  before: z.number(),
  after: z.number(),
  change: z.number(),
});

const applicantSchema = z.object({ applicationId: z.number().int(), residentId: z.string(), name: z.string() });
const applicantListSchema = z.object({ count: z.number().int(), first: z.array(applicantSchema) });
const beforeAfter = z.object({ before: z.number().int(), after: z.number().int() });

export const roundImpactSchema = z
  .object({
    roundId: z.number().int(),
    status: z.enum(ROUND_STATUSES),
    scenario: z.string(),
    title: textSchema,
    places: z.number().int(),
    applicants: z.number().int().openapi({ description: 'Applications ranked: accepted ones of a closed round; every one not rejected of an open round.' }),
    ranked: beforeAfter,
    admitted: beforeAfter,
    moved: z.object({ up: z.number().int(), down: z.number().int(), same: z.number().int() }),
    newlyAdmitted: applicantListSchema,
    noLongerAdmitted: applicantListSchema,
    biggest: z.array(applicantSchema.extend({ before: z.number().int().nullable(), after: z.number().int().nullable() })).openapi({
      description: 'The largest position changes; null = not ranked (ineligible).',
    }),
  })
  .openapi('RoundImpact');

export const draftImpactSchema = z
  .object({
    ruleSetId: z.string(),
    draftId: z.string(),
    version: z.number().int().openapi({ description: 'The version number the draft would be published as.' }),
    against: z.number().int().openapi({ description: 'The published version compared with.' }),
    asOf: z.string(),
    residents: z.number().int().openapi({ description: 'Residents scored under both versions: everyone in the database.' }),
    population: z.object({
      revision: z.string().openapi({ description: 'Changes whenever any resident\'s facts change.' }),
      fromCache: z.boolean().openapi({ description: 'The facts were already held in memory for this revision and date.' }),
    }),
    scenarios: z.array(
      z.object({
        id: z.string(),
        title: textSchema,
        status: z.enum(['kept', 'added', 'removed']),
        eligibleBefore: z.number().int(),
        eligibleAfter: z.number().int(),
        gained: z.number().int().openapi({ description: 'Eligible under the draft, not under the published version.' }),
        lost: z.number().int().openapi({ description: 'Eligible under the published version, not under the draft.' }),
      }),
    ),
    totals: z.object({
      up: z.number().int(),
      down: z.number().int(),
      unchanged: z.number().int(),
      meanChange: z.number(),
      histogram: z
        .array(z.object({ from: z.number(), to: z.number(), count: z.number().int() }))
        .openapi({ description: 'Residents whose total changed by at least `from` and less than `to` points; unchanged ones left out.' }),
    }),
    movers: z.object({ up: z.array(moverSchema), down: z.array(moverSchema) }),
    ranking: roundImpactSchema.optional(),
    ms: z.number().int(),
  })
  .openapi('DraftImpact');

export const impactLineSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int() }),
    draftImpactSchema.extend({ type: z.literal('result') }),
    errorSchema.extend({ type: z.literal('error') }),
  ])
  .openapi('ImpactLine', { description: 'One line of the NDJSON stream: progress lines, then the result (or an error).' });
