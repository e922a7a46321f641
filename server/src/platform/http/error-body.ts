import { z } from '@hono/zod-openapi';
import { errorTextZh, withChinese } from '../../domain/error-text-zh';
import type { FieldError, JifenError } from '../../domain/errors';

export const fieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: 'facts.birthDate' }),
    message: z.string().openapi({ example: 'must be a date YYYY-MM-DD' }),
    messageZh: z.string().optional().openapi({ description: 'The same in Chinese (always present in an error body)', example: '不得晚于评估日期 2026-06-30：出生日期不能晚于评估日期（依据：…）' }),
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
      messageZh: z.string().openapi({ description: 'The same in Chinese, for the person who reads it', example: '填写的内容有误，请按提示修改' }),
      fields: z.array(fieldErrorSchema).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorSchema>;

/**
 * The error shape, always with Chinese beside the English: the text given, else its code's; each field's
 * given, else read off its English (`withChinese`).
 *
 * @example
 * errorBody('not_found', { en: 'Static: no file /x.js', zh: '没有这个文件' });
 */
export function errorBody(code: string, message: string | { en: string; zh?: string }, fields?: readonly FieldError[]): ErrorBody {
  const en = typeof message === 'string' ? message : message.en;
  const zh = errorTextZh(code, typeof message === 'string' ? undefined : message.zh);
  return { error: { code, message: en, messageZh: zh, ...(fields && fields.length > 0 ? { fields: fields.map(withChinese) } : {}) } };
}


/**
 * A refusal inside an answer that goes on (one resident of a batch, one record of a feed): the inner part
 * of the error shape, with its Chinese like every other.
 *
 * @example
 * results.push({ id, error: errorDetail(error) });
 */
export function errorDetail(error: JifenError): ErrorBody['error'] {
  return errorBody(error.code, error.text, error.fields).error;
}
