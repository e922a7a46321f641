import { z } from '@hono/zod-openapi';
import { chainProblemSchema } from './audit-schemas';

/** Request and response shapes of the audit checkpoint routes (DESIGN.md "Audit checkpoints"). */

export const checkpointSchema = z
  .object({
    seq: z.number().int().min(0).openapi({ description: 'The newest entry of the trail when the checkpoint was taken (0: empty trail).', example: 812 }),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits').openapi({ description: "That entry's hash." }),
    at: z.string().max(40).openapi({ description: 'When the checkpoint was taken (ISO 8601, UTC).', example: '2026-07-01T02:00:00.000Z' }),
    keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits').openapi({ description: 'Names the signing key (SHA-256 of it, shortened).' }),
    signature: z.string().max(200).openapi({ description: 'HMAC-SHA256 (base64url) with a key the database does not hold.' }),
  })
  .openapi('AuditCheckpoint');

export const checkpointRequestSchema = z.strictObject({ checkpoint: checkpointSchema });

export const checkpointVerdictSchema = z
  .object({
    ok: z.boolean().openapi({ description: 'False when the trail no longer holds the entry with that hash, or was altered before it.' }),
    seq: z.number().int(),
    hash: z.string(),
    at: z.string(),
    signatureValid: z.boolean().openapi({ description: "Whether the checkpoint was signed with this server's key, unaltered." }),
    problems: z.array(chainProblemSchema),
  })
  .openapi('AuditCheckpointVerdict');
