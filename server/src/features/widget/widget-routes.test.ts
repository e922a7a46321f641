import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { factsHash } from '../../domain/eligibility/statement';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Facts } from '../../domain/scoring/types';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlRoundRepository } from '../rounds/rounds-repository';
import { addPartner, addResident, residentAppCredential, SCHOOL, widgetApp } from '../../../../test/support/apps/widget';
import { addStaff, signIn } from '../../../../test/support/callers/staff';
import { issueResidentToken as issueResidentApiToken, loadResidentTokenSecret } from '../credentials';

type Env = Awaited<ReturnType<typeof widgetApp>>;

const SITE = 'https://school.example';
const SCENARIO_URL = '/api/v1/widget/scenarios/school-enrollment';
const facts: Facts = {
  accompanyingChildren: 1,
  residenceRegistrationDate: '2024-01-01',
  socialInsuranceMonths: 40,
  birthDate: '1990-05-01',
  education: 'bachelor',
  residenceMonths: 60,
  employmentStatus: 'contract',
  employmentMonths: 20,
  appRegistered: true,
  profileVerified: true,
  housing: 'owned',
};

const widgetCall = (env: Env, path: string, headers: Record<string, string>, body?: unknown) =>
  env.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; fields?: { path: string }[] } }).error;
}

async function tableCounts(env: Env): Promise<Record<string, number>> {
  const tables = (await env.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).rows;
  const out: Record<string, number> = {};
  for (const t of tables) out[String(t.name)] = Number((await env.client.execute(`SELECT count(*) AS n FROM "${String(t.name)}"`)).rows[0]?.n);
  return out;
}

describe('widget API', () => {
  let env: Env;
  let key: string;
  let partnerId: string;
  beforeEach(async () => {
    env = await widgetApp();
    ({ key, partner: { id: partnerId } } = await addPartner(env.client, { origins: [SITE] }));
  });
  afterEach(() => env.cleanup());

  it('answers CORS only for registered origins', async () => {
    const preflight = (origin: string) =>
      env.app.request(`${SCENARIO_URL}/self-check`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-jifen-key' },
      });
    const ok = await preflight(SITE);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-jifen-key');
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await widgetCall(env, SCENARIO_URL, { origin: 'https://elsewhere.example', 'x-jifen-key': key });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives the facts the scenario needs, with Chinese and English labels, from the version in force', async () => {
    const res = await widgetCall(env, SCENARIO_URL, { origin: SITE, 'x-jifen-key': key });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ asOf: '2026-06-30', ruleSet: { id: 'district-sample', version: 2 }, scenario: { id: 'school-enrollment', bar: 120 } });
    expect(body.facts.find((f: { id: string }) => f.id === 'socialInsuranceMonths')).toMatchObject({
      required: true,
      title: { zh: '省内累计缴纳社会保险月数', en: 'Months of social insurance paid in the province' },
    });
  });

  it('self-checks with the same score as POST /api/v1/evaluate, signs it, and stores nothing', async () => {
    const before = await tableCounts(env);
    const res = await widgetCall(env, `${SCENARIO_URL}/self-check`, { origin: SITE, 'x-jifen-key': key }, { facts });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    const body = await res.json();
    expect(await tableCounts(env)).toEqual(before);

    const evaluated = await (
      await env.app.request('/api/v1/evaluate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ruleSetId: 'district-sample', asOf: '2026-06-30', facts }),
      })
    ).json();
    const school = evaluated.scenarios.find((s: { id: string }) => s.id === 'school-enrollment');
    expect(body.outcome).toMatchObject({ score: school.score, eligible: school.eligible, shortBy: school.shortBy, bar: 120 });
    expect(body.outcome.breakdown.find((b: { id: string }) => b.id === 'socialInsurance')).toMatchObject({ points: 20, explanation: { en: '40 months × 0.5 = 20' } });

    const jwks = createLocalJWKSet(await (await env.app.request('/.well-known/jwks.json')).json());
    const { payload, protectedHeader } = await jwtVerify(body.statement, jwks, { audience: partnerId, currentDate: env.clock.now() });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'jifen-statement+jwt' });
    expect(payload).toMatchObject({
      scenario: 'district-sample/school-enrollment',
      ruleSetId: 'district-sample',
      version: 2,
      asOf: '2026-06-30',
      mode: 'self-check',
      result: { eligible: school.eligible, score: school.score, bar: 120, shortBy: school.shortBy },
    });
    expect(payload.exp! - payload.iat!).toBe(24 * 3600);
    // An estimate, not evidence, bound to the facts it evaluated.
    expect(payload).toMatchObject({ estimate: true, factsHash: factsHash(facts) });
  });

  it('keeps iss constant whatever Host the request names, and signs tokens with a key that is not the published one', async () => {
    const res = await env.app.request(`http://evil.example${SCENARIO_URL}/self-check`, {
      method: 'POST',
      headers: { origin: SITE, 'x-jifen-key': key, host: 'evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ facts }),
    });
    const jwks = createLocalJWKSet(await (await env.app.request('/.well-known/jwks.json')).json());
    const { payload } = await jwtVerify((await res.json()).statement, jwks, { currentDate: env.clock.now() });
    expect(payload.iss).toBe(env.widget.publicUrl);
    expect(payload.iss).not.toContain('evil.example');

    const credential = await residentAppCredential(env.client);
    const residentId = await addResident(env.client, { name: '张三', permitNumber: '330106199001011234', facts: {} });
    const issued = await env.app.request('/api/v1/widget-tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ residentId, ruleSetId: 'district-sample', scenarioId: 'school-enrollment', partnerId, consent: true }),
    });
    const { token } = await issued.json();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'jifen-resident+jwt' });
    await expect(jwtVerify(token, jwks)).rejects.toThrow();
  });

  it('refuses implausible facts in a self-check through the rule set bounds, in Chinese and English', async () => {
    const res = await widgetCall(env, `${SCENARIO_URL}/self-check`, { origin: SITE, 'x-jifen-key': key }, { facts: { ...facts, birthDate: '2030-01-01' } });
    expect(res.status).toBe(422);
    const error = (await res.json()).error;
    expect(error.fields).toEqual([expect.objectContaining({ path: 'facts.birthDate', messageZh: expect.stringContaining('不得晚于评估日期 2026-06-30') })]);
  });

  it('names the offending fact of a self-check', async () => {
    const res = await widgetCall(env, `${SCENARIO_URL}/self-check`, { origin: SITE, 'x-jifen-key': key }, { facts: { socialInsuranceMonths: -3, shoeSize: 42 } });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).fields?.map((f) => f.path).sort()).toEqual(['facts.shoeSize', 'facts.socialInsuranceMonths']);
  });

  it("refuses a key used from another partner's origin, readably, with a message that names the site", async () => {
    await addPartner(env.client, { name: '人民医院', origins: ['https://hospital.example'], scenarios: [{ ruleSetId: 'district-sample', scenarioId: 'healthcare' }] });
    const res = await widgetCall(env, SCENARIO_URL, { origin: 'https://hospital.example', 'x-jifen-key': key });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://hospital.example');
    const error = await errorOf(res);
    expect(error.code).toBe('origin_forbidden');
    expect(error.message).toContain('not registered for the site https://hospital.example');
  });

  it('refuses a scenario the key is not for', async () => {
    const res = await widgetCall(env, '/api/v1/widget/scenarios/housing-support', { origin: SITE, 'x-jifen-key': key });
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'scenario_forbidden' });
    expect(error.message).toMatch(/not registered for the scenario "housing-support"; it may show district-sample\/school-enrollment/);
    expect(error.message).not.toContain('实验小学');
  });

  it('refuses unknown and revoked keys, with CORS headers so the widget can show why', async () => {
    const unknown = await widgetCall(env, SCENARIO_URL, { origin: SITE, 'x-jifen-key': `${key.slice(0, -4)}AAAA` });
    expect(unknown.status).toBe(401);
    expect(await errorOf(unknown)).toMatchObject({ code: 'key_invalid', message: expect.stringMatching(/not known to Jifen/) });

    const admin = await addStaff(env.ctx, 'ada', ['admin']);
    const ada = await signIn(env.app, 'ada', admin.password);
    const keyId = key.split('_')[1];
    const revoked = await ada.call('POST', `/api/v1/partners/${partnerId}/keys/${keyId}/revoke`);
    expect(revoked.status).toBe(200);
    const res = await widgetCall(env, SCENARIO_URL, { origin: SITE, 'x-jifen-key': key });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(await errorOf(res)).toMatchObject({ code: 'key_revoked', message: 'Widget: this partner key was revoked on 2026-06-30; ask the Jifen administrator for a new key' });
  });
});

describe('partner administration', () => {
  let env: Env;
  beforeEach(async () => (env = await widgetApp()));
  afterEach(() => env.cleanup());

  it('lets only admins register partners and issue keys, shows a key once, stores only its hash, and audits each step', async () => {
    const editor = await addStaff(env.ctx, 'ed', ['editor']);
    const ed = await signIn(env.app, 'ed', editor.password);
    const input = { name: '实验小学', origins: [SITE], scenarios: [SCHOOL] };
    expect((await ed.call('POST', '/api/v1/partners', { body: input })).status).toBe(403);

    const admin = await addStaff(env.ctx, 'ada', ['admin']);
    const ada = await signIn(env.app, 'ada', admin.password);
    const created = await ada.call('POST', '/api/v1/partners', { body: input });
    expect(created.status).toBe(201);
    const partner = await created.json();
    const issued = await ada.call('POST', `/api/v1/partners/${partner.id}/keys`);
    expect(issued.status).toBe(201);
    const { key, id: keyId } = await issued.json();
    expect(key).toMatch(/^jfk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);

    const listed = await (await ada.call('GET', `/api/v1/partners/${partner.id}`)).text();
    expect(listed).toContain(keyId);
    expect(listed).not.toContain(key);
    const stored = (await env.client.execute({ sql: 'SELECT secret_hash FROM partner_keys WHERE id = ?', args: [keyId] })).rows[0];
    expect(String(stored?.secret_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice('jfk_'.length + 12 + 1));

    expect((await ada.call('POST', `/api/v1/partners/${partner.id}/keys/${keyId}/revoke`)).status).toBe(200);
    expect((await ada.call('POST', `/api/v1/partners/${partner.id}/keys/${keyId}/revoke`)).status).toBe(409);

    const audit = await env.client.execute("SELECT actor, action, target FROM audit_log WHERE target LIKE 'partner:%' ORDER BY seq");
    expect(audit.rows.map((r) => [r.actor, r.action, r.target])).toEqual([
      ['ada', 'partner-created', `partner:${partner.id}`],
      ['ada', 'key-issued', `partner:${partner.id}/key:${keyId}`],
      ['ada', 'key-revoked', `partner:${partner.id}/key:${keyId}`],
    ]);
  });

  it('refuses unknown scenarios and malformed origins, naming each field', async () => {
    const admin = await addStaff(env.ctx, 'ada', ['admin']);
    const ada = await signIn(env.app, 'ada', admin.password);
    const bad = await ada.call('POST', '/api/v1/partners', {
      body: { name: 'x', origins: ['https://ok.example', 'school.example/enrol'], scenarios: [SCHOOL, { ruleSetId: 'district-sample', scenarioId: 'moon-landing' }] },
    });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).fields?.map((f) => f.path)).toEqual(['scenarios.1.scenarioId']);
    const origins = await ada.call('POST', '/api/v1/partners', { body: { name: 'x', origins: ['school.example/enrol'], scenarios: [SCHOOL] } });
    expect((await errorOf(origins)).fields?.map((f) => f.path)).toEqual(['origins.0']);
  });
});

describe('resident mode', () => {
  let env: Env;
  let key: string;
  let app: string;
  let residentId: string;
  let partnerId: string;
  const name = '欧阳小明';
  const permit = '330106199001011234';
  beforeEach(async () => {
    env = await widgetApp();
    ({ key, partner: { id: partnerId } } = await addPartner(env.client, { origins: [SITE], scenarios: [SCHOOL, { ruleSetId: 'district-sample', scenarioId: 'healthcare' }] }));
    app = await residentAppCredential(env.client);
    const { residenceRegistrationDate, ...rest } = facts;
    residentId = await addResident(env.client, { name, permitNumber: permit, residenceRegistrationDate: String(residenceRegistrationDate), facts: rest });
  });
  afterEach(() => env.cleanup());

  const issue = (body: Record<string, unknown>, credential = app) =>
    env.app.request('/api/v1/widget-tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ residentId, ...SCHOOL, partnerId, origin: SITE, consent: true, ...body }),
    });
  const view = (token: string, origin = SITE, partnerKey = key) =>
    widgetCall(env, `${SCENARIO_URL}/resident`, { origin, 'x-jifen-key': partnerKey, 'x-jifen-resident-token': token });
  const asResident = async (id: string, method: string, path: string) => {
    const secret = await loadResidentTokenSecret(env.client, undefined, env.clock.now());
    const { token } = await issueResidentApiToken(secret, id, env.clock.now());
    return env.app.request(path, { method, headers: { authorization: `Bearer ${token}` } });
  };

  it('binds the token to the partner and site the resident chose, and says so without naming them', async () => {
    const clinic = await addPartner(env.client, { name: '社区诊所', origins: ['https://clinic.example'], scenarios: [SCHOOL] });
    const { token } = await (await issue({})).json();
    const elsewhere = await view(token, 'https://clinic.example', clinic.key);
    expect(elsewhere.status).toBe(403);
    const error = await errorOf(elsewhere);
    expect(error.code).toBe('token_partner');
    expect(error.message).not.toMatch(/实验小学|社区诊所/);
    // A consent must fit the partner: its scenarios and its sites.
    const wrongSite = await issue({ origin: 'https://evil.example' });
    expect((await errorOf(wrongSite)).fields?.map((f) => f.path)).toEqual(['origin']);
    expect((await issue({ partnerId: 'ptn-nope' })).status).toBe(404);
    expect((await view(token)).status).toBe(200);
  });

  it('audits every view: which partner saw which resident, from which site, when', async () => {
    const { token } = await (await issue({})).json();
    await view(token);
    await view(token);
    const rows = (await env.client.execute({ sql: "SELECT actor, target, details, at FROM audit_log WHERE action = 'widget-result-viewed' ORDER BY seq", args: [] })).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor: `partner:${partnerId}`, at: env.clock.now().toISOString() });
    expect(String(rows[0]!.target)).toContain(`resident:${residentId}`);
    expect(JSON.parse(String(rows[0]!.details))).toMatchObject({ partner: partnerId, origin: SITE, scenario: 'district-sample/school-enrollment' });
    const given = (await env.client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'widget-consent-given'")).rows[0];
    expect(Number(given?.n)).toBe(1);
  });

  it('lets the resident list their consents and revoke one, which ends its token at once', async () => {
    const { token } = await (await issue({})).json();
    const listed = await asResident(residentId, 'GET', `/api/v1/residents/${residentId}/widget-consents`);
    expect(listed.status).toBe(200);
    const { consents } = await listed.json();
    expect(consents).toEqual([expect.objectContaining({ partner: { id: partnerId, name: '实验小学' }, origin: SITE, scenario: 'district-sample/school-enrollment', active: true, revokedAt: null })]);
    expect((await asResident('res-someone-else', 'GET', `/api/v1/residents/${residentId}/widget-consents`)).status).toBe(403);

    const revoked = await asResident(residentId, 'POST', `/api/v1/residents/${residentId}/widget-consents/${consents[0].id}/revoke`);
    expect(await revoked.json()).toMatchObject({ active: false, revokedAt: env.clock.now().toISOString() });
    const after = await view(token);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('token_revoked');
  });

  it("shows the record's score, masked identity, the gap and how to close it, signed", async () => {
    const issued = await issue({});
    expect(issued.status).toBe(201);
    const { token, expiresAt } = await issued.json();
    expect(expiresAt).toBe('2026-06-30T02:15:00.000Z');
    expect(token).not.toContain(residentId);

    const res = await widgetCall(env, `${SCENARIO_URL}/resident`, { origin: SITE, 'x-jifen-key': key, 'x-jifen-resident-token': token });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [name, permit, residentId]) expect(text).not.toContain(secret);
    const body = JSON.parse(text);

    const evaluated = await (
      await env.app.request('/api/v1/evaluate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ruleSetId: 'district-sample', asOf: '2026-06-30', facts }),
      })
    ).json();
    const school = evaluated.scenarios.find((s: { id: string }) => s.id === 'school-enrollment');
    expect(body).toMatchObject({
      mode: 'resident',
      resident: { name: '欧**明', permitNumber: '3301**********1234' },
      ruleSet: { id: 'district-sample', version: 2 },
      outcome: { score: school.score, eligible: false, shortBy: school.shortBy },
      position: null,
    });
    expect(body.closeGap.length).toBeGreaterThan(0);
    expect(body.closeGap[0]).toMatchObject({ closes: 'eligibility', message: { zh: expect.any(String), en: expect.any(String) } });
    // Easiest first: waiting before routine steps before large commitments.
    const order = ['time', 'routine', 'large'];
    const efforts = body.closeGap.map((g: { effort: string }) => order.indexOf(g.effort));
    expect(efforts).toEqual([...efforts].sort((a, b) => a - b));
    expect(body.closeGap.find((g: { fact: string }) => g.fact === 'socialInsuranceMonths')).toMatchObject({ effort: 'time' });
    // Time alone: a day after today on which the resident, keeping on as now, becomes eligible.
    expect(body.eligibleFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.eligibleFrom > '2026-06-30').toBe(true);

    const jwks = createLocalJWKSet(await (await env.app.request('/.well-known/jwks.json')).json());
    const { payload } = await jwtVerify(body.statement, jwks, { currentDate: env.clock.now() });
    expect(payload).toMatchObject({ mode: 'resident', resident: { name: '欧**明' }, result: { score: school.score } });
    expect(JSON.stringify(payload)).not.toContain(residentId);
  });

  it('shows the position on the latest published ranked list of the scenario', async () => {
    await inTransaction(env.client, async (tx) => {
      const rounds = createLibsqlRoundRepository(tx);
      const round = await rounds.insertRound({
        ...SCHOOL,
        department: '区教育局',
        title: { zh: '随迁子女教育', en: 'Schooling for accompanying children' },
        places: 40,
        childRelated: true,
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
        status: 'published',
        createdBy: 'test',
        createdAt: '2026-04-30T00:00:00.000Z',
        version: 1,
        versionHash: 'b'.repeat(64),
        closedAt: '2026-06-01T00:00:00.000Z',
        revision: 1,
        publishedOn: '2026-06-26',
        publicationEndsOn: '2026-07-02',
      });
      const application = await rounds.insertApplication({ roundId: round.id, residentId, status: 'accepted', submittedAt: '2026-05-02T00:00:00.000Z', submittedBy: residentId, decidedBy: 'zhao.reviewer', decidedAt: '2026-05-03T00:00:00.000Z', reason: 'documents complete' });
      await rounds.saveRanking(round.id, { revision: 1, rankedAt: '2026-06-01T00:00:00.000Z', version: 1, cause: 'closed', hash: 'a'.repeat(64) }, [
        { applicationId: application.id, residentId, position: 37, score: 115, eligible: true, admitted: true, tied: false, spouseCounted: false, maskedName: '欧**明', maskedPermit: '3301**********1234' },
      ]);
    });
    const { token } = await (await issue({})).json();
    const res = await widgetCall(env, `${SCENARIO_URL}/resident`, { origin: SITE, 'x-jifen-key': key, 'x-jifen-resident-token': token });
    const body = await res.json();
    // What the position is based on, so it never reads as a contradiction of today's score.
    expect(body.position).toMatchObject({ position: 37, places: 40, admitted: true, status: 'published', closedOn: '2026-05-31', version: 1, score: 115, family: true, spouseCounted: false });
    const jwks = createLocalJWKSet(await (await env.app.request('/.well-known/jwks.json')).json());
    expect((await jwtVerify(body.statement, jwks, { currentDate: env.clock.now() })).payload.position).toBe(37);
  });

  it('refuses a token for another scenario, an expired token, a token without consent or from another credential', async () => {
    const { token: other } = await (await issue({ scenarioId: 'healthcare' })).json();
    const wrong = await widgetCall(env, `${SCENARIO_URL}/resident`, { origin: SITE, 'x-jifen-key': key, 'x-jifen-resident-token': other });
    expect(wrong.status).toBe(403);
    expect(await errorOf(wrong)).toMatchObject({ code: 'token_scenario', message: expect.stringMatching(/token is for another scenario \(district-sample\/healthcare\)/) });

    const { token } = await (await issue({})).json();
    env.clock.advance(16 * 60 * 1000);
    const expired = await widgetCall(env, `${SCENARIO_URL}/resident`, { origin: SITE, 'x-jifen-key': key, 'x-jifen-resident-token': token });
    expect(expired.status).toBe(401);
    expect(await errorOf(expired)).toMatchObject({ code: 'token_expired', message: expect.stringMatching(/expired/) });

    const tampered = await widgetCall(env, `${SCENARIO_URL}/resident`, { origin: SITE, 'x-jifen-key': key, 'x-jifen-resident-token': `${token.slice(0, -6)}AAAAAA` });
    expect(await errorOf(tampered)).toMatchObject({ code: 'token_invalid' });

    const noConsent = await issue({ consent: false });
    expect(noConsent.status).toBe(422);
    expect((await errorOf(noConsent)).fields?.map((f) => f.path)).toEqual(['consent']);

    expect((await issue({}, 'jifen_sc_sc-nope.secret')).status).toBe(401);
    expect((await issue({ residentId: 'res-nobody' })).status).toBe(404);
  });
});
