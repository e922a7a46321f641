import { z } from '@hono/zod-openapi';
import { AUDIT_ACTIONS, isAuditAction } from '../../domain/audit/actions';
import { dateSchema } from '../../domain/rule-set/schema';

/** Request and response shapes of the audit and diff routes. */

// An instant names its zone: without one, 17:39 would be read in the server's zone while a date is China time.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const instantOrDate = z
  .string()
  .max(40)
  .refine((s) => dateSchema.safeParse(s).success || (INSTANT.test(s) && !Number.isNaN(Date.parse(s))), 'must be a date YYYY-MM-DD or an ISO 8601 instant');

const LIMIT = /^[1-9][0-9]{0,2}$/;

export const auditQuerySchema = z.strictObject({
  actor: z.string().min(1).max(200).optional().openapi({ example: 'li.approver' }),
  // An action that no entry can carry is a typo: an empty page would read as "nothing happened".
  action: z
    .string()
    .refine(isAuditAction, `must be one of ${AUDIT_ACTIONS.join(', ')}`)
    .optional()
    .openapi({ example: 'draft-approved' }),
  target: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'The target or anything under it: `rule-set:district-sample` also finds its drafts and versions.' }),
  from: instantOrDate.optional().openapi({ description: 'From this instant, or from the start of this date (China time).' }),
  to: instantOrDate.optional().openapi({ description: 'Before this instant, or up to the end of this date (China time).' }),
  cursor: z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be a nextCursor from a previous page').optional(),
  limit: z
    .string()
    .regex(LIMIT, 'must be a number from 1 to 500')
    .refine((s) => !LIMIT.test(s) || Number(s) <= 500, 'must be at most 500')
    .optional()
    .openapi({ description: 'Entries per page (default 100, at most 500).' }),
});

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    before: z.string().optional().openapi({ description: 'Content hash of the target before.' }),
    after: z.string().optional().openapi({ description: 'Content hash of the target after.' }),
    details: z.record(z.string(), z.unknown()).optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const auditPageSchema = z
  .object({
    entries: z.array(auditEntrySchema),
    nextCursor: z.string().optional().openapi({ description: 'Pass as `cursor` for the next (older) page; absent on the last page.' }),
  })
  .openapi('AuditPage');

/** One place where the trail was broken, in English and in Chinese (times in China time). */
export const chainProblemSchema = z
  .object({
    seq: z.number().int(),
    kind: z.enum(['altered', 'inserted', 'deleted', 'reordered', 'broken-link']),
    message: z.string(),
    messageZh: z.string(),
  })
  .openapi('AuditChainProblem');

export const auditVerificationSchema = z
  .union([
    z.object({ ok: z.literal(true), count: z.number().int(), head: z.object({ seq: z.number().int(), hash: z.string() }).optional() }),
    z.object({
      ok: z.literal(false),
      count: z.number().int(),
      problems: z.array(chainProblemSchema),
    }),
  ])
  .openapi('AuditVerification');

export const diffQuerySchema = z.strictObject({
  from: z.string().max(80).openapi({ description: 'A version number or `draft:<id>`.', example: '1' }),
  to: z.string().max(80).openapi({ description: 'A version number or `draft:<id>`.', example: 'draft:k3x9m2p7q4rt' }),
});

const textSchema = z.object({ zh: z.string(), en: z.string() });

const diffSideSchema = z.object({
  ref: z.string(),
  version: z.number().int().optional(),
  draftId: z.string().optional(),
  hash: z.string(),
  effectiveFrom: z.string(),
});

export const diffSchema = z
  .object({
    from: diffSideSchema,
    to: diffSideSchema,
    changes: z.array(
      z.object({
        kind: z.string().openapi({ example: 'points-changed' }),
        target: z.string().openapi({ example: 'indicator:education/tier:bachelor' }),
        targetTitle: textSchema.optional(),
        part: z.object({ type: z.enum(['tier', 'band']), id: z.string(), title: textSchema.optional() }).optional(),
        field: z.string().optional(),
        path: z.string().openapi({ description: 'JSON Pointer of the value (in the old document for a removal).' }),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        text: textSchema.openapi({ description: 'The change as a sentence, in Chinese and English.' }),
      }),
    ),
    patch: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'RFC 6902 JSON Patch from `from` to `to`.' }),
    cases: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(['now-fails', 'now-passes', 'result-changed', 'case-added', 'case-removed']),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        differences: z.array(z.object({ what: z.string(), id: z.string().optional(), before: z.unknown(), after: z.unknown() })),
        text: textSchema,
      }),
    ),
  })
  .openapi('RuleSetDiff');
