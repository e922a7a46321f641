// First: the server's modules extend zod with `.openapi` before any schema below is built.
import { startServer, type RunningServer } from '../../server/src/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { createUser } from '../../server/src/features/staff';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';

/**
 * Jifen behind a TLS proxy (JIFEN_TRUST_PROXY=1), and the same server reached directly: the session
 * cookie is Secure and HSTS is sent exactly when the browser's request was https, and a client talking
 * plain http to a server that trusts no proxy cannot claim otherwise.
 */

const PASSWORD = 'behind-the-proxy-passphrase';
const dbs = [tempDatabase(), tempDatabase()];
let proxied: RunningServer;
let direct: RunningServer;

beforeAll(async () => {
  const start = async (url: string, trustProxy: boolean) => {
    const server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url }, ruleSetsDirectory: RULE_SETS_DIR, trustProxy, auditKey: 'a test key that is long enough to sign checkpoints' });
    const client = dbs.find((d) => d.url === url)!.open();
    await createUser({ db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() }, { username: 'ops', displayName: 'ops', password: PASSWORD, roles: ['auditor'] }, 'test');
    return server;
  };
  proxied = await start(dbs[0]!.url, true);
  direct = await start(dbs[1]!.url, false);
});

afterAll(async () => {
  await proxied?.close();
  await direct?.close();
  for (const db of dbs) db.cleanup();
});

const login = (server: RunningServer, headers: Record<string, string>) =>
  fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'ops', password: PASSWORD }) });

describe('behind a TLS proxy', () => {
  it('marks the session cookie Secure and sends HSTS when the proxy says the browser came over https', async () => {
    const res = await login(proxied, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/jifen_session=[^;]+;.*\bSecure\b/);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect((await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });

  it('sends neither when the proxy forwarded plain http', async () => {
    const res = await login(proxied, { 'x-forwarded-proto': 'http' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/\bSecure\b/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('believes no X-Forwarded-Proto on a server that trusts no proxy', async () => {
    const res = await login(direct, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/\bSecure\b/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});
