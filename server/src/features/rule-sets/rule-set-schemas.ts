import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema, textSchema } from '../../domain/rule-set/schema';

/** Path parameters and response shapes of the rule-set routes. */

export const ruleSetParamsSchema = z.strictObject({
  id: idSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'district-sample' }),
});

export const versionParamsSchema = z.strictObject({
  id: idSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'district-sample' }),
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'must be a version number (1, 2, …)')
    .openapi({ param: { name: 'version', in: 'path' }, example: '1' }),
});

export const versionMetaSchema = z
  .object({
    ruleSetId: z.string(),
    version: z.number().int(),
    hash: z.string().openapi({ description: 'SHA-256 of the canonical JSON (RFC 8785) of the document.' }),
    effectiveFrom: dateSchema.openapi({ description: 'First day in force.' }),
    publishedAt: z.string().openapi({ description: 'ISO 8601 instant.' }),
    publishedBy: z.string().openapi({ description: 'Who prepared it: the draft\'s author, or `seed` for a shipped version.' }),
    note: z.string(),
    approvedBy: z.string().optional().openapi({ description: 'The approver who let it be published (four eyes).' }),
  })
  .openapi('VersionMeta');

export const ruleSetSummarySchema = z
  .object({ id: z.string(), title: textSchema, owner: z.string(), latest: versionMetaSchema })
  .openapi('RuleSetSummary');

export const ruleSetListSchema = z.object({ ruleSets: z.array(ruleSetSummarySchema) }).openapi('RuleSetList');

export const ruleSetDetailSchema = z
  .object({ id: z.string(), title: textSchema, owner: z.string(), latest: versionMetaSchema, versions: z.array(versionMetaSchema) })
  .openapi('RuleSetDetail');

export const versionListSchema = z
  .object({ ruleSetId: z.string(), versions: z.array(versionMetaSchema) })
  .openapi('VersionList');

export const versionDocumentSchema = z
  .object({
    ...versionMetaSchema.shape,
    document: z.record(z.string(), z.unknown()).openapi({
      description: 'The rule-set document; its JSON Schema is at `/api/v1/rule-sets/schema.json`.',
    }),
  })
  .openapi('PublishedVersion');
