import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueResidentToken } from '../../server/src/features/credentials/caller-auth';
import { ACCESS, type Audience } from '../../server/src/platform/http/access';
import { startServer, type RunningServer } from '../../server/src/server';
import { DEMO_RESIDENTS } from '../../server/src/features/residents/demo-residents';
import { loadResidentTokenSecret } from '../../server/src/features/credentials/resident-token-secret';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';
import { addPartner, residentAppCredential, SCHOOL } from '../support/apps/widget';
import { findLeaks, loadIdentities, type Identities } from './personal-data';

/**
 * Walks every route that someone other than staff may call — anonymous visitors, partner sites (their key,
 * from their origin) and residents (their own token) — on the demo database (20,000 residents with
 * families, a published ranked list and an open round), and searches every answer for any resident's or
 * child's full name or permit number, and (anonymous and partners) any resident id. A resident may see
 * their own family's names on their own records, never a full permit number.
 */

const OUTSIDERS: readonly Audience[] = ['anonymous', 'partner', 'resident'];
const ORIGIN = 'https://school.example';
/** The service route whose answer (a widget token) is handed to partner pages. */
const PARTNER_FACING_SERVICE = 'POST /api/v1/widget-tokens';
const DOCUMENTATION = new Set(['GET /api/v1/openapi.json', 'GET /api/docs', 'GET /api/docs/scalar.js', 'GET /api/docs/init.js']);

const db = tempDatabase();
let server: RunningServer;
let client: Client;
let partnerId: string;
let people: Identities;
let me: { id: string; family: Set<string>; other: string; applicationId: number };
let published: number;
let open: number;
const headers: Record<string, Record<string, string>> = {};
let widgetToken: string;

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR, demo: true });
  client = db.open();
  people = await loadIdentities(client);
  published = Number((await client.execute("SELECT id FROM rounds WHERE status = 'published'")).rows[0]!.id);
  open = Number((await client.execute("SELECT id FROM rounds WHERE status = 'open'")).rows[0]!.id);
  // An applicant on the published list, with a spouse and a child on record.
  const row = (await client.execute({ sql: 'SELECT id, resident_id, spouse_id FROM round_applications WHERE round_id = ? AND spouse_id IS NOT NULL LIMIT 1', args: [published] })).rows[0]!;
  const id = String(row.resident_id);
  const family = await client.execute({
    sql: `SELECT name FROM residents WHERE id IN (?, ?) UNION SELECT c.name FROM children c JOIN child_parents p ON p.child_id = c.id WHERE p.resident_id = ?`,
    args: [id, String(row.spouse_id), id],
  });
  const other = String((await client.execute({ sql: 'SELECT id FROM residents WHERE id NOT IN (?, ?) LIMIT 1', args: [id, String(row.spouse_id)] })).rows[0]!.id);
  me = { id, family: new Set(family.rows.map((r) => String(r.name))), other, applicationId: Number(row.id) };

  const { key, partner } = await addPartner(client, { name: '实验小学', origins: [ORIGIN], scenarios: [SCHOOL] });
  partnerId = partner.id;
  const secret = await loadResidentTokenSecret(client, undefined, new Date());
  headers.anonymous = {};
  headers.partner = { 'x-jifen-key': key, origin: ORIGIN };
  headers.resident = { authorization: `Bearer ${(await issueResidentToken(secret, id, new Date())).token}` };
  headers.service = { authorization: `Bearer ${await residentAppCredential(client)}` };
}, 120_000);

afterAll(async () => {
  await server?.close();
  db.cleanup();
});

/** A concrete request for a route of the access table (the caller's own resident id, the demo rounds…). */
function requestFor(key: string, as: Audience): { path: string; method: string; body?: unknown; extra?: Record<string, string> } {
  const [method, pattern] = key.split(' ') as [string, string];
  const round = pattern.includes('/objections') || pattern.startsWith('/api/v1/public') || pattern.startsWith('/public') ? published : open;
  const values: Record<string, string> = { id: String(round), version: '1', scenario: SCHOOL.scenarioId, file: 'jifen-eligibility.js', applicationId: '1', objectionId: '1', fileId: 'x1' };
  let path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' && pattern.startsWith('/api/v1/residents/') ? me.id : (values[name] ?? 'x1')));
  if (pattern === '/demo/{file}') path = '/demo/school.js';
  if (pattern.endsWith('/*')) path = pattern.replace('*', 'index.html');
  if (pattern === '/api/v1/rule-sets/{id}' || pattern.startsWith('/api/v1/rule-sets/{id}/')) path = path.replace(`/rule-sets/${round}`, '/rule-sets/district-sample');
  const bodies: Record<string, unknown> = {
    'POST /api/v1/evaluate': { ruleSetId: 'district-sample', asOf: '2026-06-30', facts: { socialInsuranceMonths: 40 } },
    'POST /api/v1/evaluate/batch': { ruleSetId: 'district-sample', asOf: '2026-06-30', residents: [{ id: 'a', facts: {} }] },
    'POST /api/v1/auth/login': { username: 'nobody', password: 'not-a-password' },
    'POST /api/v1/widget/scenarios/{scenario}/self-check': { facts: { socialInsuranceMonths: 40, birthDate: '1990-05-01', education: 'bachelor' } },
    'POST /api/v1/residents/{id}/exchanges': { benefit: 'park-annual-pass' },
    'POST /api/v1/rounds/{id}/objections': { applicationId: me.applicationId, reason: '社保缴费月数漏计10个月' },
    [PARTNER_FACING_SERVICE]: { residentId: me.id, ruleSetId: SCHOOL.ruleSetId, scenarioId: SCHOOL.scenarioId, partnerId, consent: true },
  };
  const extra = key === 'GET /api/v1/widget/scenarios/{scenario}/resident' && as === 'partner' ? { 'x-jifen-resident-token': widgetToken } : undefined;
  return { path, method, ...(method === 'GET' ? {} : { body: bodies[key] ?? {} }), ...(extra ? { extra } : {}) };
}

async function call(key: string, as: Audience) {
  const { path, method, body, extra } = requestFor(key, as);
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers[as], ...extra, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { path, status: res.status, text: await res.text() };
}

describe('personal data in answers to the public, partners and residents', () => {
  // The one test on the whole demo of `npm start`; others seed a smaller population of the same residents.
  it('runs on the full demo population: 20,000 residents with children, and both demo rounds', async () => {
    expect(DEMO_RESIDENTS).toBe(20_000);
    expect(server.demoResidents).toMatchObject({ seeded: true, residents: DEMO_RESIDENTS });
    expect(server.demoResidents!.children).toBeGreaterThan(1_000);
    expect(Number((await client.execute('SELECT count(*) AS n FROM residents')).rows[0]!.n)).toBe(DEMO_RESIDENTS);
    expect(server.demoRounds).toMatchObject({ seeded: true, published, open });
  });

  it('has a detector that finds a name, a permit number and an id where they are shown', async () => {
    const reviewerView = await client.execute({ sql: 'SELECT name, permit_number FROM residents WHERE id = ?', args: [me.id] });
    const text = JSON.stringify({ id: me.id, name: reviewerView.rows[0]!.name, permitNumber: reviewerView.rows[0]!.permit_number });
    expect(findLeaks(text, people, { ids: true })).toHaveLength(3);
    expect(findLeaks(text, people, { allowed: me.family })).toEqual([expect.stringMatching(/^permit number/)]);
  });

  it('shows no one’s full name, permit number or id on any route open to them', async () => {
    const service = await call(PARTNER_FACING_SERVICE, 'service');
    expect(service.status).toBe(201);
    widgetToken = JSON.parse(service.text).token;

    const walked: string[] = [];
    const leaks: string[] = [];
    const failures: string[] = [];
    const keys = Object.keys(ACCESS).filter((key) => ACCESS[key]!.some((a) => OUTSIDERS.includes(a)));
    for (const key of [...keys, PARTNER_FACING_SERVICE]) {
      for (const as of key === PARTNER_FACING_SERVICE ? (['service'] as const) : ACCESS[key]!.filter((a) => OUTSIDERS.includes(a))) {
        const answer = key === PARTNER_FACING_SERVICE ? service : await call(key, as);
        walked.push(`${key} as ${as} → ${answer.status}`);
        if (answer.status >= 500) failures.push(`${key} as ${as} → ${answer.status}`);
        const allowed = as === 'resident' ? me.family : undefined;
        // The API reference's examples use the demo ids' format (`res-000001`): fixed text, not data.
        const ids = as !== 'resident' && !DOCUMENTATION.has(key);
        for (const leak of findLeaks(answer.text, people, { ids, ...(allowed ? { allowed } : {}) })) leaks.push(`${key} as ${as}: ${leak}`);
      }
    }
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    // The walk reached the data: the published list, the widget's resident result, the resident's own record.
    for (const expected of [
      `GET /api/v1/public/rounds/{id} as anonymous → 200`,
      `GET /public/rounds/{id} as anonymous → 200`,
      `GET /api/v1/widget/scenarios/{scenario}/resident as partner → 200`,
      `POST /api/v1/widget/scenarios/{scenario}/self-check as partner → 200`,
      `GET /api/v1/residents/{id} as resident → 200`,
      `GET /api/v1/residents/{id}/score as resident → 200`,
      `GET /api/v1/residents/{id}/recommendations as resident → 200`,
      `POST /api/v1/rounds/{id}/objections as resident → 201`,
    ]) {
      expect(walked).toContain(expected);
    }
  }, 60_000);

  it("refuses a resident another resident's records without naming them", async () => {
    const paths = Object.keys(ACCESS).filter((k) => k.startsWith('GET /api/v1/residents/{id}') && ACCESS[k]!.includes('resident'));
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const key of paths) {
      const path = key.slice(4).replace('{id}', me.other);
      const res = await fetch(`${server.url}${path}`, { headers: headers.resident });
      expect(res.status, path).toBe(403);
      expect(findLeaks(await res.text(), people, { ids: false })).toEqual([]);
    }
  });
});
