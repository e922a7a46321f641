import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/server';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';

/**
 * An anonymous attacker on the network against a real server on 127.0.0.1: bodies that cost the server
 * far more than they cost to send (brackets nested millions deep, objects of 700,000 keys), several at
 * once, while a load balancer keeps asking `/healthz`. Each refusal must come while the attacker is still
 * sending — proof that the server never waited for, let alone parsed, the whole hostile body — and
 * `/healthz` must keep answering in between.
 */

const db = tempDatabase();
let server: RunningServer;
const MB = 1024 * 1024;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    database: { url: db.url },
    ruleSetsDirectory: RULE_SETS_DIR,
    anonymousRateLimit: { requests: 40, windowMs: 10 * 60_000 },
    auditKey: 'a test key that is long enough to sign checkpoints',
  });
});

afterAll(async () => {
  await server?.close();
  db.cleanup();
});

interface Upload {
  status: number;
  body: { error?: { code?: string; fields?: { path: string }[] } };
  /** Bytes written before the answer came. */
  sent: number;
  /** Whether the whole body had been written when the answer came. */
  finished: boolean;
}

/** Streams `prefix`, then `total` bytes (`chunk` repeated, chunked encoding, as fast as the socket takes them) until the server answers. */
function upload(path: string, chunk: Buffer, total: number, options: { prefix?: string; localAddress?: string; headers?: Record<string, string> } = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', connection: 'close', ...options.headers },
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    let sent = 0;
    let finished = false;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || '{}'), sent, finished });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.prefix) {
      req.write(options.prefix);
      sent += options.prefix.length;
    }
    const pump = () => {
      while (!answered && !req.destroyed && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) {
        finished = true;
        req.end();
      }
    };
    pump();
  });
}

async function health(): Promise<number> {
  return (await fetch(`${server.url}/healthz`)).status;
}

describe('hostile bodies from an anonymous caller', () => {
  it('refuses four 15 MB uploads of nested brackets at the start, and /healthz answers while they are in flight', async () => {
    const brackets = Buffer.alloc(64 * 1024, '[');
    let inFlight = true;
    const uploads = Promise.all([0, 1, 2, 3].map(() => upload('/api/v1/evaluate/batch', brackets, 15 * MB)));
    void uploads.finally(() => {
      inFlight = false;
    });
    const answeredDuring: number[] = [];
    // The uploads end as soon as the server refuses them; /healthz is asked at least once meanwhile.
    do answeredDuring.push(await health());
    while (inFlight);
    const results = await uploads;
    for (const r of results) {
      expect(r.status).toBe(422);
      expect(r.body.error?.code).toBe('validation_failed');
      expect(r.body.error?.fields?.[0]?.path).toMatch(/^0(\.0){63}$/);
      // Refused while the attacker was still sending: the server read a few chunks, no more.
      expect(r.finished).toBe(false);
      expect(r.sent).toBeLessThan(15 * MB);
    }
    expect(answeredDuring.length).toBeGreaterThan(0);
    expect(answeredDuring.every((s) => s === 200)).toBe(true);
  });

  it('refuses an anonymous batch by its declared size before reading a byte of it', async () => {
    const res = await upload('/api/v1/evaluate/batch', Buffer.alloc(64 * 1024, ' '), 15 * MB, { headers: { 'content-length': String(15 * MB), 'transfer-encoding': '' } });
    expect(res.status).toBe(413);
    expect(res.finished).toBe(false);
  });

  it('refuses a flat object of 700,000 keys streamed by an anonymous caller before the end of it', async () => {
    const keys = Buffer.from(Array.from({ length: 4000 }, (_, i) => `"k${i}":0,`).join(''));
    const res = await upload('/api/v1/evaluate/batch', keys, 700_000 * 8, { prefix: '{' });
    expect([413, 422]).toContain(res.status);
    expect(res.finished).toBe(false);
    expect(await health()).toBe(200);
  });
});
