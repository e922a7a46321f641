import { z } from '@hono/zod-openapi';
import type { FieldError } from '../../domain/errors';

export const fieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: 'facts.birthDate' }),
    message: z.string().openapi({ example: 'must be a date YYYY-MM-DD' }),
    messageZh: z.string().optional().openapi({ description: 'The same in Chinese, for a fact out of its bounds', example: '不得晚于评估日期 2026-06-30：出生日期不能晚于评估日期（依据：…）' }),
    bound: z
      .object({
        kind: z.string().openapi({ example: 'notAfterAsOf' }),
        limit: z.union([z.number(), z.string()]).openapi({ description: 'The limit the bound set for this request (a number or a date)', example: '2026-06-30' }),
        reason: z.object({ zh: z.string(), en: z.string() }),
        reference: z.object({ document: z.string(), clause: z.string().optional() }),
      })
      .optional()
      .openapi({ description: "For a fact out of its bounds: the rule set's bound, with its reason and reference" }),
  })
  .openapi('FieldError');

/** The one error shape every route answers. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'Facts: invalid facts' }),
      fields: z.array(fieldErrorSchema).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorSchema>;

export function errorBody(code: string, message: string, fields?: FieldError[]): ErrorBody {
  return { error: { code, message, ...(fields && fields.length > 0 ? { fields } : {}) } };
}

