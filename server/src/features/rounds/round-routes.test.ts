import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundApp } from '../../../../test/support/apps/round-app';
import { districtFacts } from '../../../../test/support/data/round-facts';
import { addResident } from '../../../../test/support/data/round-residents';
import { addStaff, signIn, type Browser } from '../../../../test/support/callers/staff';

let env: Awaited<ReturnType<typeof roundApp>>;
let civil: Browser;
let education: Browser;
let accounts: { username: string; password: string }[];
beforeEach(async () => {
  env = await roundApp('2025-08-28T02:00:00Z');
  accounts = [await addStaff(env.ctx, 'zhao.reviewer', ['reviewer'], ['区民政局']), await addStaff(env.ctx, 'qian.reviewer', ['reviewer'], ['区教育局'])];
  await signInAll();
});
afterEach(() => env.cleanup());

async function signInAll() {
  const [a, b] = accounts;
  [civil, education] = await Promise.all([signIn(env.app, a!.username, a!.password), signIn(env.app, b!.username, b!.password)]);
}

/** Another day at 10:00 in the district; staff sign in again (sessions do not last days). */
const day = async (d: string) => {
  env.clock.set(`${d}T02:00:00Z`);
  await signInAll();
};
const welfare = { ruleSetId: 'district-sample', scenarioId: 'social-welfare', places: 1, opensOn: '2025-09-01', closesOn: '2025-09-19' };

describe('round routes', () => {
  it('runs a round end to end: open, apply, review, close, publish, object, uphold, finalize', async () => {
    await addResident(env.residents, 'res-li', '李四', districtFacts({ taxYuan: 20_000 }));
    await addResident(env.residents, 'res-zhang', '张小三', districtFacts({ insuranceMonths: 50, volunteerHours: 120 }));

    expect((await env.app.request('/api/v1/rounds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(welfare) })).status).toBe(401);
    expect((await education.call('POST', '/api/v1/rounds', { body: welfare })).status).toBe(403);
    const bad = await civil.call('POST', '/api/v1/rounds', { body: { ...welfare, closesOn: '2025-02-30', extra: 1 } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['closesOn', 'extra']);
    const opened = await civil.call('POST', '/api/v1/rounds', { body: welfare });
    expect(opened.status).toBe(201);
    const round = await opened.json();
    expect(round).toMatchObject({ status: 'open', department: '区民政局', places: 1 });

    await day('2025-09-03');
    const recommended = await (await env.asResident('res-li', 'GET', '/api/v1/residents/res-li/recommendations')).json();
    expect(recommended.recommendations.map((r: { round: { id: number }; applied: boolean }) => [r.round.id, r.applied])).toEqual([[round.id, false]]);
    expect((await env.asResident('res-li', 'GET', '/api/v1/residents/res-zhang/recommendations')).status).toBe(403);
    const apps = [];
    for (const id of ['res-li', 'res-zhang']) {
      const res = await env.asResident(id, 'POST', `/api/v1/rounds/${round.id}/applications`, {});
      expect(res.status).toBe(201);
      apps.push(await res.json());
    }
    expect((await env.asResident('res-li', 'POST', `/api/v1/rounds/${round.id}/applications`, { residentId: 'res-zhang' })).status).toBe(403);
    expect((await env.asResident('res-li', 'POST', `/api/v1/rounds/${round.id}/close`)).status).toBe(403);
    for (const a of apps) expect((await civil.call('POST', `/api/v1/rounds/${round.id}/applications/${a.id}/accept`, { body: {} })).status).toBe(200);

    await day('2025-09-22');
    expect((await civil.call('POST', `/api/v1/rounds/${round.id}/close`)).status).toBe(200);
    await day('2025-09-26');
    const published = await (await civil.call('POST', `/api/v1/rounds/${round.id}/publish`)).json();
    // Friday 26 Sep: Sunday 28 Sep is worked in lieu, 1–8 October are off.
    expect(published).toMatchObject({ status: 'published', publicationEndsOn: '2025-10-10' });

    const filed = await env.asResident('res-zhang', 'POST', `/api/v1/rounds/${round.id}/objections`, { reason: '社保缴费月数漏计', evidenceRef: 'SI-0098' });
    expect(filed.status).toBe(201);
    const objection = await filed.json();
    expect(objection).toMatchObject({ status: 'open', answerBy: '2025-10-16', overdue: false });

    await day('2025-10-09');
    const upheld = await civil.call('POST', `/api/v1/rounds/${round.id}/objections/${objection.id}/uphold`, {
      body: { answer: '经核实属实，已更正', correction: { residentId: 'res-zhang', facts: { socialInsuranceMonths: 60 } } },
    });
    expect(upheld.status).toBe(200);
    expect((await upheld.json()).round.revision).toBe(2);

    const notice = await (await env.app.request(`/api/v1/public/rounds/${round.id}`)).json();
    expect(notice.entries.map((e: { maskedName: string; position: number; previousPosition: number }) => [e.maskedName, e.position, e.previousPosition])).toEqual([
      ['张*三', 1, 2],
      ['李*', 2, 1],
    ]);
    const staffView = await (await civil.call('GET', `/api/v1/rounds/${round.id}/ranking`)).json();
    expect(staffView.entries.map((e: { residentId: string }) => e.residentId)).toEqual(['res-zhang', 'res-li']);

    await day('2025-10-14');
    const final = await civil.call('POST', `/api/v1/rounds/${round.id}/finalize`);
    expect(final.status).toBe(200);
    expect((await final.json()).status).toBe('final');
    expect((await civil.call('POST', `/api/v1/rounds/${round.id}/objections/${objection.id}/dismiss`, { body: { answer: 'x' } })).status).toBe(409);
    expect(env.errors).toEqual([]);
  });

  it('lists overdue objections for the department', async () => {
    await addResident(env.residents, 'res-li', '李四', districtFacts({}));
    const round = await (await civil.call('POST', '/api/v1/rounds', { body: welfare })).json();
    await day('2025-09-02');
    const app = await (await env.asResident('res-li', 'POST', `/api/v1/rounds/${round.id}/applications`, {})).json();
    await civil.call('POST', `/api/v1/rounds/${round.id}/applications/${app.id}/accept`, { body: {} });
    await day('2025-09-22');
    await civil.call('POST', `/api/v1/rounds/${round.id}/close`);
    await civil.call('POST', `/api/v1/rounds/${round.id}/publish`);
    const objection = await (await env.asResident('res-li', 'POST', `/api/v1/rounds/${round.id}/objections`, { reason: '有误' })).json();
    await day(objection.answerBy);
    expect((await (await civil.call('GET', '/api/v1/objections/overdue')).json()).objections).toEqual([]);
    await day('2025-10-31');
    const overdue = (await (await civil.call('GET', '/api/v1/objections/overdue')).json()).objections;
    expect(overdue.map((o: { id: number; overdue: boolean }) => [o.id, o.overdue])).toEqual([[objection.id, true]]);
    expect((await env.app.request('/api/v1/objections/overdue')).status).toBe(401);
  });

  it('documents every round, objection and public-notice route in the OpenAPI document', async () => {
    const doc = await (await env.app.request('/api/v1/openapi.json')).json();
    const paths = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const ours = paths.filter((p) => /rounds|objections|recommendations|\/public\//.test(p));
    expect(ours.sort()).toEqual([
      'GET /api/v1/objections/overdue',
      'GET /api/v1/public/rounds',
      'GET /api/v1/public/rounds/{id}',
      'GET /api/v1/public/rounds/{id}/export',
      'GET /api/v1/residents/{id}/recommendations',
      'GET /api/v1/rounds',
      'GET /api/v1/rounds/{id}',
      'GET /api/v1/rounds/{id}/applications',
      'GET /api/v1/rounds/{id}/objections',
      'GET /api/v1/rounds/{id}/ranking',
      'GET /public/assets/notice.css',
      'GET /public/rounds/{id}',
      'POST /api/v1/rounds',
      'POST /api/v1/rounds/{id}/applications',
      'POST /api/v1/rounds/{id}/applications/{applicationId}/accept',
      'POST /api/v1/rounds/{id}/applications/{applicationId}/reject',
      'POST /api/v1/rounds/{id}/close',
      'POST /api/v1/rounds/{id}/finalize',
      'POST /api/v1/rounds/{id}/objections',
      'POST /api/v1/rounds/{id}/objections/{objectionId}/dismiss',
      'POST /api/v1/rounds/{id}/objections/{objectionId}/uphold',
      'POST /api/v1/rounds/{id}/publish',
    ]);
    expect(doc.components.schemas).toHaveProperty('PublicRound');
  });
});
