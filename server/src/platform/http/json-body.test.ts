import { request as httpRequest } from 'node:http';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../../../../test/support/apps/serve-app';
import { errorHandler } from './errors';
import { findProtoKey, jsonBody } from './json-body';

const MAX = 1024;

/** Over real HTTP: Node reads the body the way production does, declared length or chunked. */
describe('jsonBody over HTTP', () => {
  let served: { url: string; close: () => Promise<void> };
  let handled = 0;

  beforeAll(async () => {
    const app = new Hono();
    app.post('/echo', jsonBody({ maxBytes: MAX }), async (c) => {
      handled += 1;
      return c.json({ got: await c.req.json() });
    });
    app.onError(errorHandler(() => {}));
    served = await serveApp(app);
  });
  afterAll(() => served.close());

  /** Sends raw bytes with the headers given (no length is added unless given). */
  function send(headers: Record<string, string>, chunks: string[]): Promise<{ status: number; body: { error?: { code: string; message?: string; messageZh?: string; fields?: { path: string }[] }; got?: unknown } }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${served.url}/echo`, { method: 'POST', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  const json = (text: string) => ({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });

  it('parses a body of declared length and lets the handler read it again', async () => {
    const text = JSON.stringify({ name: '张三', months: [1, 2, 3] });
    const res = await send(json(text), [text]);
    expect(res).toEqual({ status: 200, body: { got: { name: '张三', months: [1, 2, 3] } } });
  });

  it('takes UTF-8 however the charset is spelled, and refuses any other charset before reading', async () => {
    const text = JSON.stringify({ id: '张三' });
    for (const charset of ['utf-8', 'UTF-8', 'utf8', '"utf-8"']) {
      const res = await send({ ...json(text), 'content-type': `application/json; charset=${charset}` }, [text]);
      expect(res, charset).toEqual({ status: 200, body: { got: { id: '张三' } } });
    }
    // A system that labels its body GBK: read as UTF-8, its Chinese ids would arrive garbled, two of them as one.
    const before = handled;
    const res = await send({ ...json(text), 'content-type': 'application/json; charset=GBK' }, [text]);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', message: 'Request: send the body in UTF-8, not "GBK"', messageZh: '提交的内容须为 UTF-8 编码，不能是 "GBK"' });
    expect(handled).toBe(before);
  });

  it('refuses a declared length over the limit before any handler runs', async () => {
    const before = handled;
    const text = JSON.stringify({ padding: 'x'.repeat(MAX) });
    const res = await send(json(text), [text]);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload_too_large');
    expect(handled).toBe(before);
  });

  it('counts a chunked body while reading it, and refuses it once over the limit', async () => {
    const small = JSON.stringify({ a: 1 });
    expect(await send({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [small.slice(0, 3), small.slice(3)])).toEqual({
      status: 200,
      body: { got: { a: 1 } },
    });
    const big = JSON.stringify({ padding: 'x'.repeat(MAX) });
    const res = await send({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [big.slice(0, 600), big.slice(600)]);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload_too_large');
  });

  it('answers invalid_json, 415 and a refused __proto__ key on either path', async () => {
    const broken = '{"a": ';
    expect((await send(json(broken), [broken])).body.error?.code).toBe('invalid_json');
    expect((await send({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [broken])).body.error?.code).toBe('invalid_json');
    expect((await send({ 'content-type': 'text/plain', 'content-length': '2' }, ['{}'])).status).toBe(415);
    const proto = '{"facts": {"__proto__": {"x": 1}}}';
    const declared = await send(json(proto), [proto]);
    expect(declared.status).toBe(422);
    expect(declared.body.error?.fields?.map((f) => f.path)).toEqual(['facts.__proto__']);
    const chunked = await send({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [proto]);
    expect(chunked.body.error?.fields?.map((f) => f.path)).toEqual(['facts.__proto__']);
  });
});

describe('findProtoKey', () => {
  it('finds an own __proto__ key at any depth, through arrays', () => {
    expect(findProtoKey(JSON.parse('{"a": [{"b": {"__proto__": 1}}]}'))).toBe('a.0.b.__proto__');
    expect(findProtoKey({ a: [{ b: { c: 1 } }], proto: '__proto__' })).toBeUndefined();
  });
});
