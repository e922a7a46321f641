import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { JifenError } from '../../domain/errors';

/**
 * Guards a file sent as the raw body (e.g. an .xlsx workbook): another content type → 415, larger than
 * `maxBytes` → 413 (on the declared length and again while reading).
 *
 * @example
 * createRoute({ method: 'put', path: '…/workbook', middleware: [binaryBody({ type: XLSX_TYPE, maxBytes: 4 * 1024 * 1024 })], … });
 */
export function binaryBody(options: { type: string; maxBytes: number }): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      const mb = Math.round(options.maxBytes / (1024 * 1024));
      throw new JifenError('payload_too_large', { en: `Request: the file is larger than ${mb} MB`, zh: `文件超过 ${mb} MB` });
    },
  });
  return async (c, next) => {
    const media = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (media !== options.type) {
      throw new JifenError('unsupported_media_type', { en: `Request: send the file as ${options.type}${media ? `, not ${media}` : ''}`, zh: '上传的文件类型不对' });
    }
    return limit(c, next);
  };
}

/** `Content-Disposition` for a download, with an ASCII fallback name and the UTF-8 one (RFC 6266). */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
