import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { JifenError } from '../../domain/errors';

/**
 * Guards a multipart body before validation: not `multipart/form-data` → 415, larger than `maxBytes` →
 * 413 (on the declared length and again while reading).
 *
 * @example
 * createRoute({ method: 'post', path: '/api/v1/self-applications', middleware: [formBody({ maxBytes: 26 * 1024 * 1024 })], … });
 */
export function formBody(options: { maxBytes: number }): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      const mb = Math.round(options.maxBytes / (1024 * 1024));
      throw new JifenError('payload_too_large', { en: `Request: the body is larger than ${mb} MB`, zh: `提交的内容（含附件）超过 ${mb} MB` });
    },
  });
  return async (c, next) => {
    const media = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (media !== 'multipart/form-data') {
      throw new JifenError('unsupported_media_type', { en: `Request: send the body as multipart/form-data${media ? `, not ${media}` : ''}`, zh: '提交的内容须为表单（multipart/form-data）' });
    }
    return limit(c, next);
  };
}
