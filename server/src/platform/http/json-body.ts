import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { JifenError } from '../../domain/errors';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const DECIMAL = /^\d+$/;

/**
 * Guards a JSON body before validation: not JSON by content type → 415, larger than `maxBytes` → 413
 * (checked on the declared length and again while reading), not parseable → 400 `invalid_json`.
 * The parsed body is cached by Hono for the validator that follows.
 *
 * @example
 * createRoute({ method: 'post', path: '/evaluate', middleware: [jsonBody({ maxBytes: 256 * 1024 })], … });
 */
export function jsonBody(options: { maxBytes: number }): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw tooLarge(options.maxBytes);
    },
  });
  return async (c, next) => {
    const type = c.req.header('content-type');
    const media = type?.split(';')[0]?.trim() ?? '';
    if (!JSON_TYPE.test(media)) {
      throw new JifenError('unsupported_media_type', `Request: send the body as application/json${type ? `, not ${media}` : ''}`);
    }
    // A declared length is all `bodyLimit` checks too (HTTP framing stops the body there), but asking it
    // builds a web Request with a stream around the body; reading the text directly skips that per request.
    const declared = c.req.header('content-length');
    if (declared !== undefined && DECIMAL.test(declared) && c.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > options.maxBytes) throw tooLarge(options.maxBytes);
      await parse(c);
      return next();
    }
    return limit(c, async () => {
      await parse(c);
      await next();
    });
  };
}

async function parse(c: Context): Promise<void> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof SyntaxError) throw new JifenError('invalid_json', 'Request: the body is not valid JSON');
    throw error;
  }
  // zod copies objects without `__proto__`, so such a key would vanish silently instead of being refused.
  const proto = findProtoKey(body);
  if (proto) {
    throw new JifenError('validation_failed', 'Request: invalid body', [{ path: proto, message: 'is not a known field' }]);
  }
}

function tooLarge(maxBytes: number): JifenError {
  return new JifenError('payload_too_large', `Request: the body is larger than ${formatBytes(maxBytes)}`);
}

/**
 * The path of the first own `__proto__` key in a parsed JSON value, if any. Walked without recursion, and
 * only through objects and arrays (a body of a million numbers costs one pass over them).
 */
export function findProtoKey(value: unknown): string | undefined {
  type Node = { value: object; key: string; parent: Node | undefined };
  const stack: Node[] = [];
  const visit = (child: unknown, key: string, parent: Node | undefined) => {
    if (child !== null && typeof child === 'object') stack.push({ value: child, key, parent });
  };
  visit(value, '', undefined);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node.value)) {
      for (let i = 0; i < node.value.length; i++) visit(node.value[i], String(i), node);
      continue;
    }
    const record = node.value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === '__proto__') {
        const path = [key];
        for (let n: Node | undefined = node; n?.parent; n = n.parent) path.unshift(n.key);
        return path.join('.');
      }
      visit(record[key], key, node);
    }
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
