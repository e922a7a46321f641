import { z } from '@hono/zod-openapi';
import { idSchema, textSchema } from '../../domain/rule-set/schema';
import { FACT_TYPES } from '../../domain/rule-set/schema';

/**
 * Request and response schemas of the widget API and widget tokens.
 * Requests are strict: a field the API does not know is refused by name.
 */

/** `school-enrollment`, or `district-sample:school-enrollment` when two rule sets share the scenario id. */
export const scenarioParam = z.object({
  scenario: z
    .string()
    .min(1)
    .max(130)
    .regex(/^[a-z][A-Za-z0-9_-]*(:[a-z][A-Za-z0-9_-]*)?$/, 'must be a scenario id, optionally after its rule set and a colon')
    .openapi({ param: { name: 'scenario', in: 'path' }, example: 'school-enrollment' }),
});

const factQuestionSchema = z.object({
  id: z.string(),
  type: z.enum(FACT_TYPES),
  title: textSchema,
  description: textSchema.optional(),
  unit: textSchema.optional(),
  values: z.array(z.object({ id: z.string(), title: textSchema })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().openapi({ description: "Read by the scenario's eligibility conditions." }),
  group: z.enum(['eligibility', 'score', 'deduction']).openapi({ description: 'Eligibility condition, a fact that adds points, or one read only by deductions and vetoes.' }),
  ask: z.enum(['first', 'optional']).openapi({ description: 'Asked up front (eligibility and what the bar depends on most), or optional and folded away.' }),
});

const ruleSetRefSchema = z.object({ id: z.string(), version: z.number().int(), hash: z.string(), title: textSchema, effectiveFrom: z.string() });

export const scenarioInfoSchema = z
  .object({
    ruleSet: ruleSetRefSchema,
    scenario: z.object({
      id: z.string(),
      title: textSchema,
      description: textSchema.optional(),
      department: z.string(),
      bar: z.number(),
      places: z.number(),
      childRelated: z.boolean(),
    }),
    asOf: z.string().openapi({ description: 'Today in the district: the date self-checks are evaluated at.' }),
    facts: z.array(factQuestionSchema),
  })
  .openapi('WidgetScenario');

export const selfCheckRequestSchema = z
  .strictObject({
    facts: z.record(z.string(), z.unknown()).openapi({
      description: 'The facts the scenario reads, by id; nothing is stored.',
      example: { birthDate: '1990-05-01', education: 'bachelor', socialInsuranceMonths: 59 },
    }),
  })
  .openapi('SelfCheckRequest');

const outcomeSchema = z.object({
  eligible: z.boolean(),
  score: z.number(),
  bar: z.number(),
  shortBy: z.number(),
  vetoed: z.boolean(),
  missing: z.array(z.object({ code: z.string(), message: textSchema })),
  breakdown: z.array(z.object({ id: z.string(), title: textSchema, kind: z.string(), points: z.number(), explanation: textSchema })),
});

const resultBase = {
  scenario: z.object({ id: z.string(), title: textSchema }),
  ruleSet: ruleSetRefSchema,
  asOf: z.string(),
  outcome: outcomeSchema,
  statement: z.string().openapi({ description: 'The result as a signed statement (compact JWS, ES256); verify it with `/.well-known/jwks.json`.' }),
};

export const selfCheckResultSchema = z.object({ mode: z.literal('self-check'), ...resultBase }).openapi('SelfCheckResult');

const gapStepSchema = z.object({
  fact: z.string(),
  title: textSchema,
  unit: textSchema.optional(),
  from: z.number(),
  to: z.number(),
  increase: z.number(),
  closes: z.enum(['eligibility', 'bar', 'partial']).openapi({ description: 'Alone makes the resident eligible, reaches the bar only, or adds `gain` points without closing the gap alone.' }),
  effort: z.enum(['time', 'routine', 'large']).openapi({ description: 'Waiting, a routine step (volunteering, a certificate), or a large commitment (investment, patents).' }),
  score: z.number(),
  gain: z.number(),
  message: textSchema,
});

export const residentResultSchema = z
  .object({
    mode: z.literal('resident'),
    ...resultBase,
    resident: z.object({ name: z.string().openapi({ example: '张*三' }), permitNumber: z.string().openapi({ example: '3301**********1234' }) }),
    family: z
      .object({
        children: z.number().int().openapi({ description: 'Children linked to the resident on record.' }),
        spouse: z.boolean().openapi({ description: 'A spouse is on record.' }),
        spouseCounted: z.boolean().openapi({ description: "The outcome is the spouse's: the higher eligible score counts (就高原则)." }),
      })
      .optional()
      .openapi({ description: 'Child-related scenarios: the family on record, whose score counts.' }),
    closeGap: z.array(gapStepSchema).openapi({ description: 'The ways to close the gap, one fact raised each, easiest first.' }),
    eligibleFrom: z
      .string()
      .nullable()
      .openapi({ description: 'The first day time alone makes the resident eligible (living in the province and paying social insurance; ageing and lapsing points counted), null when not within ten years or eligible already.' }),
    position: z
      .object({
        roundId: z.number(),
        position: z.number().nullable(),
        places: z.number(),
        admitted: z.boolean(),
        status: z.string(),
        closedOn: z.string().openapi({ description: 'The last day of the round: its list is ranked with the version in force then.' }),
        version: z.number().openapi({ description: 'The rule-set version the list was ranked with.' }),
        score: z.number().openapi({ description: 'The score that counted on the list.' }),
        family: z.boolean().openapi({ description: "The list counts the family's higher-scoring parent (就高原则)." }),
        spouseCounted: z.boolean().openapi({ description: "The spouse's score is the one that counted." }),
      })
      .nullable()
      .openapi({ description: 'The place in the latest published ranked list of the scenario, when the resident is on it, and what that list is based on.' }),
  })
  .openapi('ResidentWidgetResult');

export const residentTokenRequestSchema = z
  .strictObject({
    residentId: z.string().min(1).max(64).openapi({ example: 'res-000001' }),
    ruleSetId: idSchema.openapi({ example: 'district-sample' }),
    scenarioId: idSchema.openapi({ example: 'school-enrollment' }),
    partnerId: z.string().min(1).max(64).openapi({ example: 'ptn-3f9a1c2b', description: 'The partner the resident chose: only its key can use the token.' }),
    origin: z
      .string()
      .max(300)
      .optional()
      .openapi({ example: 'https://hospital.example', description: "The partner's site the resident chose, one of its registered origins: the token works only there." }),
    consent: z.literal(true).openapi({ description: 'The resident agreed, in the app, to show this result on a partner site.' }),
    consentAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When they agreed; now when absent.' }),
    ttlSeconds: z.number().int().min(60).max(3600).optional().openapi({ description: 'Lifetime, 15 minutes by default, 1 hour at most.' }),
  })
  .openapi('ResidentTokenRequest');

export const residentTokenSchema = z
  .object({
    token: z.string().openapi({ description: 'Pass it to the widget as `resident-token`. It names no resident.' }),
    expiresAt: z.string(),
    scenario: z.string().openapi({ example: 'district-sample/school-enrollment' }),
  })
  .openapi('ResidentToken');

export const jwksSchema = z
  .object({ keys: z.array(z.record(z.string(), z.unknown()).openapi({ example: { kty: 'EC', crv: 'P-256', kid: '…', x: '…', y: '…', alg: 'ES256', use: 'sig' } })) })
  .openapi('JsonWebKeySet');

export const originCheckSchema = z
  .object({ origin: z.string().nullable(), registered: z.boolean() })
  .openapi('WidgetOriginCheck');
