import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema, textSchema } from '../../domain/rule-set/schema';
import { ENGINES } from '../../domain/scoring/evaluate';

/**
 * Request and response schemas of the evaluation routes. Requests are strict: a field the API does not
 * know is refused by name. Responses describe what the evaluators produce (`Evaluation` in the domain).
 */

/**
 * A JSON object of facts. Each fact is checked against the rule set (`parseFacts`: unknown facts, types,
 * bounds, each by its path), so the schema only asks for an object and hands it on as sent: a batch of
 * 10,000 residents is not copied key by key before that check.
 */
const factsSchema = z
  .custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
    message: 'must be an object of facts by id',
  })
  .openapi({
    type: 'object',
    additionalProperties: {},
    description:
      'The resident\'s facts by id, as the rule set defines them: numbers, true/false, dates `YYYY-MM-DD`, enum ids or lists of enum ids. Unknown facts are refused.',
    example: { birthDate: '1990-05-01', education: 'bachelor', vocational: ['qualification_level_3'], socialInsuranceMonths: 59, residenceMonths: 30 },
  });

const versionSchema = z.number().int().min(1).openapi({ description: 'A published version; without it, the version in force at `asOf`.' });
const engineSchema = z.enum(ENGINES).openapi({ description: 'Which evaluator to use.' });

export const evaluateRequestSchema = z
  .strictObject({
    ruleSetId: idSchema.openapi({ example: 'provincial-common' }),
    asOf: dateSchema.openapi({ description: 'The date to evaluate at (`YYYY-MM-DD`).', example: '2026-06-30' }),
    version: versionSchema.optional(),
    engine: engineSchema.optional(),
    facts: factsSchema,
  })
  .openapi('EvaluateRequest');

export const MAX_BATCH = 10_000;

export const batchRequestSchema = z
  .strictObject({
    ruleSetId: idSchema.openapi({ example: 'district-sample' }),
    asOf: dateSchema.openapi({ example: '2026-06-30' }),
    version: versionSchema.optional(),
    engine: engineSchema.optional(),
    detail: z
      .enum(['summary', 'full'])
      .optional()
      .openapi({ description: '`summary` (default): points, scores and eligibility only; `full`: every result as `/evaluate` answers it.' }),
    residents: z
      .array(z.strictObject({ id: z.string().min(1).max(100), facts: factsSchema }))
      .min(1)
      .max(MAX_BATCH)
      .superRefine((residents, ctx) => {
        const first = new Map<string, number>();
        residents.forEach((r, i) => {
          const earlier = first.get(r.id);
          if (earlier === undefined) first.set(r.id, i);
          else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `is repeated (residents.${earlier}.id is the same); every resident needs its own id` });
        });
      }),
  })
  .openapi('BatchEvaluateRequest');

const failedConditionSchema = z.object({
  fact: z.string(),
  operator: z.string(),
  value: z.unknown(),
  actual: z.unknown(),
  path: z.string().optional(),
});

const indicatorResultSchema = z.object({
  id: z.string(),
  title: textSchema,
  group: z.string(),
  kind: z.string().openapi({ example: 'rate' }),
  category: z.string().optional(),
  points: z.number().openapi({ description: 'Exact to 0.01; deductions are positive and subtracted.' }),
  explanation: z.string().openapi({ example: '59 months × 0.5 = 29.5' }),
  explanationZh: z.string(),
  reason: z.looseObject({ code: z.string() }).openapi({ description: 'Why, as data (`code` plus its details).' }),
});

const groupResultSchema = z.object({
  id: z.string(),
  title: textSchema,
  score: z.number(),
  cap: z.number(),
  positive: z.number(),
  deductions: z.number(),
  capped: z.boolean(),
});

const scenarioResultSchema = z.object({
  id: z.string(),
  title: textSchema,
  eligible: z.boolean(),
  score: z.number(),
  bar: z.number(),
  places: z.number(),
  shortBy: z.number().openapi({ description: 'Points short of the bar, 0 when reached.' }),
  missing: z.array(
    z.looseObject({ code: z.string(), message: z.string(), messageZh: z.string(), failed: z.array(failedConditionSchema).optional() }),
  ),
});

export const evaluationSchema = z
  .object({
    ruleSetId: z.string(),
    version: z.number().int(),
    hash: z.string(),
    asOf: z.string(),
    total: z.number(),
    vetoed: z.boolean(),
    groups: z.array(groupResultSchema),
    indicators: z.array(indicatorResultSchema),
    scenarios: z.array(scenarioResultSchema),
    derived: z.record(z.string(), z.number().nullable()),
  })
  .openapi('Evaluation');

export const evaluationSummarySchema = z
  .object({
    total: z.number(),
    vetoed: z.boolean(),
    groups: z.record(z.string(), z.number()).openapi({ description: 'Group id → score.' }),
    indicators: z.record(z.string(), z.number()).openapi({ description: 'Indicator id → points.' }),
    scenarios: z
      .record(z.string(), z.object({ eligible: z.boolean(), score: z.number(), shortBy: z.number() }))
      .openapi({ description: 'Scenario id → eligibility.' }),
  })
  .openapi('EvaluationSummary');

const errorDetailSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageZh: z.string().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string(), messageZh: z.string().optional() })).optional(),
});

export const batchResponseSchema = z
  .object({
    ruleSetId: z.string(),
    version: z.number().int(),
    hash: z.string(),
    asOf: z.string(),
    evaluated: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.union([
        z.object({ id: z.string(), summary: evaluationSummarySchema }),
        z.object({ id: z.string(), evaluation: evaluationSchema }),
        z.object({ id: z.string(), error: errorDetailSchema }),
      ]),
    ),
  })
  .openapi('BatchEvaluateResponse');
