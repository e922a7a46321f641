import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationForm, EVIDENCE, residentApp } from '../../../../test/support/apps/resident-app';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlResidentRepository } from './residents-repository';

const PERMIT = '330106199001011234';
const SPOUSE_PERMIT = '330106198805052345';
const MASKED = '3301**********1234';

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  env = await residentApp('2026-03-02T02:00:00Z');
  await inTransaction(env.client, async (tx) => {
    const r = createLibsqlResidentRepository(tx);
    await r.createResident({ id: 'res-1', permitNumber: PERMIT, name: '张小三', residenceRegistrationDate: '2020-03-01' }, '2026-01-01T00:00:00Z');
    await r.createResident({ id: 'res-2', permitNumber: SPOUSE_PERMIT, name: '李四', residenceRegistrationDate: '2019-05-01' }, '2026-01-01T00:00:00Z');
    await r.linkSpouses('res-1', 'res-2', '2026-01-01T00:00:00Z');
    await r.addChild({ name: '张小明', birthDate: '2018-09-01', parentIds: ['res-1', 'res-2'] });
    await r.appendFacts('res-1', [{ fact: 'birthDate', value: '1990-01-01' }, { fact: 'socialInsuranceMonths', value: 40 }], { kind: 'feed', source: 'hrss', at: '2026-01-02T00:00:00Z', evidence: 'k1' });
    await r.appendLedgerEntry('res-1', { indicator: 'volunteerService', kind: 'earn', points: 12, earnedOn: '2026-01-10', provenance: { kind: 'feed', source: 'volunteers', at: '2026-01-10T00:00:00Z' } });
  });
});
afterEach(() => env.cleanup());

describe('resident records over HTTP', () => {
  it('shows the full permit number only on the record screen to reviewers and admins', async () => {
    const reviewer = await env.staff('qian', ['reviewer'], ['区科学技术局']);
    const record = await (await reviewer('GET', '/api/v1/residents/res-1')).json();
    expect(record).toMatchObject({ id: 'res-1', name: '张小三', permitNumber: PERMIT, permitMasked: false, spouseId: 'res-2' });
    // Linked on the record (not by a feed): the marriage is still a history entry, with its provenance.
    expect(record.spouse).toEqual({
      id: 'res-2',
      name: '李四',
      permitNumber: '3301**********2345',
      since: '2026-01-01',
      provenance: { kind: 'seed', source: 'record', at: '2026-01-01T00:00:00Z' },
    });
    expect(record.children).toEqual([expect.objectContaining({ name: '张小明', parentIds: ['res-1', 'res-2'] })]);
    expect(record.facts.socialInsuranceMonths).toMatchObject({ value: 40, provenance: { kind: 'feed', source: 'hrss', evidence: 'k1' } });
    const admin = await env.staff('boss', ['admin']);
    expect((await (await admin('GET', '/api/v1/residents/res-1')).json()).permitNumber).toBe(PERMIT);
  });

  it('masks permit numbers in every response to anyone else, and names too for auditors', async () => {
    const auditor = await env.staff('wang', ['auditor']);
    const reviewer = await env.staff('qian', ['reviewer'], ['区科学技术局']);
    await env.asResident('res-1', 'POST', '/api/v1/self-applications', applicationForm({ indicator: 'inventionPatents', claim: '{"facts":{"inventionPatents":1}}' }, [{ name: 'a.pdf', bytes: EVIDENCE.pdf }]));
    const responses: [string, Response][] = [
      ['auditor record', await auditor('GET', '/api/v1/residents/res-1')],
      ['auditor list', await auditor('GET', '/api/v1/residents')],
      ['auditor lookup by permit', await auditor('GET', `/api/v1/residents?permitNumber=${PERMIT}`)],
      ['auditor history', await auditor('GET', '/api/v1/residents/res-1/history')],
      ['auditor score', await auditor('GET', '/api/v1/residents/res-1/score')],
      ['auditor ledger', await auditor('GET', '/api/v1/residents/res-1/ledger')],
      ['reviewer list', await reviewer('GET', '/api/v1/residents')],
      ['reviewer applications', await reviewer('GET', '/api/v1/self-applications')],
      ['resident record', await env.asResident('res-1', 'GET', '/api/v1/residents/res-1')],
      ['resident score', await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/score')],
      ['resident ledger', await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/ledger')],
      ['resident applications', await env.asResident('res-1', 'GET', '/api/v1/self-applications')],
    ];
    for (const [what, res] of responses) {
      expect(res.status, what).toBe(200);
      const text = await res.text();
      expect(text, what).not.toContain(PERMIT);
      expect(text, what).not.toContain(SPOUSE_PERMIT);
      if (what.startsWith('auditor')) {
        expect(text, what).not.toContain('张小三');
        expect(text, what).not.toContain('张小明');
      }
    }
    const auditorRecord = await (await auditor('GET', '/api/v1/residents/res-1')).json();
    expect(auditorRecord).toMatchObject({ name: '张*三', permitNumber: MASKED, permitMasked: true, spouse: { name: '李*' } });
    expect(auditorRecord.children[0].name).toBe('张*明');
    const list = await (await reviewer('GET', '/api/v1/residents')).json();
    expect(list.residents.map((r: { permitNumber: string }) => r.permitNumber)).toEqual([MASKED, '3301**********2345']);
    expect((await env.asResident('res-1', 'GET', '/api/v1/residents/res-1').then((r) => r.json())).name).toBe('张小三');
  });

  it('lets a resident read only their own record', async () => {
    expect((await env.asResident('res-2', 'GET', '/api/v1/residents/res-1')).status).toBe(403);
    expect((await env.asResident('res-2', 'GET', '/api/v1/residents/res-1/score')).status).toBe(403);
    expect((await env.asResident('res-2', 'POST', '/api/v1/residents/res-1/exchanges', { benefit: 'park-annual-pass' })).status).toBe(403);
    expect((await env.asResident('res-2', 'GET', '/api/v1/residents')).status).toBe(403);
  });

  it('scores the record with the version in force, explained, from facts, registration date and ledger', async () => {
    const res = await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/score?asOf=2026-03-02');
    expect(res.status).toBe(200);
    const body = await res.json();
    const points = Object.fromEntries(body.evaluation.indicators.map((i: { id: string; points: number }) => [i.id, i.points]));
    expect(body.evaluation).toMatchObject({ ruleSetId: 'district-sample', version: 2, asOf: '2026-03-02' });
    // 12 ledger points valid on asOf score 12 (volunteer hours are kept by the ledger).
    expect(points).toMatchObject({ socialInsurance: 20, age: 20, volunteerService: 12 });
    expect(body.evaluation.derived.districtResidenceMonths).toBe(72);
    const unknown = await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/score?asOf=2026-02-30');
    expect(unknown.status).toBe(422);
  });

  it('issues resident tokens to the resident app only, and they expire after 15 minutes', async () => {
    const app = await env.feedToken('resident-app', 'resident-app');
    const feed = await env.feedToken('hrss');
    const issued = await env.withToken(app, 'POST', '/api/v1/resident-tokens', { permitNumber: PERMIT });
    expect(issued.status).toBe(201);
    const { token, residentId } = await issued.json();
    expect(residentId).toBe('res-1');
    expect((await env.withToken(feed, 'POST', '/api/v1/resident-tokens', { residentId: 'res-1' })).status).toBe(403);
    expect((await env.withToken(token, 'GET', '/api/v1/residents/res-1')).status).toBe(200);
    env.clock.advance(15 * 60 * 1000 + 1000);
    const expired = await env.withToken(token, 'GET', '/api/v1/residents/res-1');
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/expired/);
    expect((await env.withToken(`${token.slice(0, -2)}xx`, 'GET', '/api/v1/residents/res-1')).status).toBe(401);
  });
});
