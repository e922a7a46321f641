import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The app first (through the staff helpers): it extends zod with `.openapi()` before the domain's schemas are built.
import { acceptActuals } from '../support/callers/staff';
import { createUser } from '../../server/src/features/staff/accounts';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { spawnServer, type SpawnedServer } from '../support/apps/spawn-server';
import { tempDatabase } from '../support/databases/temp-database';

const FACTS = { birthDate: '1990-05-01', education: 'bachelor', socialInsuranceMonths: 59, residenceMonths: 30 };
/**
 * Today and tomorrow in China, where approvals date their versions. The servers read the real clock, so the
 * new version takes effect tomorrow: an approval dated today would be refused as in the past if China's day
 * turned between reading the date here and the approval there; tomorrow is never in the past.
 */
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const TOMORROW = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);

interface Session {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Signs in on one server and answers a caller that sends the session cookie and CSRF token. */
async function signIn(server: SpawnedServer, username: string, password: string): Promise<Session> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = /jifen_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    call: (method, path, body, headers = {}) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

async function evaluate(server: SpawnedServer, asOf: string) {
  const res = await fetch(`${server.url}/api/v1/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ruleSetId: 'provincial-common', asOf, facts: FACTS }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { version: number; total: number; indicators: { id: string; points: number }[] };
  return { version: body.version, total: body.total, education: body.indicators.find((i) => i.id === 'education')?.points };
}

describe('two Jifen servers on one database', () => {
  const db = tempDatabase();
  const servers: SpawnedServer[] = [];
  // On sqld the two servers reach it over its two protocols: WebSocket and HTTP.
  const [urlA, urlB] = [db.urls[0]!, db.urls.at(-1)!];

  beforeAll(async () => {
    // Two processes started at once, as replicas of one deployment are: migrating and seeding must not trip
    // on each other.
    servers.push(...(await Promise.all([urlA, urlB].map((url) => spawnServer({ JIFEN_DATABASE_URL: url, JIFEN_DEMO: '0' })))));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    db.cleanup();
  });

  it('both seeded the same shipped versions, once', async () => {
    const lists = await Promise.all(servers.map(async (s) => (await fetch(`${s.url}/api/v1/rule-sets/provincial-common/versions`)).json()));
    expect(lists[0]).toEqual(lists[1]);
    expect((lists[0] as { versions: { version: number }[] }).versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('a version approved on one is used by the other at once, never a cached older one', async () => {
    const [a, b] = servers as [SpawnedServer, SpawnedServer];
    // Warm both servers' caches (resolved and compiled rule sets) with version 2, in force tomorrow too.
    const before = await evaluate(b, TOMORROW);
    expect(before).toMatchObject({ version: 2, education: 10 });
    expect(await evaluate(a, TOMORROW)).toEqual(before);

    const client = db.open();
    const ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() };
    for (const [username, roles] of [['wang.editor', ['editor']], ['li.approver', ['approver']]] as const) {
      await createUser(ctx, { username, displayName: username, password: `${username}-password-long-enough`, roles: [...roles], departments: ['*'] }, 'test');
    }
    const editor = await signIn(a, 'wang.editor', 'wang.editor-password-long-enough');
    const approver = await signIn(a, 'li.approver', 'li.approver-password-long-enough');

    // Four eyes on server A: bachelor's degree 10 → 14 points, the cases brought in line, approved from tomorrow.
    const drafts = '/api/v1/rule-sets/provincial-common/drafts';
    let res = await editor.call('POST', drafts, { note: 'bachelor 10 → 14' });
    expect(res.status).toBe(201);
    const draft = (await res.json()) as { id: string; document: { indicators: { id: string; tiers?: { id: string; points: number }[] }[] } };
    const document = structuredClone(draft.document);
    document.indicators.find((i) => i.id === 'education')!.tiers!.find((t) => t.id === 'bachelor-or-above')!.points = 14;
    res = await editor.call('PUT', `${drafts}/${draft.id}`, { document }, { 'if-match': res.headers.get('etag')! });
    expect(res.status).toBe(200);
    const saved = await res.json();
    res = await editor.call('PUT', `${drafts}/${draft.id}`, { document: acceptActuals(saved.document, saved.cases.results) }, { 'if-match': res.headers.get('etag')! });
    expect(res.status).toBe(200);
    expect((await editor.call('POST', `${drafts}/${draft.id}/submit`, { note: 'bachelor 10 → 14' })).status).toBe(200);
    res = await approver.call('POST', `${drafts}/${draft.id}/approve`, { effectiveFrom: TOMORROW });
    expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(201);

    // Server B, which never saw the approval, answers with the new version at once; A too.
    for (const server of [b, a]) {
      expect(await evaluate(server, TOMORROW)).toEqual({ version: 3, total: before.total + 4, education: 14 });
      // Replay by date: before tomorrow, version 2 is still the one in force.
      expect(await evaluate(server, TODAY)).toMatchObject({ version: 2, education: 10 });
    }
  });
});
