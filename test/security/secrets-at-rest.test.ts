import { existsSync, readFileSync } from 'node:fs';
import type { Client } from '@libsql/client';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/src/features/staff/accounts';
import { startServer, type RunningServer } from '../../server/src/server';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';

/**
 * Issues one of every secret Jifen hands out — passwords (set and changed), sessions with their CSRF
 * tokens, a partner key, service credentials, a resident token, a widget token — through the running
 * server, then reads every text and blob of every table, and the database file and its write-ahead log byte
 * by byte: none of them may be there in plain text. The keys given in the environment (resident-token key,
 * statement signing key) must not be written to the database either.
 */

const ORIGIN = 'https://school.example';
const RESIDENT_TOKEN_KEY = 'resident-token-key-from-the-environment-0123456789';
const db = tempDatabase('file');
let server: RunningServer;
let client: Client;
const secrets: Record<string, string> = {};

type Auth = { cookie: string; csrf: string } | { bearer: string } | { headers: Record<string, string> };
async function call(method: string, path: string, auth: Auth, body?: unknown) {
  const headers: Record<string, string> =
    'cookie' in auth ? { cookie: `jifen_session=${auth.cookie}`, 'x-csrf-token': auth.csrf } : 'bearer' in auth ? { authorization: `Bearer ${auth.bearer}` } : auth.headers;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return { res, body: text ? JSON.parse(text) : undefined };
}

async function signIn(username: string, password: string) {
  const { res, body } = await call('POST', '/api/v1/auth/login', { headers: {} }, { username, password });
  const cookie = /jifen_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return { cookie, csrf: String(body.csrfToken) };
}

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingJwk = await exportJWK(privateKey);
  secrets['signing key (d)'] = signingJwk.d!;
  secrets['resident-token key'] = RESIDENT_TOKEN_KEY;
  server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    database: { url: db.url },
    ruleSetsDirectory: RULE_SETS_DIR,
    residentTokenSecret: RESIDENT_TOKEN_KEY,
    signingKey: JSON.stringify(signingJwk),
  });
  client = db.open();

  // The first admin, as `npm run jifen -- users add` creates it; everything after through the API.
  secrets['admin password'] = 'first-admin-passphrase-Δ-7f3k';
  await createUser({ db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() }, { username: 'root', displayName: 'root', password: secrets['admin password'], roles: ['admin'], departments: ['*'] }, 'cli');
  const admin = await signIn('root', secrets['admin password']);
  secrets['admin session'] = admin.cookie;
  secrets['admin CSRF token'] = admin.csrf;

  secrets['approver password'] = 'approver-passphrase-9q2m-xx';
  const { body: li } = await call('POST', '/api/v1/users', admin, { username: 'li', displayName: '李', password: secrets['approver password'], roles: ['approver'], departments: [] });
  const approver = await signIn('li', secrets['approver password']);
  secrets['approver session'] = approver.cookie;
  secrets['approver changed password'] = 'changed-passphrase-4hd8-yy';
  await call('PATCH', `/api/v1/users/${li.id}`, admin, { password: secrets['approver changed password'] });
  await signIn('li', secrets['approver changed password']);

  const { body: partner } = await call('POST', '/api/v1/partners', admin, { name: '实验小学', origins: [ORIGIN], scenarios: [{ ruleSetId: 'district-sample', scenarioId: 'school-enrollment' }] });
  const { body: key } = await call('POST', `/api/v1/partners/${partner.id}/keys`, admin);
  secrets['partner key'] = String(key.key);

  const { body: app } = await call('POST', '/api/v1/service-credentials', admin, { purpose: 'resident-app', source: 'new-citizen-app', label: '新市民App' });
  const { body: feed } = await call('POST', '/api/v1/service-credentials', admin, { purpose: 'feed', source: 'hrss', label: '人社局' });
  secrets['resident-app credential'] = String(app.token);
  secrets['feed credential'] = String(feed.token);

  const record = { key: 'k1', permitNumber: '330106199001011234', name: '张小三', facts: { socialInsuranceMonths: 40 } };
  const { body: fed } = await call('POST', '/api/v1/feeds/hrss', { bearer: secrets['feed credential'] }, { records: [record] });
  const residentId = String(fed.results[0].residentId);
  const { body: rt } = await call('POST', '/api/v1/resident-tokens', { bearer: secrets['resident-app credential'] }, { residentId });
  secrets['resident token'] = String(rt.token);
  await call('GET', `/api/v1/residents/${residentId}`, { bearer: secrets['resident token'] });
  const { body: wt } = await call('POST', '/api/v1/widget-tokens', { bearer: secrets['resident-app credential'] }, { residentId, ruleSetId: 'district-sample', scenarioId: 'school-enrollment', partnerId: partner.id, origin: ORIGIN, consent: true });
  secrets['widget token'] = String(wt.token);
  await call('GET', '/api/v1/widget/scenarios/school-enrollment/resident', { headers: { 'x-jifen-key': secrets['partner key'], origin: ORIGIN, 'x-jifen-resident-token': secrets['widget token'] } });

  // Each secret and its distinctive part (the random tail of a key, a token's signature).
  for (const [name, value] of Object.entries({ ...secrets })) {
    const tail = value.split(/[._]/).at(-1)!;
    if (tail !== value && tail.length >= 20) secrets[`${name} (last part)`] = tail;
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  db.cleanup();
});

/** Where each needle is stored: `name in table.column` for every text or blob value that contains it. */
async function inTables(needles: Record<string, string>): Promise<{ found: string[]; values: number; tables: string[] }> {
  const tables = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name));
  const found: string[] = [];
  let values = 0;
  for (const table of tables) {
    for (const row of (await client.execute(`SELECT * FROM "${table}"`)).rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || typeof value === 'number' || typeof value === 'bigint') continue;
        const text = value instanceof ArrayBuffer ? Buffer.from(value).toString('latin1') : String(value);
        values++;
        for (const [name, needle] of Object.entries(needles)) if (text.includes(needle)) found.push(`${name} in ${table}.${column}`);
      }
    }
  }
  return { found, values, tables };
}

/** Where each needle is in the raw bytes of the database file and its write-ahead log. */
function inFiles(needles: Record<string, string>): string[] {
  const found: string[] = [];
  for (const file of [db.dataFile, `${db.dataFile}-wal`].filter((f) => existsSync(f))) {
    const bytes = readFileSync(file);
    for (const [name, needle] of Object.entries(needles)) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${name} in ${file.endsWith('-wal') ? 'the WAL' : 'the file'}`);
  }
  return found;
}

describe('secrets at rest', () => {
  it('were really issued, and the scans find what is stored', async () => {
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(15);
    expect(secrets['partner key']).toMatch(/^jfk_/);
    expect(secrets['feed credential']).toMatch(/^jifen_sc_/);
    expect(secrets['resident token']).toMatch(/^jifen_rt_/);
    // The permit number the feed sent is stored (it must be): both scans see it.
    const stored = { permit: '330106199001011234' };
    expect((await inTables(stored)).found).toContain('permit in residents.permit_number');
    expect(inFiles(stored).length).toBeGreaterThanOrEqual(1);
  });

  it('are in no column of any table', async () => {
    const { found, values, tables } = await inTables(secrets);
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'partner_keys', 'service_credentials', 'widget_grants', 'audit_log', 'jifen_secrets', 'signing_keys']));
    expect(values).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('are nowhere in the database file or its write-ahead log, not even in freed pages', () => {
    expect(inFiles(secrets)).toEqual([]);
  });
});
