// First: the server's modules extend zod with `.openapi` before any schema below is built.
import { startServer, type RunningServer } from '../../server/src/server';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { createUser } from '../../server/src/features/staff';
import { fromAddress } from '../support/apps/from-address';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { testClock } from '../support/databases/seeded-database';
import { tempDatabase } from '../support/databases/temp-database';

/**
 * Lockout as a weapon (OWASP ASVS V2.2), against a real server on 127.0.0.1 with attackers on other
 * loopback addresses: wrong passwords typed for someone else's account, from one address or from many,
 * must not keep the owner out of their own account from their own desk, nor their colleagues behind the
 * same address out for long. The server's clock is the test's, so the waits are exact.
 */

const db = tempDatabase();
const clock = testClock('2026-06-30T02:00:00Z');
let server: RunningServer;
let client: Client;
const PASSWORD = 'the owner knows this passphrase';

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR, now: clock.now, auditKey: 'a test key that is long enough to sign checkpoints' });
  client = db.open();
  const ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: clock.now };
  for (const username of ['li', 'wang', 'zhao']) await createUser(ctx, { username, displayName: username, password: PASSWORD, roles: ['auditor'] }, 'test');
});

afterAll(async () => {
  await server?.close();
  db.cleanup();
});

const login = async (address: string, username: string, password: string) => {
  const res = await fromAddress(address, `${server.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ username, password }) });
  return { status: res.status, retryAfter: Number(res.headers['retry-after'] ?? 0) };
};

describe('sign-in limits an attacker cannot turn against the owner', () => {
  it("locks only the attacker's address after five wrong passwords, audits it, and lets the owner in from theirs", async () => {
    for (let i = 0; i < 5; i++) expect((await login('127.0.0.2', 'li', `guess-${i}`)).status).toBe(401);
    const attacker = await login('127.0.0.2', 'li', PASSWORD);
    expect(attacker.status).toBe(429);
    expect(attacker.retryAfter).toBeGreaterThan(14 * 60);
    expect((await login('127.0.0.3', 'li', PASSWORD)).status).toBe(200);
    const audit = await client.execute("SELECT actor, target, details FROM audit_log WHERE action = 'login-locked'");
    expect(audit.rows.map((r) => [r.actor, r.target, JSON.parse(String(r.details)).address])).toEqual([['anonymous', 'user:li', '127.0.0.2']]);
  }, 120_000);

  it('slows addresses that keep failing for one username from many places, never an address without failures', async () => {
    for (const n of [4, 5, 6, 7, 8]) for (let i = 0; i < 2; i++) expect((await login(`127.0.0.${n}`, 'wang', `guess-${n}-${i}`)).status).toBe(401);
    const again = await login('127.0.0.4', 'wang', 'one more guess');
    expect(again.status).toBe(429);
    expect(again.retryAfter).toBeLessThanOrEqual(30);
    // The owner at a desk that never failed signs in at once, however many failures there are elsewhere.
    expect((await login('127.0.0.9', 'wang', PASSWORD)).status).toBe(200);
    clock.advance(30_000);
    expect((await login('127.0.0.4', 'wang', 'and another')).status).toBe(401);
  }, 120_000);

  it('slows an address that sprays many usernames for seconds, not a whole window, and leaves its neighbours alone', async () => {
    for (let i = 0; i < 20; i++) expect((await login('127.0.0.10', `user${i}`, 'Summer2026!')).status).toBe(401);
    const colleague = await login('127.0.0.10', 'zhao', PASSWORD);
    expect(colleague.status).toBe(429);
    expect(colleague.retryAfter).toBeLessThanOrEqual(30);
    expect((await login('127.0.0.11', 'zhao', PASSWORD)).status).toBe(200);
    clock.advance(30_000);
    expect((await login('127.0.0.10', 'zhao', PASSWORD)).status).toBe(200);
  }, 120_000);
});
