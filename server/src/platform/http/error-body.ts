import { z } from '@hono/zod-openapi';
import type { FieldError } from '../../domain/errors';

export const fieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: 'facts.birthDate' }),
    message: z.string().openapi({ example: 'must be a date YYYY-MM-DD' }),
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

