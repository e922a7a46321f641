import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/src/features/staff';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets';
import { startServer, type RunningServer } from '../../server/src/server';
import { fromAddress } from '../support/apps/from-address';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';

/**
 * One address that keeps calling without signing in, against a real server on 127.0.0.1: it gets its
 * share and then 429, whatever it claims in X-Forwarded-For; another address, a signed-in account and the
 * load balancer's /healthz are not held back by it.
 */

const db = tempDatabase();
let server: RunningServer;
const LIMIT = 12;
const PASSWORD = 'rate-limit-test-passphrase';
const evaluation = JSON.stringify({ ruleSetId: 'provincial-common', asOf: '2026-06-30', facts: { education: 'bachelor' } });

beforeAll(async () => {
  server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    database: { url: db.url },
    ruleSetsDirectory: RULE_SETS_DIR,
    anonymousRateLimit: { requests: LIMIT, windowMs: 10 * 60_000 },
    auditKey: 'a test key that is long enough to sign checkpoints',
  });
  const client = db.open();
  await createUser({ db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() }, { username: 'ops', displayName: 'ops', password: PASSWORD, roles: ['auditor'] }, 'test');
});

afterAll(async () => {
  await server?.close();
  db.cleanup();
});

const evaluate = (address: string, headers: Record<string, string> = {}) =>
  fromAddress(address, `${server.url}/api/v1/evaluate`, { method: 'POST', body: evaluation, headers });

describe('the per-address limit of anonymous callers', () => {
  it('answers one address its share, then 429 with Retry-After before reading the body, forged X-Forwarded-For or not', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await evaluate('127.0.0.1')).status).toBe(200);
    const refused = await evaluate('127.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: { code: 'too_many_requests' } });
    expect((await evaluate('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    // A body that would be refused by its size is refused for the rate first: nothing was read.
    const big = await fromAddress('127.0.0.1', `${server.url}/api/v1/evaluate/batch`, { method: 'POST', body: `{"residents":[${'0,'.repeat(600_000)}0]}` });
    expect(big.status).toBe(429);
  });

  it('does not hold back another address, a signed-in account from the same address, or /healthz', async () => {
    expect((await evaluate('127.0.0.2')).status).toBe(200);
    expect((await fromAddress('127.0.0.1', `${server.url}/healthz`)).status).toBe(200);
    const login = await fromAddress('127.0.0.1', `${server.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'ops', password: PASSWORD }) });
    // Signing in is itself an anonymous request; from the limited address it waits like the rest.
    expect(login.status).toBe(429);
    const other = await fromAddress('127.0.0.3', `${server.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'ops', password: PASSWORD }) });
    expect(other.status).toBe(200);
    const cookie = /jifen_session=[^;]*/.exec(String(other.headers['set-cookie']))![0];
    expect((await fromAddress('127.0.0.1', `${server.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fromAddress('127.0.0.1', `${server.url}/api/v1/audit?limit=1`, { headers: { cookie } })).status).toBe(200);
  });
});
