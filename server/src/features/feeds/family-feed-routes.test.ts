import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { districtFacts } from '../../../../test/support/data/round-facts';
import { addResident } from '../../../../test/support/data/round-residents';
import { residentApp } from '../../../../test/support/apps/resident-app';
import { listAudit } from '../../platform/db/audit-log';

const WANG = '330106199001011234';
const LI = '330106199203034567';
const ZHAO = '330106198805052345';

let env: Awaited<ReturnType<typeof residentApp>>;
let civil: string;
let police: string;
beforeEach(async () => {
  // Tuesday 30 June 2026, 10:00 in China.
  env = await residentApp('2026-06-30T02:00:00Z');
  await addResident(env.residents, 'res-wang', '王强', districtFacts({ insuranceMonths: 6 }), WANG);
  await addResident(env.residents, 'res-li', '李梅', districtFacts({ insuranceMonths: 60, taxYuan: 50_000, volunteerHours: 200 }), LI);
  await addResident(env.residents, 'res-zhao', '赵六', districtFacts({}), ZHAO);
  civil = await env.feedToken('civil-affairs');
  police = await env.feedToken('police');
});
afterEach(() => env.cleanup());

const send = async (token: string, source: string, records: unknown[]) => {
  const res = await env.withToken(token, 'POST', `/api/v1/feeds/${source}/family`, { records });
  expect(res.status).toBe(200);
  return res.json();
};
const marriage = (key: string, permitNumber: string, spouse: object, on: string, evidence?: string) => ({ key, permitNumber, event: 'marriage', spouse, on, ...(evidence ? { evidence } : {}) });
const divorce = (key: string, permitNumber: string, spouse: object, on: string) => ({ key, permitNumber, event: 'divorce', spouse, on });
const child = (key: string, permitNumber: string) => ({ key, permitNumber, event: 'child', child: { idNumber: '330106202603150012', name: '王小宝', birthDate: '2026-03-15' } });

describe('families from civil affairs and public security', () => {
  it('records a marriage, a child and a divorce as new history entries with their provenance', async () => {
    const reviewer = await env.staff('qian', ['reviewer']);
    const married = await send(civil, 'civil-affairs', [marriage('mz-1', WANG, { permitNumber: LI }, '2026-05-20', '结婚证 J330106-2026-000123')]);
    expect(married.results).toEqual([{ key: 'mz-1', status: 'applied', residentId: 'res-wang' }]);
    const born = await send(police, 'police', [child('hj-1', WANG), child('hj-2', LI)]);
    expect(born.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

    const wang = await (await reviewer('GET', '/api/v1/residents/res-wang')).json();
    expect(wang.spouse).toEqual({
      id: 'res-li',
      name: '李梅',
      permitNumber: '3301**********4567',
      since: '2026-05-20',
      provenance: { kind: 'feed', source: 'civil-affairs', at: '2026-06-30T02:00:00.000Z', evidence: '结婚证 J330106-2026-000123' },
    });
    expect(wang.children).toEqual([
      { id: expect.stringMatching(/^child-/), name: '王小宝', birthDate: '2026-03-15', parentIds: ['res-li', 'res-wang'], provenance: { kind: 'feed', source: 'police', at: '2026-06-30T02:00:00.000Z', evidence: 'police:hj-1' } },
    ]);
    expect((await (await reviewer('GET', '/api/v1/residents/res-li')).json()).spouse).toMatchObject({ id: 'res-wang', since: '2026-05-20' });

    // Two current spouses are refused, naming the field on each side.
    const bigamy = await send(civil, 'civil-affairs', [marriage('mz-2', WANG, { permitNumber: ZHAO }, '2026-06-01'), marriage('mz-3', ZHAO, { permitNumber: LI }, '2026-06-01')]);
    expect(bigamy.results.map((r: { status: string; error?: { code: string; fields: unknown } }) => [r.status, r.error?.code, r.error?.fields])).toEqual([
      ['failed', 'conflict', [{ path: 'records.0.permitNumber', message: 'is married to res-li on record; a divorce must be recorded first (two current spouses)', messageZh: '本人在案配偶为 res-li，须先登记离婚（不能同时有两名配偶）' }]],
      ['failed', 'conflict', [{ path: 'records.1.spouse', message: 'is married to res-wang on record; a divorce must be recorded first (two current spouses)', messageZh: '对方在案配偶为 res-wang，须先登记离婚（不能同时有两名配偶）' }]],
    ]);
    const wrongDivorce = await send(civil, 'civil-affairs', [divorce('lh-0', WANG, { permitNumber: ZHAO }, '2026-06-10')]);
    expect(wrongDivorce.results[0].error.fields).toEqual([{ path: 'records.0.spouse', message: 'is not the current spouse on record (res-li is)', messageZh: '不是在案的现任配偶（现任为 res-li）' }]);

    const divorced = await send(civil, 'civil-affairs', [divorce('lh-1', LI, { permitNumber: WANG }, '2026-06-10'), marriage('mz-4', WANG, { permitNumber: ZHAO }, '2026-06-20')]);
    expect(divorced.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await (await reviewer('GET', '/api/v1/residents/res-li')).json()).spouse).toBeUndefined();
    expect((await (await reviewer('GET', '/api/v1/residents/res-wang')).json()).spouse).toMatchObject({ id: 'res-zhao', since: '2026-06-20' });

    // The history keeps every event, oldest first; nothing is overwritten.
    const history = await (await env.asResident('res-wang', 'GET', '/api/v1/residents/res-wang/history')).json();
    expect(history.family.map((e: { event: string; on: string; spouse?: { id: string }; child?: { name: string }; provenance: { source: string } }) => [e.event, e.on, e.spouse?.id ?? e.child?.name, e.provenance.source])).toEqual([
      ['marriage', '2026-05-20', 'res-li', 'civil-affairs'],
      ['child', '2026-03-15', '王小宝', 'police'],
      ['divorce', '2026-06-10', 'res-li', 'civil-affairs'],
      ['marriage', '2026-06-20', 'res-zhao', 'civil-affairs'],
    ]);
    // A replayed key changes nothing; a third parent is refused.
    expect((await send(civil, 'civil-affairs', [marriage('mz-1', WANG, { permitNumber: LI }, '2026-05-20')])).results).toEqual([{ key: 'mz-1', status: 'replayed', residentId: 'res-wang' }]);
    expect((await send(police, 'police', [child('hj-3', ZHAO)])).results[0].error.fields).toEqual([
      { path: 'records.0.child.idNumber', message: 'already has two parents on record (res-li, res-wang)', messageZh: '该子女在案已有两名父母（res-li、res-wang）' },
    ]);
    const audit = await listAudit(env.client, { limit: 50 });
    expect(audit.entries.filter((e) => e.action === 'family-feed-applied')).toHaveLength(7);
  });

  it('keeps a link to a person not yet on record pending, lists it for review, and applies it once they are', async () => {
    const reviewer = await env.staff('qian', ['reviewer']);
    const newcomer = '330106199408080036';
    const sent = await send(civil, 'civil-affairs', [
      marriage('mz-10', WANG, { idNumber: '330106199505050021' }, '2026-05-01'),
      marriage('mz-11', newcomer, { permitNumber: LI }, '2026-05-02'),
    ]);
    expect(sent.results).toEqual([
      { key: 'mz-10', status: 'pending', missing: 'spouse' },
      { key: 'mz-11', status: 'pending', missing: 'resident' },
    ]);
    const listed = await (await reviewer('GET', '/api/v1/family-records/pending')).json();
    expect(listed.records.map((r: { key: string; status: string; missing: string }) => [r.key, r.status, r.missing])).toEqual([['mz-10', 'pending', 'spouse'], ['mz-11', 'pending', 'resident']]);
    expect((await env.asResident('res-wang', 'GET', '/api/v1/family-records/pending')).status).toBe(403);

    // Public security names res-zhao's ID number: the pending marriage to that ID number now applies.
    const named = await send(police, 'police', [{ ...child('hj-10', ZHAO), idNumber: '330106199505050021' }]);
    expect(named.resolved).toBe(1);
    expect((await (await reviewer('GET', '/api/v1/residents/res-wang')).json()).spouse).toMatchObject({ id: 'res-zhao', since: '2026-05-01', provenance: { source: 'civil-affairs', evidence: 'civil-affairs:mz-10' } });

    // A department feed registers the newcomer: the marriage waiting for them applies.
    const hrss = await env.feedToken('hrss');
    const registered = await env.withToken(hrss, 'POST', '/api/v1/feeds/hrss', { records: [{ key: 'hrss-1', permitNumber: newcomer, name: '孙七', facts: { socialInsuranceMonths: 24 } }] });
    expect(registered.status).toBe(200);
    const li = await (await reviewer('GET', '/api/v1/residents/res-li')).json();
    expect(li.spouse).toMatchObject({ name: '孙七', since: '2026-05-02' });
    expect((await (await reviewer('GET', '/api/v1/family-records/pending')).json()).records).toEqual([]);
  });

  it('refuses what is not a family record, naming the field', async () => {
    const bad = await send(civil, 'civil-affairs', [
      { key: 'x-1', permitNumber: WANG, event: 'marriage', spouse: { permitNumber: LI, idNumber: '1234' }, on: '2026-05-20' },
      { key: 'x-2', permitNumber: WANG, event: 'child', child: { idNumber: '330106202603150099', name: '王二宝', birthDate: '2026-08-01' } },
      { key: 'x-3', permitNumber: WANG, event: 'adoption' },
      marriage('x-4', WANG, { permitNumber: WANG }, '2026-05-20'),
    ]);
    expect(bad.results.map((r: { status: string; error: { fields: { path: string }[] } }) => [r.status, r.error.fields.map((f) => f.path)])).toEqual([
      ['failed', ['records.0.spouse']],
      ['failed', ['records.1.child.birthDate']],
      ['failed', ['records.2.event']],
      ['failed', ['records.3.spouse']],
    ]);
  });
});

describe('ranking and recommendations read the family on record', () => {
  it('recommends a child-related round by the spouse rule and takes the spouse and child from the record', async () => {
    const education = await env.staff('sun', ['reviewer'], ['区教育局']);
    const opened = await education('POST', '/api/v1/rounds', { ruleSetId: 'district-sample', scenarioId: 'school-enrollment', places: 1, opensOn: '2026-06-30', closesOn: '2026-07-10' });
    expect(opened.status).toBe(201);
    const round = await opened.json();
    const recommended = async (id: string) => (await (await env.asResident(id, 'GET', `/api/v1/residents/${id}/recommendations`)).json()).recommendations;
    // res-wang has 6 months of social insurance: not eligible himself, no child on record.
    expect(await recommended('res-wang')).toEqual([]);

    await send(civil, 'civil-affairs', [marriage('mz-1', WANG, { permitNumber: LI }, '2026-05-20')]);
    await send(police, 'police', [child('hj-1', WANG), child('hj-2', LI)]);
    const forWang = await recommended('res-wang');
    const forLi = await recommended('res-li');
    expect(forLi).toEqual([expect.objectContaining({ round: expect.objectContaining({ id: round.id }), spouseCounted: false })]);
    // 就高原则: his wife's score counts for their child.
    expect(forWang).toEqual([expect.objectContaining({ round: expect.objectContaining({ id: round.id }), score: forLi[0].score, spouseCounted: true })]);

    const wang = await (await env.asResident('res-wang', 'GET', '/api/v1/residents/res-wang')).json();
    const applied = await env.asResident('res-wang', 'POST', `/api/v1/rounds/${round.id}/applications`, { childId: wang.children[0].id });
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ residentId: 'res-wang', childId: wang.children[0].id, spouseId: 'res-li' });
  });
});
