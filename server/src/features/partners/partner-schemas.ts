import { z } from '@hono/zod-openapi';
import { idSchema } from '../../domain/rule-set/schema';

/**
 * Request and response schemas of the partner administration (partners, their origins, scenarios and keys).
 * Requests are strict: a field the API does not know is refused by name.
 */

const partnerScenarioSchema = z.strictObject({
  ruleSetId: idSchema.openapi({ example: 'district-sample' }),
  scenarioId: idSchema.openapi({ example: 'school-enrollment' }),
});

export const partnerInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).openapi({ example: '实验小学' }),
    origins: z
      .array(z.string().max(200))
      .max(20)
      .openapi({ description: 'Web origins the widget may be used from, e.g. `https://school.example`.', example: ['https://school.example'] }),
    scenarios: z.array(partnerScenarioSchema).max(50),
  })
  .openapi('PartnerInput');

export const partnerSchema = z
  .object({
    id: z.string().openapi({ example: 'ptn-3f9a1c2b' }),
    name: z.string(),
    origins: z.array(z.string()),
    scenarios: z.array(z.object({ ruleSetId: z.string(), scenarioId: z.string() })),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    keys: z.array(
      z.object({
        id: z.string().openapi({ example: '3f9a1c2b7d4e' }),
        createdAt: z.string(),
        createdBy: z.string(),
        revokedAt: z.string().optional(),
        revokedBy: z.string().optional(),
      }),
    ),
  })
  .openapi('Partner');

export const issuedKeySchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    key: z.string().openapi({ description: 'The key itself, shown this once; only its hash is stored.', example: 'jfk_3f9a1c2b7d4e_…' }),
    createdAt: z.string(),
  })
  .openapi('IssuedPartnerKey');

export const partnerIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'ptn-3f9a1c2b' }) });
export const keyParams = partnerIdParam.extend({
  keyId: z.string().min(1).max(64).openapi({ param: { name: 'keyId', in: 'path' }, example: '3f9a1c2b7d4e' }),
});
