import { z } from '@hono/zod-openapi';
import { idSchema } from '../../domain/rule-set/schema';
import { applicationStatusSchema } from '../residents';

/** Request and response shapes of the self-application routes (自主申请). */

const fileSchema = z.instanceof(File).openapi({ type: 'string', format: 'binary' });

export const submitFormSchema = z
  .strictObject({
    residentId: z.string().min(1).max(100).optional().openapi({ description: 'Staff at the service office name the resident; a resident token implies it.' }),
    indicator: idSchema.openapi({ example: 'inventionPatents' }),
    claim: z.string().max(20_000).openapi({
      description: 'JSON: `{"facts": {…}}` with values of the facts the indicator reads, or for a ledger indicator `{"ledger": {"points", "earnedOn", "ref"?}}`.',
      example: '{"facts":{"inventionPatents":2}}',
    }),
    note: z.string().max(2_000).optional(),
    files: z.union([fileSchema, z.array(fileSchema)]).openapi({ description: 'Evidence: 1 to 5 PDF, JPEG or PNG files of at most 5 MB each, checked by content.' }),
  })
  .openapi('SubmitSelfApplication');

export const evidenceMetaSchema = z
  .object({ id: z.string(), name: z.string(), mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']), size: z.number().int(), sha256: z.string() })
  .openapi('EvidenceFile');

export const selfApplicationSchema = z
  .object({
    id: z.string(),
    residentId: z.string(),
    resident: z.object({ id: z.string(), name: z.string(), permitNumber: z.string() }).optional().openapi({ description: 'Masked as the caller must see it.' }),
    ruleSetId: z.string(),
    version: z.number().int(),
    indicator: z.string(),
    department: z.string().openapi({ description: 'The department that owns the indicator and reviews the claim.' }),
    claim: z.object({
      facts: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.array(z.string())])).optional(),
      ledger: z.object({ points: z.number(), earnedOn: z.string(), ref: z.string().optional() }).optional(),
    }),
    note: z.string(),
    status: applicationStatusSchema,
    submittedAt: z.string(),
    submittedOn: z.string(),
    submittedBy: z.string(),
    dueOn: z.string().openapi({ description: 'Last day of review: the 10th working day after submission by the working calendar. A confirmed holiday notice may move it; `deadlineMoves` says when and why.' }),
    overdue: z.boolean().openapi({ description: 'Pending after its review deadline.' }),
    deadlineMoves: z
      .array(z.object({ from: z.string(), to: z.string(), reason: z.object({ zh: z.string(), en: z.string() }), at: z.string(), by: z.string() }))
      .optional()
      .openapi({ description: 'Each time a confirmed holiday notice moved `dueOn`: the old and new date, and why (the days the notice changed).' }),
    workingDaysOverdue: z.number().int().optional().openapi({ description: 'With `overdue=true`: working days since the deadline.' }),
    decidedAt: z.string().optional(),
    decidedBy: z.string().optional(),
    reason: z.string().optional(),
    evidence: z.array(evidenceMetaSchema),
  })
  .openapi('SelfApplication');

export const selfApplicationListSchema = z
  .object({ applications: z.array(selfApplicationSchema), nextCursor: z.string().optional() })
  .openapi('SelfApplicationList');

export const listQuerySchema = z.strictObject({
  status: applicationStatusSchema.optional(),
  residentId: z.string().min(1).max(100).optional(),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: '`true`: only pending applications past their review deadline.' }),
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const applicationIdParamSchema = z.strictObject({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
export const evidenceParamSchema = z.strictObject({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }),
  fileId: z.string().min(1).max(100).openapi({ param: { name: 'fileId', in: 'path' } }),
});

export const rejectSchema = z.strictObject({ reason: z.string().trim().min(1).max(2_000) }).openapi('RejectSelfApplication');
