import type { Client } from '@libsql/client';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FIELD_TEXT_ZH_FALLBACK } from '../../server/src/domain/error-text-zh';
import { ACCESS, tableKey } from '../../server/src/platform/http/access';
import { startServer, type RunningServer } from '../../server/src/server';
import { PROPERTY_SEED } from '../support/data/property-seed';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';
import { createCallers, type Caller } from './callers';
import { deeplyNested, HOSTILE_STRINGS, hostileJson, MALFORMED_BODIES, mutateAt, rawNumber, withRawNumbers } from './hostile';
import { sampleBody } from './schema-sample';
import { sendRaw, type RawResponse } from './send';

/** Generated cases per route on top of the fixed ones; raise it for a deeper run (JIFEN_FUZZ_RUNS=1000), vary JIFEN_PROPERTY_SEED for others. */
const RUNS = Number(process.env.JIFEN_FUZZ_RUNS ?? 30);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Plausible path parameters, so that some requests get past "no such thing" to the body. */
const KNOWN_IDS = ['provincial-common', 'district-sample', '1', '2', 'school-enrollment', 'ptn-demo-school', 'admin'];
/** Path parameters tried on every route that has some (query strings get the same values). */
const PARAM_VALUES = ['provincial-common', '1', 'ptn-demo-school', '__proto__', 'constructor', '<script>alert(1)</script>', '\u0000\u001f', '\ud800', '𠀀👨‍👩‍👧', '../../../etc/passwd', '%00%2e%2e%2f', '1e309', '9999-99-99', 'x'.repeat(10_000)];
/** Query strings tried on routes without path parameters. */
const QUERY_VALUES = ['__proto__', '\u0000', '\ud800', '1e309'];
const CJK = /[\u4e00-\u9fff]/;

// The server exactly as `npm start` builds it, over a real database (without the demo population).
const db = tempDatabase();
const server: RunningServer = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
const client: Client = db.open();
const callers = await createCallers(server, client);
const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();

interface Route {
  method: string;
  path: string;
  key: string;
  caller: Caller;
  /** The documented JSON body, when the route takes one. */
  sample: unknown;
}

/** Every route the app registered (middleware aside), with the caller its access entry allows. */
const routes: Route[] = [];
for (const r of server.app.routes) {
  if (r.method === 'ALL' || r.method === 'OPTIONS') continue;
  const key = tableKey(r.method, r.path);
  if (routes.some((x) => x.key === key)) continue;
  const documented = r.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
  routes.push({ method: r.method, path: r.path, key, caller: callers.pick(ACCESS[key] ?? [], r.path), sample: sampleBody(openapi, r.method, documented) });
}

afterAll(async () => {
  await server.close();
  db.cleanup();
});

/** Percent-encodes as a browser would; a lone surrogate, which has no UTF-8, goes as its raw (invalid) bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

function urlFor(route: Route, params: string[], query = ''): string {
  let i = 0;
  const path = route.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, () => encode(params[i++ % params.length] ?? 'x'));
  return `${server.url}${path}${query}`;
}

/**
 * What every answer must be: never a server error; with the security headers; an error in the one shape,
 * naming fields when invalid.
 */
function expectProperAnswer(res: RawResponse, what: string, page = false): void {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  // Node's HTTP parser refuses a request line or headers over 16 KB before Jifen sees the request.
  if (res.status === 431) return;
  expect(res.headers['content-security-policy'], `${what}: no CSP`).toBeTruthy();
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  if (res.status < 400) return;
  // A public page answers its own (HTML) page when it cannot show what was asked for.
  if (page && /^text\/html/.test(res.contentType)) return;
  expect(res.contentType, what).toMatch(/^application\/json/);
  const body = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown; messageZh?: unknown; fields?: { path?: unknown; message?: unknown; messageZh?: unknown }[] } };
  expect(typeof body.error?.code, `${what}: ${res.text.slice(0, 200)}`).toBe('string');
  expect(typeof body.error?.message, what).toBe('string');
  // Chinese beside the English, for the error and for each field it names (read off a field's English
  // message where the thrower gave none: the fallback means the table lacks that message).
  expect(body.error?.messageZh, `${what}: no Chinese ${res.text.slice(0, 200)}`).toMatch(CJK);
  for (const f of body.error?.fields ?? []) {
    expect(f.messageZh, `${what}: a field without its Chinese ${JSON.stringify(f)}`).toMatch(CJK);
    expect(f.messageZh, `${what}: no Chinese known for ${JSON.stringify(f.message)}`).not.toBe(FIELD_TEXT_ZH_FALLBACK);
  }
  if (body.error?.code === 'validation_failed') {
    expect(body.error.fields?.length, `${what}: validation without fields ${res.text.slice(0, 200)}`).toBeGreaterThan(0);
    for (const f of body.error.fields ?? []) {
      expect(typeof f.path === 'string' && f.path.length > 0, `${what}: field without a path ${JSON.stringify(f)}`).toBe(true);
      expect(typeof f.message, what).toBe('string');
    }
  }
}

async function send(route: Route, url: string, body: string | undefined, contentType = 'application/json'): Promise<RawResponse> {
  const headers: Record<string, string> = { ...route.caller.headers };
  if (body !== undefined) headers['content-type'] = contentType;
  return sendRaw(url, { method: route.method, headers, ...(body !== undefined ? { body } : {}) });
}

describe('every route of the app under hostile input', () => {
  it('finds the routes of every part of the app, each in the access table', () => {
    const keys = routes.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/v1/evaluate', 'POST /api/v1/evaluate/batch', 'GET /api/v1/rule-sets/{id}']));
    expect(keys.filter((k) => !ACCESS[k])).toEqual([]);
  });

  describe.each(routes.map((r) => [`${r.key} as ${r.caller.as}`, r] as const))('%s', (_name, route) => {
    const takesBody = BODY_METHODS.has(route.method);
    const isPage = route.method === 'GET' && !route.path.startsWith('/api/') && !route.path.startsWith('/.well-known/');

    it('answers hostile path parameters and query strings properly', async () => {
      for (const value of route.path.includes(':') ? PARAM_VALUES : QUERY_VALUES) {
        const query = `?${['asOf', 'from', 'to', 'limit', 'offset', 'cursor', 'lang', 'q', 'version'].map((k) => `${k}=${encode(value)}`).join('&')}`;
        const url = urlFor(route, [value], query);
        expectProperAnswer(await send(route, url, takesBody ? JSON.stringify(route.sample ?? {}) : undefined), `${route.key} ${url.slice(0, 120)}`, isPage);
      }
    });

    if (!takesBody) return;

    it('answers malformed, mistyped, deeply nested and oversized bodies properly', async () => {
      const url = urlFor(route, KNOWN_IDS);
      const cases: [string, string, string?][] = [
        ...MALFORMED_BODIES.map((b) => [`malformed ${JSON.stringify(b).slice(0, 40)}`, b] as [string, string]),
        ['nested arrays ×50k', deeplyNested(50_000, 'array')],
        ['nested objects ×20k', deeplyNested(20_000, 'object')],
        ['a million-item array', `[${'0,'.repeat(999_999)}0]`],
        ['text/plain', JSON.stringify(route.sample ?? {}), 'text/plain'],
        ['form-encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'],
        ['multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', 'multipart/form-data; boundary=x'],
        ['JSON with a strange charset', JSON.stringify(route.sample ?? {}), 'application/json; charset=utf-16'],
      ];
      for (const [what, body, type] of cases) expectProperAnswer(await send(route, url, body, type), `${route.key} ${what}`);

      if (route.sample === undefined) return;
      // A documented JSON body: too large must be refused as such, whether declared or streamed.
      const declared = await sendRaw(url, { method: route.method, headers: { ...route.caller.headers, 'content-type': 'application/json' }, body: '{', declaredLength: 64 * 1024 * 1024 });
      expectProperAnswer(declared, `${route.key} declared 64 MB`);
      expect(declared.status, `${route.key} declared 64 MB`).toBe(413);
      const streamed = await sendRaw(url, { method: route.method, headers: { ...route.caller.headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, streamBytes: 24 * 1024 * 1024 });
      expectProperAnswer(streamed, `${route.key} streamed 24 MB`);
      expect(streamed.status, `${route.key} streamed 24 MB`).toBe(413);
    });

    it('answers generated hostile bodies properly (fast-check)', async () => {
      const url = urlFor(route, KNOWN_IDS);
      const base = route.sample ?? {};
      const body = fc.oneof(
        // Anything at all, as JSON.
        hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
        // The documented body with one place replaced by something hostile, or a key added.
        fc
          .tuple(fc.nat(), fc.oneof(hostileJson, rawNumber), fc.constantFrom(...HOSTILE_STRINGS.slice(0, 12), 'extra'))
          .map(([pick, value, key]) => withRawNumbers(mutateAt(base, pick, value, key))),
        // The documented body with a value nested deep inside.
        fc.tuple(fc.nat(), fc.integer({ min: 100, max: 5_000 })).map(([pick, depth]) => JSON.stringify(mutateAt(base, pick, '<deep>', 'deep')).replace('"<deep>"', deeplyNested(depth, 'array'))),
        // Truncated or doubled JSON.
        fc.nat().map((n) => {
          const text = JSON.stringify(base);
          return text.slice(0, n % (text.length + 1));
        }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          expectProperAnswer(await send(route, url, text), `${route.key} body ${text.slice(0, 200)}`);
        }),
        { numRuns: RUNS, seed: PROPERTY_SEED },
      );
    });
  });
});
