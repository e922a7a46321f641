import { z } from '@hono/zod-openapi';
import { APPLICATION_STATUSES, OBJECTION_STATUSES, ROUND_STATUSES } from '../../domain/rounds/types';
import { dateSchema, idSchema, textSchema } from '../../domain/rule-set/schema';

/** Request and response shapes of the scenario-round routes (staff, residents and the public notice). */

const residentIdSchema = z.string().min(1).max(100).openapi({ example: 'res-000001' });
const pathInt = (name: string, example: number) =>
  z.coerce.number().int().min(1).max(2 ** 31).openapi({ param: { name, in: 'path' }, example });

export const roundParamsSchema = z.strictObject({ id: pathInt('id', 1) });
export const applicationParamsSchema = z.strictObject({ id: pathInt('id', 1), applicationId: pathInt('applicationId', 3) });
export const objectionParamsSchema = z.strictObject({ id: pathInt('id', 1), objectionId: pathInt('objectionId', 2) });
export const residentParamsSchema = z.strictObject({
  id: residentIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'res-000001' }),
});

export const roundSchema = z
  .object({
    id: z.number().int(),
    ruleSetId: z.string(),
    scenarioId: z.string(),
    department: z.string(),
    title: textSchema,
    places: z.number().int(),
    childRelated: z.boolean().openapi({ description: 'Applications name a child; both parents are scored and the higher counts (就高原则).' }),
    opensOn: z.string().openapi({ description: 'First day of the application window.' }),
    closesOn: z.string().openapi({ description: 'Last day of the application window; the rule-set version in force on it is used.' }),
    status: z.enum(ROUND_STATUSES),
    createdBy: z.string(),
    createdAt: z.string(),
    version: z.number().int().optional().openapi({ description: 'Fixed when the round closes.' }),
    versionHash: z.string().optional(),
    closedAt: z.string().optional(),
    publishedOn: z.string().optional(),
    publicationEndsOn: z.string().optional().openapi({ description: 'Last day of the public notice: 5 working days after publication.' }),
    finalizedAt: z.string().optional(),
    revision: z.number().int().openapi({ description: 'How many times the round was ranked (1 at closing, +1 per upheld objection).' }),
  })
  .openapi('Round');

export const roundSummarySchema = roundSchema
  .extend({
    applications: z.object({ submitted: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
    objections: z.object({ open: z.number().int(), overdue: z.number().int(), answered: z.number().int() }),
    finalizable: z.boolean(),
  })
  .openapi('RoundSummary');

export const roundListSchema = z.object({ rounds: z.array(roundSummarySchema) }).openapi('RoundList');

export const roundListQuerySchema = z.strictObject({
  status: z.enum(ROUND_STATUSES).optional(),
  ruleSetId: idSchema.optional(),
  scenarioId: idSchema.optional(),
});

export const openRoundSchema = z
  .strictObject({
    ruleSetId: idSchema,
    scenarioId: idSchema,
    places: z.number().int().min(1).max(10_000_000).optional().openapi({ description: "Default: the scenario's places." }),
    opensOn: dateSchema,
    closesOn: dateSchema,
  })
  .openapi('OpenRound', { example: { ruleSetId: 'district-sample', scenarioId: 'school-enrollment', opensOn: '2026-07-01', closesOn: '2026-07-31' } });

export const applicationSchema = z
  .object({
    id: z.number().int(),
    roundId: z.number().int(),
    residentId: z.string(),
    childId: z.string().optional(),
    spouseId: z.string().optional().openapi({ description: 'The other parent on record, scored too.' }),
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: z.string(),
    submittedBy: z.string(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi('RoundApplication');

export const applicationListSchema = z.object({ applications: z.array(applicationSchema) }).openapi('RoundApplicationList');

export const applicationListQuerySchema = z.strictObject({ status: z.enum(APPLICATION_STATUSES).optional() });

export const applySchema = z
  .strictObject({
    residentId: residentIdSchema.optional().openapi({ description: "Staff applying on a resident's behalf name them; a resident applies for themself." }),
    childId: z.string().min(1).max(100).optional().openapi({ description: 'For child-related scenarios: one of the resident’s children.' }),
  })
  .openapi('ApplyToRound');

export const decisionSchema = z
  .strictObject({ reason: z.string().max(2000).optional().openapi({ description: 'Required when rejecting.' }) })
  .openapi('ApplicationDecision');

export const rankingEntrySchema = z
  .object({
    applicationId: z.number().int(),
    residentId: z.string(),
    position: z.number().int().optional().openapi({ description: 'Absent for an ineligible applicant.' }),
    score: z.number(),
    eligible: z.boolean(),
    admitted: z.boolean(),
    tied: z.boolean(),
    spouseCounted: z.boolean(),
    previousPosition: z.number().int().optional(),
    maskedName: z.string(),
    maskedPermit: z.string(),
  })
  .openapi('RankingEntry');

export const revisionSchema = z
  .object({
    revision: z.number().int(),
    rankedAt: z.string(),
    version: z.number().int(),
    cause: z.enum(['closed', 'objection']),
    objectionId: z.number().int().optional(),
    hash: z.string(),
  })
  .openapi('RankingRevision');

export const rankingSchema = z
  .object({ round: roundSchema, revisions: z.array(revisionSchema), entries: z.array(rankingEntrySchema) })
  .openapi('RoundRanking');

const correctionSchema = z
  .strictObject({
    residentId: residentIdSchema.openapi({ description: 'The applicant or the other parent whose facts are corrected.' }),
    facts: z
      .record(idSchema, z.union([z.number(), z.boolean(), z.string().max(200), z.array(z.string().max(64)).max(100), z.null()]))
      .openapi({ description: 'Fact id → corrected value (null clears it), as the fixed rule-set version defines them.', example: { socialInsuranceMonths: 60 } }),
    evidence: z.string().max(500).optional(),
  })
  .openapi('FactCorrection');

export const objectionSchema = z
  .object({
    id: z.number().int(),
    roundId: z.number().int(),
    residentId: z.string(),
    applicationId: z.number().int(),
    reason: z.string(),
    evidenceRef: z.string().optional(),
    filedAt: z.string(),
    filedOn: z.string(),
    filedBy: z.string(),
    answerBy: z.string().openapi({ description: 'Last day to answer: 10 working days after filing.' }),
    status: z.enum(OBJECTION_STATUSES),
    answeredBy: z.string().optional(),
    answeredAt: z.string().optional(),
    answer: z.string().optional(),
    correction: correctionSchema.optional(),
    overdue: z.boolean(),
  })
  .openapi('Objection');

export const objectionListSchema = z.object({ objections: z.array(objectionSchema) }).openapi('ObjectionList');

export const fileObjectionSchema = z
  .strictObject({
    residentId: residentIdSchema.optional().openapi({ description: "Staff filing at the service office name the resident; a resident objects for themself." }),
    applicationId: z.number().int().min(1).optional().openapi({ description: 'Needed only when the resident has several applications in the round.' }),
    reason: z.string().min(1).max(2000).openapi({ example: '社保缴费月数漏计10个月' }),
    evidenceRef: z.string().min(1).max(500).optional().openapi({ example: 'SI-2025-0098' }),
  })
  .openapi('FileObjection');

export const upholdSchema = z
  .strictObject({ answer: z.string().min(1).max(2000), correction: correctionSchema })
  .openapi('UpholdObjection');

export const dismissSchema = z.strictObject({ answer: z.string().min(1).max(2000) }).openapi('DismissObjection');

export const answeredSchema = z.object({ objection: objectionSchema, round: roundSchema }).openapi('AnsweredObjection');

export const recommendationListSchema = z
  .object({
    recommendations: z.array(
      z.object({
        round: roundSchema,
        score: z.number().openapi({ description: "The resident's scenario score with the version in force today." }),
        bar: z.number(),
        applied: z.boolean(),
        spouseCounted: z.boolean().openapi({ description: "Child-related scenarios: the spouse's score on record counts (就高原则)." }),
      }),
    ),
  })
  .openapi('Recommendations');

export const publicRoundSchema = z
  .object({
    round: roundSchema.pick({
      id: true, ruleSetId: true, scenarioId: true, department: true, title: true, places: true, childRelated: true, status: true, version: true,
      publishedOn: true, publicationEndsOn: true, finalizedAt: true, revision: true,
    }),
    revisions: z.array(revisionSchema.pick({ revision: true, rankedAt: true, version: true, cause: true })),
    entries: z.array(
      rankingEntrySchema.omit({ applicationId: true, residentId: true }).extend({
        maskedChildName: z.string().optional().openapi({ description: 'The child applied for, masked (child-related scenarios only).', example: '姚*明' }),
      }),
    ),
    objections: z.object({ filed: z.number().int(), open: z.number().int(), upheld: z.number().int(), dismissed: z.number().int() }),
  })
  .openapi('PublicRound');

export const publicRoundListSchema = z
  .object({ rounds: z.array(publicRoundSchema.shape.round) })
  .openapi('PublicRoundList');
