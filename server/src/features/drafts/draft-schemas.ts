import { z } from '@hono/zod-openapi';
import { caseSummarySchema as storedCaseSummarySchema } from '../../domain/drafts/case-summary';
import { DRAFT_STATUSES } from '../../domain/drafts/draft';
import { dateSchema, idSchema } from '../../domain/rule-set/schema';
import { ENGINES } from '../../domain/scoring/evaluate';
import { errorSchema, fieldErrorSchema } from '../../platform/http/errors';
import { versionMetaSchema } from '../rule-sets';

/** Request and response shapes of the draft and publishing routes. */

const documentSchema = z.record(z.string(), z.unknown()).openapi({
  description: 'A rule-set document; its JSON Schema is at `/api/v1/rule-sets/schema.json`.',
});

export const caseSummarySchema = storedCaseSummarySchema.openapi('CaseSummary');

export const draftSchema = z
  .object({
    id: z.string(),
    ruleSetId: z.string(),
    name: z.string().optional().openapi({
      description: 'What staff call the draft (草稿名称), up to 60 characters; absent for a draft never named.',
      example: '2027年春季入学积分调整',
    }),
    baseVersion: z.number().int().openapi({ description: 'The published version the draft started from.' }),
    status: z.enum(DRAFT_STATUSES),
    author: z.string(),
    contributors: z.array(z.string()).optional().openapi({ description: 'Everyone who started, edited or submitted it (four eyes).' }),
    document: documentSchema,
    revision: z.number().int().openapi({ description: 'The ETag is `"<id>-<revision>"`.' }),
    note: z.string().openapi({ description: 'The change note.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().optional(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    decisionReason: z.string().optional(),
    publishedVersion: z.number().int().optional(),
    validation: z.object({ ok: z.boolean(), errors: z.array(fieldErrorSchema) }),
    cases: caseSummarySchema,
  })
  .openapi('Draft');

export const draftListSchema = z.object({ drafts: z.array(draftSchema) }).openapi('DraftList');

export const staleDraftSchema = errorSchema
  .extend({ current: draftSchema.openapi({ description: 'The draft as stored now.' }) })
  .openapi('StaleDraft');

export const ruleSetIdParamsSchema = z.strictObject({
  id: idSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'district-sample' }),
});

export const draftParamsSchema = z.strictObject({
  id: idSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'district-sample' }),
  draftId: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/, 'must be a draft id')
    .openapi({ param: { name: 'draftId', in: 'path' }, example: 'k3x9m2p7q4rt' }),
});

export const ifMatchHeadersSchema = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag last read (`"<draftId>-<revision>"`). Required: 428 without it.' }),
});

// Checked by the domain's one rule (`draftName`: not blank, at most 60 characters, one line) so that every
// refusal names the field in Chinese and English; the body limit bounds it before that.
const draftNameField = z.string().openapi({
  description: 'The draft\'s name (草稿名称): not blank after trimming, at most 60 characters, one line without control characters.',
  example: '2027年春季入学积分调整',
});

export const createDraftRequestSchema = z
  .strictObject({
    fromVersion: z.number().int().min(1).optional().openapi({ description: 'Start from this version (default the latest); an earlier one rolls back.' }),
    note: z.string().max(2000).optional(),
    name: draftNameField.optional(),
  })
  .openapi('NewDraft');

export const renameDraftRequestSchema = z.strictObject({ name: draftNameField }).openapi('RenameDraft');

export const saveDraftRequestSchema = z
  .strictObject({
    document: z.unknown().openapi({ description: 'The whole rule-set document. Field errors are named by their path in it.' }),
  })
  .openapi('DraftDocument');

const pointerSchema = z
  .string()
  .max(1000)
  .refine((p) => p === '' || p.startsWith('/'), 'must be a JSON Pointer ("/indicators/0/points")')
  .refine((p) => !p.split('/').some((s) => s === '__proto__' || s === 'prototype' || s === 'constructor'), 'must not name a prototype key');

export const jsonPatchSchema = z
  .array(
    z.discriminatedUnion('op', [
      z.strictObject({ op: z.literal('add'), path: pointerSchema, value: z.unknown() }),
      z.strictObject({ op: z.literal('remove'), path: pointerSchema }),
      z.strictObject({ op: z.literal('replace'), path: pointerSchema, value: z.unknown() }),
      z.strictObject({ op: z.literal('move'), from: pointerSchema, path: pointerSchema }),
      z.strictObject({ op: z.literal('copy'), from: pointerSchema, path: pointerSchema }),
      z.strictObject({ op: z.literal('test'), path: pointerSchema, value: z.unknown() }),
    ]),
  )
  .min(1)
  .max(10_000)
  .openapi('JsonPatch', { description: 'RFC 6902 operations, applied in order to the current document.' });

export const draftEvaluateRequestSchema = z
  .strictObject({
    asOf: dateSchema.openapi({ example: '2026-06-30' }),
    facts: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Facts typed in (a sample resident); or give `residentId`.' }),
    residentId: z.string().min(1).max(100).optional().openapi({
      description: "A resident on record: scored from their facts and ledger as of `asOf`, as they would be once the draft is published.",
      example: 'res-000003',
    }),
    engine: z.enum(ENGINES).optional(),
  })
  .refine((body) => (body.facts === undefined) !== (body.residentId === undefined), { message: 'give either facts or residentId', path: ['facts'] })
  .openapi('DraftEvaluateRequest');

export const submitRequestSchema = z.strictObject({ note: z.string().trim().min(1).max(2000).openapi({ description: 'The change note.' }) }).openapi('SubmitDraft');

export const approveRequestSchema = z
  .strictObject({
    effectiveFrom: dateSchema.openapi({ description: 'First day in force: today or later (China time).', example: '2026-07-01' }),
    note: z.string().max(2000).optional(),
  })
  .openapi('ApproveDraft');

export const rejectRequestSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) }).openapi('RejectDraft');

export const approvedSchema = z.object({ draft: draftSchema, version: versionMetaSchema }).openapi('Approved');

export const validateRequestSchema = z.strictObject({ document: z.unknown() }).openapi('ValidateRequest');

export const validationSchema = z
  .object({ ok: z.boolean(), errors: z.array(fieldErrorSchema), cases: caseSummarySchema.optional() })
  .openapi('Validation');
