import { z } from '@hono/zod-openapi';
import { PROVENANCE_KINDS } from '../../domain/residents/types';
import { APPLICATION_STATUSES } from '../../domain/residents/self-application';
import { dateSchema, idSchema, textSchema } from '../../domain/rule-set/schema';

/** Request and response shapes of the resident routes: records, scores, ledgers, credentials, tokens. */

export const residentIdParamSchema = z.strictObject({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: 'res-000001' }),
});

export const provenanceSchema = z
  .object({
    kind: z.enum(PROVENANCE_KINDS).openapi({ description: '`feed` (a department system), `reviewer` (an approved self-application), `office` (staff at the service office), `resident` (the resident online), `seed`.' }),
    source: z.string().openapi({ description: 'The feed source, or the reviewer / staff member.', example: 'hrss' }),
    at: z.string().openapi({ description: 'When it was recorded (ISO 8601).' }),
    evidence: z.string().optional().openapi({ description: 'The feed record key, `application:<id>`, a document number…' }),
  })
  .openapi('Provenance');

const factValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]).nullable();

export const factRecordSchema = z
  .object({ seq: z.number().int(), fact: z.string(), value: factValueSchema.openapi({ description: 'null: the fact was cleared.' }), provenance: provenanceSchema })
  .openapi('FactRecord');

const personSchema = z.object({
  id: z.string(),
  name: z.string().openapi({ description: 'Masked (张*三) for callers who do not need the name.' }),
  permitNumber: z.string().openapi({ description: 'Residence-permit number, masked (3301**********1234) except on the record screen for reviewers and admins.' }),
});

export const residentSummarySchema = personSchema
  .extend({
    residenceRegistrationDate: z.string().optional(),
    spouseId: z.string().optional(),
    updatedAt: z.string(),
  })
  .openapi('ResidentSummary');

export const residentListSchema = z
  .object({ residents: z.array(residentSummarySchema), total: z.number().int(), nextCursor: z.string().optional() })
  .openapi('ResidentList');

export const residentListQuerySchema = z.strictObject({
  after: z.string().max(100).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Default 50.' }),
  permitNumber: z.string().min(4).max(40).optional().openapi({ description: 'Find the resident holding this permit number.' }),
});

export const residentRecordSchema = residentSummarySchema
  .extend({
    createdAt: z.string(),
    permitMasked: z.boolean().openapi({ description: 'False only when the caller may see the full permit number.' }),
    facts: z.record(z.string(), factRecordSchema).openapi({ description: 'Current value of each fact (the latest history entry), with its provenance.' }),
    spouse: personSchema
      .extend({
        since: z.string().optional().openapi({ description: 'The date of the marriage on record.' }),
        provenance: provenanceSchema.optional().openapi({ description: 'Who recorded the marriage (a civil-affairs feed…); absent for demo data.' }),
      })
      .optional(),
    children: z.array(
      z.object({ id: z.string(), name: z.string(), birthDate: z.string(), parentIds: z.array(z.string()), provenance: provenanceSchema.optional() }),
    ),
  })
  .openapi('ResidentRecord');

export const familyEntrySchema = z
  .object({
    seq: z.number().int(),
    event: z.enum(['marriage', 'divorce', 'child']),
    on: z.string().openapi({ description: 'The date of the marriage, divorce or birth.' }),
    spouse: z.object({ id: z.string(), name: z.string() }).optional(),
    child: z.object({ id: z.string(), name: z.string(), birthDate: z.string() }).optional(),
    provenance: provenanceSchema,
  })
  .openapi('FamilyEntry');

export const historyQuerySchema = z.strictObject({ fact: z.string().min(1).max(64).optional() });
export const factHistorySchema = z
  .object({
    residentId: z.string(),
    history: z.array(factRecordSchema),
    family: z.array(familyEntrySchema).openapi({ description: 'Marriages, divorces and children, oldest first: each a new entry, never overwritten.' }),
  })
  .openapi('FactHistory');

export const scoreQuerySchema = z.strictObject({
  asOf: dateSchema.optional().openapi({ description: 'Default: today (China).' }),
  ruleSetId: idSchema.optional().openapi({ description: 'Default `district-sample`.' }),
  version: z.coerce.number().int().min(1).optional().openapi({ description: 'Default: the version in force at `asOf`.' }),
});

export const storedScoreSchema = z
  .object({
    ruleSetId: z.string(),
    version: z.number().int(),
    hash: z.string(),
    asOf: z.string(),
    total: z.number(),
    vetoed: z.boolean(),
    groups: z.record(z.string(), z.number()),
    indicators: z.record(z.string(), z.number()),
    scenarios: z.record(z.string(), z.object({ eligible: z.boolean(), score: z.number(), shortBy: z.number() })),
    scoredAt: z.string(),
  })
  .openapi('StoredScore');

export const ledgerQuerySchema = z.strictObject({ asOf: dateSchema.optional().openapi({ description: 'Default: today (China).' }) });

const ledgerEntrySchema = z
  .object({
    id: z.string(),
    indicator: z.string(),
    kind: z.enum(['earn', 'spend']),
    points: z.number(),
    earnedOn: z.string().openapi({ description: 'The day earned, or spent.' }),
    ref: z.string().optional(),
    benefit: z.string().optional(),
    provenance: provenanceSchema,
  })
  .openapi('LedgerEntry');

export const ledgerStatementSchema = z
  .object({
    residentId: z.string(),
    asOf: z.string(),
    ruleSetId: z.string(),
    version: z.number().int(),
    accounts: z.array(
      z.object({
        indicator: z.string(),
        termYears: z.number().int(),
        exchangeable: z.boolean(),
        balance: z.number(),
        lots: z.array(z.object({ entry: z.string(), earnedOn: z.string(), lastValidDay: z.string(), points: z.number() })),
      }),
    ),
    benefits: z.array(z.object({ id: z.string(), title: textSchema, indicator: z.string(), cost: z.number(), affordable: z.boolean() })),
    entries: z.array(ledgerEntrySchema),
  })
  .openapi('LedgerStatement');

export const earnRequestSchema = z
  .strictObject({
    indicator: idSchema.openapi({ example: 'volunteerService' }),
    points: z.number().positive().max(10_000).openapi({ example: 2 }),
    earnedOn: dateSchema.openapi({ example: '2026-03-01' }),
    ref: z.string().min(1).max(200).optional(),
  })
  .openapi('LedgerEarnRequest');

export const exchangeRequestSchema = z.strictObject({ benefit: idSchema.openapi({ example: 'park-annual-pass' }) }).openapi('ExchangeRequest');

export const exchangeResultSchema = z
  .object({
    entry: ledgerEntrySchema,
    balanceBefore: z.number(),
    balanceAfter: z.number(),
    consumes: z.array(z.object({ entry: z.string(), points: z.number() })).openapi({ description: 'Which earn entries the spend took points from, oldest first.' }),
  })
  .openapi('ExchangeResult');

export const credentialSchema = z
  .object({
    id: z.string(),
    purpose: z.enum(['feed', 'resident-app']),
    source: z.string(),
    label: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().optional(),
    revokedBy: z.string().optional(),
  })
  .openapi('ServiceCredential');

export const issueCredentialSchema = z
  .strictObject({
    purpose: z.enum(['feed', 'resident-app']).openapi({ description: '`feed`: pushes `POST /api/v1/feeds/{source}`; `resident-app`: issues resident tokens.' }),
    source: idSchema.openapi({ description: 'The feed source name (or the app\'s name).', example: 'hrss' }),
    label: z.string().max(200).default('').openapi({ example: '区人力资源和社会保障局 社保缴纳数据' }),
  })
  .openapi('IssueServiceCredential');

export const issuedCredentialSchema = credentialSchema
  .extend({ token: z.string().openapi({ description: 'The secret bearer token, shown this once; only its hash is stored.' }) })
  .openapi('IssuedServiceCredential');

export const credentialParamsSchema = z.strictObject({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

export const residentTokenRequestSchema = z
  .strictObject({
    residentId: z.string().min(1).max(100).optional(),
    permitNumber: z.string().min(4).max(40).optional(),
  })
  .refine((b) => (b.residentId === undefined) !== (b.permitNumber === undefined), { message: 'give residentId or permitNumber, not both', path: ['residentId'] })
  .openapi('ResidentApiTokenRequest');

export const residentTokenSchema = z
  .object({ token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>`.' }), residentId: z.string(), expiresAt: z.string() })
  .openapi('ResidentApiToken');

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
