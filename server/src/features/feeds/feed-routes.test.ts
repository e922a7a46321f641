import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentApp } from '../../../../test/support/apps/resident-app';
import { listAudit } from '../../platform/db/audit-log';

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  env = await residentApp('2026-03-02T02:00:00Z');
});
afterEach(() => env.cleanup());

const record = (i: number, facts: Record<string, unknown> = { socialInsuranceMonths: 24 }) => ({
  key: `hrss-${i}`,
  permitNumber: `3301061990010${String(i).padStart(5, '0')}`,
  name: '王五',
  residenceRegistrationDate: '2021-06-01',
  facts,
});

describe('POST /api/v1/feeds/{source}', () => {
  it('needs a feed credential for that very source, and answers 401 once it is revoked', async () => {
    expect((await env.app.request('/api/v1/feeds/hrss', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"records":[]}' })).status).toBe(401);
    const police = await env.feedToken('police');
    expect((await env.withToken(police, 'POST', '/api/v1/feeds/hrss', { records: [record(1)] })).status).toBe(403);

    const admin = await env.staff('boss', ['admin']);
    const issued = await (await admin('POST', '/api/v1/service-credentials', { purpose: 'feed', source: 'hrss', label: '人社局' })).json();
    expect(issued.token).toMatch(/^jifen_sc_/);
    const listed = await (await admin('GET', '/api/v1/service-credentials')).text();
    expect(listed).not.toContain(issued.token.split('.')[1]);
    expect((await env.withToken(issued.token, 'POST', '/api/v1/feeds/hrss', { records: [record(1)] })).status).toBe(200);
    expect((await admin('POST', `/api/v1/service-credentials/${issued.id}/revoke`)).status).toBe(200);
    expect((await env.withToken(issued.token, 'POST', '/api/v1/feeds/hrss', { records: [record(2)] })).status).toBe(401);
    const audit = await listAudit(env.client, { limit: 10 });
    expect(audit.entries.map((e) => e.action).filter((a) => a !== 'user-created')).toEqual(['key-revoked', 'feed-applied', 'key-issued']);
  });

  it('applies a batch record by record, reports failures by key and field path, replays as no-ops, and re-scores', async () => {
    const hrss = await env.feedToken('hrss');
    const batch = [record(1), record(2, { socialInsuranceMonths: 'many', birthDate: '1990-02-30' }), record(3, { socialInsuranceMonths: 60, housing: 'owned' })];
    const res = await env.withToken(hrss, 'POST', '/api/v1/feeds/hrss', { records: batch });
    expect(res.status).toBe(200);
    const outcome = await res.json();
    expect(outcome).toMatchObject({ received: 3, applied: 2, replayed: 0, failed: 1, rescored: 2 });
    expect(outcome.results[1]).toMatchObject({ key: 'hrss-2', status: 'failed' });
    expect(outcome.results[1].error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['records.1.facts.birthDate', 'records.1.facts.socialInsuranceMonths']);
    expect(await env.residents.findByPermit(batch[1]!.permitNumber)).toBeUndefined();

    const third = (await env.residents.findByPermit(batch[2]!.permitNumber))!;
    const score = await env.residents.getScore(third.id, 'district-sample');
    expect(score?.indicators).toMatchObject({ socialInsurance: 30, housing: 20 });

    const again = await (await env.withToken(hrss, 'POST', '/api/v1/feeds/hrss', { records: batch })).json();
    expect(again).toMatchObject({ applied: 0, replayed: 2, failed: 1 });
    expect(await env.residents.factHistory(third.id)).toHaveLength(2);
  });

  it('refuses a call over 10,000 records, or with a record without a key, as a whole', async () => {
    const hrss = await env.feedToken('hrss');
    const many = Array.from({ length: 10_001 }, (_, i) => ({ key: `k${i}`, permitNumber: 'x' }));
    const tooMany = await env.withToken(hrss, 'POST', '/api/v1/feeds/hrss', { records: many });
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error.fields[0].path).toBe('records');
    const keyless = await env.withToken(hrss, 'POST', '/api/v1/feeds/hrss', { records: [{ permitNumber: '330106199001011234' }] });
    expect(keyless.status).toBe(422);
    expect((await keyless.json()).error.fields[0].path).toBe('records.0.key');
  });
});
