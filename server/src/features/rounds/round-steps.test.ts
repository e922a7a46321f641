import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { districtFacts } from '../../../../test/support/data/round-facts';
import { addResident } from '../../../../test/support/data/round-residents';
import { listAudit, verifyAuditLog } from '../../platform/db/audit-log';
import { publicRound, roundSummary } from './round-queries';
import { applyToRound, closeAndRank, openScenarioRound, publishRanking, reviewApplication } from './round-steps';
import { createLibsqlRoundRepository } from './rounds-repository';
import type { RoundActor, RoundDeps } from './round-workflow';

let db: Awaited<ReturnType<typeof residentDatabase>>;
let deps: RoundDeps;
beforeEach(async () => {
  db = await residentDatabase();
  deps = { client: db.client, resolver: db.resolver };
});
afterEach(() => db.cleanup());

/** Staff of every department, at 10:00 in the district on `day`. */
const staff = (day: string, actor = 'zhao.reviewer'): RoundActor => ({ actor, departments: ['*'], now: new Date(`${day}T02:00:00Z`) });
const window = { ruleSetId: 'district-sample', opensOn: '2025-09-01', closesOn: '2025-09-19' };

describe('a scenario round on libsql', () => {
  it('takes applications in its window, ranks accepted applicants in the policy’s tie order and publishes for 5 working days', async () => {
    await addResident(db.residents, 'res-a', '张小三', districtFacts({ volunteerHours: 100, registered: '2019-05-01' }));
    await addResident(db.residents, 'res-b', '李四', districtFacts({ insuranceMonths: 40, taxYuan: 40_000, registered: '2020-01-01' }));
    await addResident(db.residents, 'res-c', '王五', districtFacts({ volunteerHours: 100, registered: '2018-01-01' }));
    await addResident(db.residents, 'res-d', '欧阳小明', districtFacts({ taxYuan: 20_000, registered: '2018-01-01' }));
    await addResident(db.residents, 'res-e', '赵六', districtFacts({ volunteerHours: 50 }));
    await addResident(db.residents, 'res-f', '钱七', districtFacts({}));

    const round = await openScenarioRound(deps, { ...window, scenarioId: 'social-welfare', places: 2 }, staff('2025-08-28'));
    expect(round).toMatchObject({ status: 'open', department: '区民政局', places: 2, childRelated: false });
    await expect(applyToRound(deps, round.id, { residentId: 'res-a' }, staff('2025-08-31'))).rejects.toMatchObject({ code: 'conflict' });
    const applications = [];
    for (const id of ['res-a', 'res-b', 'res-c', 'res-d', 'res-e', 'res-f']) {
      applications.push(await applyToRound(deps, round.id, { residentId: id }, { actor: id, now: new Date('2025-09-02T01:00:00Z') }));
    }
    await expect(applyToRound(deps, round.id, { residentId: 'res-a' }, staff('2025-09-03'))).rejects.toMatchObject({
      code: 'conflict',
      fields: [{ path: 'residentId' }],
    });
    await expect(applyToRound(deps, round.id, { residentId: 'res-nobody' }, staff('2025-09-03'))).rejects.toMatchObject({ code: 'not_found' });

    for (const a of applications.slice(0, 5)) await reviewApplication(deps, round.id, a.id, { outcome: 'accepted' }, staff('2025-09-20'));
    await expect(closeAndRank(deps, round.id, staff('2025-09-22'))).rejects.toThrow(/1 application\(s\).*wait for review/);
    await expect(reviewApplication(deps, round.id, applications[5]!.id, { outcome: 'rejected' }, staff('2025-09-20'))).rejects.toMatchObject({
      fields: [{ path: 'reason' }],
    });
    await reviewApplication(deps, round.id, applications[5]!.id, { outcome: 'rejected', reason: '材料不全' }, staff('2025-09-20'));

    const closed = await closeAndRank(deps, round.id, staff('2025-09-22'));
    expect(closed).toMatchObject({ status: 'closed', version: 2, revision: 1 });
    const ranking = await createLibsqlRoundRepository(db.client).getRanking(round.id);
    expect(ranking.map((e) => e.residentId)).toEqual(['res-b', 'res-c', 'res-d', 'res-a', 'res-e']);
    expect(ranking.map((e) => e.admitted)).toEqual([true, true, false, false, false]);

    await expect(publicRound(deps, round.id)).rejects.toMatchObject({ code: 'not_found' });
    const published = await publishRanking(deps, round.id, staff('2025-09-30'));
    // 1–8 October are the National Day holiday, Saturday 11 October is worked in lieu.
    expect(published).toMatchObject({ status: 'published', publishedOn: '2025-09-30', publicationEndsOn: '2025-10-14' });

    const notice = await publicRound(deps, round.id);
    expect(notice.entries.map((e) => [e.position, e.maskedName])).toEqual([[1, '李*'], [2, '王*'], [3, '欧**明'], [4, '张*三'], [5, '赵*']]);
    expect(notice.entries[0]!.maskedPermit).toMatch(/^3301\*{10}\w{4}$/);
    expect(JSON.stringify(notice)).not.toMatch(/res-|李四|330106/);

    const summary = await roundSummary(deps, round.id, new Date('2025-10-01T00:00:00Z'));
    expect(summary.applications).toEqual({ submitted: 0, accepted: 5, rejected: 1 });
    expect(summary.finalizable).toBe(false);

    const trail = await listAudit(db.client, { target: `round:${round.id}`, limit: 100 });
    expect(trail.entries.map((e) => e.action).reverse()).toEqual([
      'round-opened',
      ...Array(6).fill('round-applied'),
      ...Array(5).fill('round-application-accepted'),
      'round-application-rejected',
      'round-closed',
      'round-published',
    ]);
    expect(trail.entries.find((e) => e.action === 'round-closed')?.details).toMatchObject({ version: 2, applicants: 5, admitted: 2 });
    expect(await verifyAuditLog(db.client)).toMatchObject({ ok: true });
  });

  it('scores both parents for a child and counts the higher one, never the sum', async () => {
    await addResident(db.residents, 'res-mum', '陈一', districtFacts({ insuranceMonths: 30 })); // 85: short of 120
    await addResident(db.residents, 'res-dad', '周二', districtFacts({ volunteerHours: 200 })); // 120
    await addResident(db.residents, 'res-x', '吴三', districtFacts({ volunteerHours: 150 })); // 115
    await db.residents.linkSpouses('res-mum', 'res-dad', '2025-08-01T00:00:00Z');
    const child = await db.residents.addChild({ name: '周小', birthDate: '2019-03-01', parentIds: ['res-mum', 'res-dad'] });
    const other = await db.residents.addChild({ name: '吴小', birthDate: '2019-04-01', parentIds: ['res-x'] });

    const round = await openScenarioRound(deps, { ...window, scenarioId: 'school-enrollment' }, staff('2025-08-28'));
    const on = staff('2025-09-05');
    await expect(applyToRound(deps, round.id, { residentId: 'res-mum' }, on)).rejects.toMatchObject({ fields: [{ path: 'childId', message: 'is required' }] });
    await expect(applyToRound(deps, round.id, { residentId: 'res-mum', childId: other.id }, on)).rejects.toMatchObject({ fields: [{ path: 'childId' }] });
    const family = await applyToRound(deps, round.id, { residentId: 'res-mum', childId: child.id }, on);
    expect(family.spouseId).toBe('res-dad');
    await expect(applyToRound(deps, round.id, { residentId: 'res-dad', childId: child.id }, on)).rejects.toMatchObject({ code: 'conflict' });
    const single = await applyToRound(deps, round.id, { residentId: 'res-x', childId: other.id }, on);
    for (const a of [family, single]) await reviewApplication(deps, round.id, a.id, { outcome: 'accepted' }, staff('2025-09-19'));
    await closeAndRank(deps, round.id, staff('2025-09-22'));

    const ranking = await createLibsqlRoundRepository(db.client).getRanking(round.id);
    expect(ranking.map((e) => [e.residentId, e.position, e.score, e.spouseCounted, e.eligible])).toEqual([
      ['res-mum', 1, 120, true, true],
      ['res-x', undefined, 115, false, false],
    ]);
  });
});
