import type { Context, MiddlewareHandler } from 'hono';
import { JifenError } from '../../domain/errors';
import { principalOf } from './access';
import { scanJsonShape, type JsonShapeLimits, type JsonShapeProblem } from './json-shape';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const DECIMAL = /^\d+$/;
const CHARSET = /;\s*charset\s*=\s*("?[^;"\s]*"?)/i;
const UTF8 = /^utf-?8$/i;
/** Bodies declared this small are read in one piece (one scan, no stream); larger or chunked ones chunk by chunk. */
const READ_AT_ONCE = 64 * 1024;

/** What one kind of caller may send to a route. */
export interface BodyLimits {
  maxBytes: number;
  /** Deepest nesting of objects and arrays (default 64: no Jifen request needs more than 32). */
  maxDepth?: number;
  /** Most object members and array items in all (default 250,000; 20,000 for anonymous callers). */
  maxMembers?: number;
}

export const MAX_DEPTH = 64;
export const MAX_MEMBERS = 250_000;
export const ANONYMOUS_MAX_MEMBERS = 20_000;

/**
 * Guards a JSON body before validation, as it arrives: not JSON by content type → 415; larger than the
 * caller's `maxBytes` → 413 (on the declared length before reading, and while reading); nested deeper than
 * `maxDepth` → 422 naming the path; more than `maxMembers` members and items → 413; not parseable → 400
 * `invalid_json`. Each chunk is scanned as it comes (scanJsonShape), so a hostile body is refused at the
 * byte that crosses a limit, and only a body within every limit is ever parsed, once: the validator that
 * follows reads the parsed value.
 * An anonymous caller gets the `anonymous` limits when the route gives them (an anonymous batch is far
 * smaller than a credentialed one).
 *
 * @example
 * createRoute({ method: 'post', path: '/evaluate/batch', middleware: [jsonBody({ maxBytes: 16 * 1024 * 1024, anonymous: { maxBytes: 512 * 1024 } })], … });
 */
export function jsonBody(options: BodyLimits & { anonymous?: BodyLimits }): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type');
    const media = type?.split(';')[0]?.trim() ?? '';
    if (!JSON_TYPE.test(media)) {
      throw new JifenError('unsupported_media_type', { en: `Request: send the body as application/json${type ? `, not ${media}` : ''}`, zh: '提交的内容须为 JSON 格式' });
    }
    // JSON between systems is UTF-8 (RFC 8259). A body in GBK read as UTF-8 would garble every Chinese
    // id and name without a word, or make two different ids one.
    const charset = CHARSET.exec(type ?? '')?.[1]?.replace(/"/g, '');
    if (charset !== undefined && !UTF8.test(charset)) {
      throw new JifenError('unsupported_media_type', { en: `Request: send the body in UTF-8, not ${JSON.stringify(charset)}`, zh: `提交的内容须为 UTF-8 编码，不能是 ${JSON.stringify(charset)}` });
    }
    const anonymous = principalOf(c) === undefined;
    const limits = anonymous && options.anonymous ? options.anonymous : options;
    // An anonymous caller is told what signing in would allow: the refusal is where it finds out.
    const roomier = anonymous && options.anonymous ? options : undefined;
    const shape: JsonShapeLimits = {
      maxDepth: limits.maxDepth ?? MAX_DEPTH,
      maxMembers: limits.maxMembers ?? (anonymous ? ANONYMOUS_MAX_MEMBERS : MAX_MEMBERS),
    };
    const declared = c.req.header('content-length');
    const length = declared !== undefined && DECIMAL.test(declared) && c.req.header('transfer-encoding') === undefined ? Number(declared) : undefined;
    if (length !== undefined && length > limits.maxBytes) throw tooLarge(limits.maxBytes, roomier);
    const bytes = length !== undefined && length <= READ_AT_ONCE ? await readAtOnce(c, shape, roomier) : await readChunks(c, limits.maxBytes, shape, roomier);
    const value = parse(bytes);
    // The validator parses `c.req.json()` again; hand it this value instead of a second parse.
    Object.defineProperty(c.req, 'json', { value: () => Promise.resolve(value), configurable: true });
    await next();
  };
}

async function readAtOnce(c: Context, shape: JsonShapeLimits, roomier: BodyLimits | undefined): Promise<Uint8Array> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const problem = scanJsonShape(shape).push(bytes);
  if (problem) throw refusal(problem, roomier);
  return bytes;
}

async function readChunks(c: Context, maxBytes: number, shape: JsonShapeLimits, roomier: BodyLimits | undefined): Promise<Uint8Array> {
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const scan = scanJsonShape(shape);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes, roomier);
    const problem = scan.push(value);
    if (problem) throw refusal(problem, roomier);
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const decoder = new TextDecoder();

function parse(bytes: Uint8Array): unknown {
  const text = decoder.decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new JifenError('invalid_json', { en: 'Request: the body is not valid JSON', zh: '提交的内容不是有效的 JSON，无法读取' });
    throw error;
  }
  // zod copies objects without `__proto__`, so such a key would vanish silently instead of being refused.
  // Only a body that spells the key, plainly or escaped, can hold one: most bodies skip the walk.
  const proto = text.includes('__proto__') || text.includes('\\u') ? findProtoKey(body) : undefined;
  if (proto) {
    throw new JifenError('validation_failed', { en: 'Request: invalid body', zh: '提交的内容有误，请按每一项的提示修改' }, [{ path: proto, message: 'is not a known field' }]);
  }
  return body;
}

function refusal(problem: JsonShapeProblem, roomier: BodyLimits | undefined): JifenError {
  if (problem.kind === 'too-many-members') {
    const most = roomier?.maxMembers ?? MAX_MEMBERS;
    const more = roomier ? moreWhenSignedIn(`${most.toLocaleString('en-US')} members and items`, `${most} 项`) : SMALLER_PARTS;
    return new JifenError('payload_too_large', {
      en: `Request: the body has more than ${problem.limit.toLocaleString('en-US')} members and items (keys, values and list items)${more.en}`,
      zh: `提交的内容太多（超过 ${problem.limit} 项）${more.zh}`,
    });
  }
  return new JifenError('validation_failed', { en: `Request: the body nests deeper than ${problem.limit} levels`, zh: `提交的内容嵌套超过 ${problem.limit} 层` }, [
    { path: problem.path || '(body)', message: `nests deeper than ${problem.limit} levels` },
  ]);
}

function tooLarge(maxBytes: number, roomier: BodyLimits | undefined): JifenError {
  const more = roomier ? moreWhenSignedIn(formatBytes(roomier.maxBytes), formatBytes(roomier.maxBytes)) : SMALLER_PARTS;
  return new JifenError('payload_too_large', { en: `Request: the body is larger than ${formatBytes(maxBytes)}${more.en}`, zh: `提交的内容超过 ${formatBytes(maxBytes)}${more.zh}` });
}

const SMALLER_PARTS = { en: '; send it in smaller parts', zh: '，请分批提交' };
const moreWhenSignedIn = (en: string, zh: string) => ({
  en: `; send it in smaller parts, or sign in (staff) or use a service credential to send up to ${en}`,
  zh: `，请分批提交，或由工作人员登录、使用服务凭据提交（上限 ${zh}）`,
});

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
