import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { districtFacts } from '../../../../test/support/data/round-facts';
import { addResident } from '../../../../test/support/data/round-residents';
import type { RuleSet } from '../../domain/rule-set/schema';
import { listAudit, verifyAuditLog } from '../../platform/db/audit-log';
import { answerRoundObjection, fileRoundObjection } from './round-objection-steps';
import { overdueObjections, publicRound } from './round-queries';
import { applyToRound, closeAndRank, finalizeRanking, openScenarioRound, publishRanking, reviewApplication } from './round-steps';
import { createLibsqlRoundRepository } from './rounds-repository';
import type { RoundActor, RoundDeps } from './round-workflow';

let db: Awaited<ReturnType<typeof residentDatabase>>;
let deps: RoundDeps;
beforeEach(async () => {
  db = await residentDatabase();
  deps = { client: db.client, resolver: db.resolver };
});
afterEach(() => db.cleanup());

const staff = (day: string): RoundActor => ({ actor: 'zhao.reviewer', departments: ['区民政局'], now: new Date(`${day}T02:00:00Z`) });
const resident = (id: string, day: string): RoundActor => ({ actor: id, now: new Date(`${day}T02:00:00Z`) });

/** A welfare round with one place: Li (110) is admitted, Zhang (107, social insurance under-counted) is not. */
async function publishedRound(options: { publishOn?: string; beforeClose?: () => Promise<void> } = {}) {
  await addResident(db.residents, 'res-li', '李四', districtFacts({ taxYuan: 20_000 }));
  await addResident(db.residents, 'res-zhang', '张小三', districtFacts({ insuranceMonths: 50, volunteerHours: 120, registered: '2017-06-01' }));
  const round = await openScenarioRound(deps, { ruleSetId: 'district-sample', scenarioId: 'social-welfare', places: 1, opensOn: '2025-09-01', closesOn: '2025-09-19' }, staff('2025-08-28'));
  for (const id of ['res-li', 'res-zhang']) {
    const a = await applyToRound(deps, round.id, { residentId: id }, resident(id, '2025-09-03'));
    await reviewApplication(deps, round.id, a.id, { outcome: 'accepted' }, staff('2025-09-10'));
  }
  await options.beforeClose?.();
  await closeAndRank(deps, round.id, staff('2025-09-22'));
  return publishRanking(deps, round.id, staff(options.publishOn ?? '2025-09-26'));
}

/** District-sample version 3 (the shipped version 2 with tax counting double). */
async function publishVersion3(effectiveFrom: string, version = 3) {
  const shipped = (await db.ruleSets.getVersion('district-sample', 2))!.document;
  const document: RuleSet = {
    ...shipped,
    version,
    effectiveFrom,
    indicators: shipped.indicators.map((i) => (i.id === 'tax' && i.kind === 'rate' ? { ...i, points: 2, cap: 40 } : i)),
  };
  await db.ruleSets.insertVersion({ document, publishedAt: '2025-09-23T00:00:00Z', publishedBy: 'li.approver', note: 'tax ×2' });
}

describe('objections to a published ranking', () => {
  it('an upheld objection corrects the fact with its provenance, re-ranks, and the public list shows the change', async () => {
    const round = await publishedRound();
    expect((await publicRound(deps, round.id)).entries.map((e) => [e.maskedName, e.position, e.admitted])).toEqual([
      ['李*', 1, true],
      ['张*三', 2, false],
    ]);
    // Filed on Friday 26 Sep: ten working days run across National Day to Thursday 16 October.
    const objection = await fileRoundObjection(deps, round.id, { residentId: 'res-zhang', reason: '社保缴费月数漏计10个月', evidenceRef: 'SI-2025-0098' }, resident('res-zhang', '2025-09-26'));
    expect(objection).toMatchObject({ status: 'open', answerBy: '2025-10-16' });
    await expect(fileRoundObjection(deps, round.id, { residentId: 'res-nobody', reason: 'x' }, resident('res-nobody', '2025-09-29'))).rejects.toMatchObject({ code: 'forbidden' });

    await expect(
      answerRoundObjection(deps, round.id, objection.id, { outcome: 'upheld', answer: '核实属实', correction: { residentId: 'res-zhang', facts: { socialInsuranceMonths: 'sixty' as unknown as number, volunteerHours: 300 } } }, staff('2025-10-09')),
    ).rejects.toMatchObject({ fields: [{ path: 'correction.facts.socialInsuranceMonths' }, { path: 'correction.facts.volunteerHours' }] });
    // A birth date after the day the round is ranked on is impossible, and refused in both languages.
    await expect(
      answerRoundObjection(deps, round.id, objection.id, { outcome: 'upheld', answer: '更正出生日期', correction: { residentId: 'res-zhang', facts: { birthDate: '2030-01-01' } } }, staff('2025-10-09')),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ path: 'correction.facts.birthDate', messageZh: expect.stringContaining('不得晚于评估日期'), bound: { kind: 'notAfterAsOf' } }] });
    const { round: reranked } = await answerRoundObjection(
      deps,
      round.id,
      objection.id,
      { outcome: 'upheld', answer: '经核实，社保缴费月数漏计，已更正', correction: { residentId: 'res-zhang', facts: { socialInsuranceMonths: 60 }, evidence: 'SI-2025-0098' } },
      staff('2025-10-09'),
    );
    expect(reranked.revision).toBe(2);

    const notice = await publicRound(deps, round.id);
    expect(notice.entries.map((e) => [e.maskedName, e.position, e.previousPosition, e.score, e.admitted])).toEqual([
      ['张*三', 1, 2, 112, true],
      ['李*', 2, 1, 110, false],
    ]);
    expect(notice.revisions.map((r) => r.cause)).toEqual(['closed', 'objection']);
    expect(notice.objections).toEqual({ filed: 1, open: 0, upheld: 1, dismissed: 0 });

    const history = await db.residents.factHistory('res-zhang', 'socialInsuranceMonths');
    expect(history.at(-1)).toMatchObject({ value: 60, provenance: { kind: 'reviewer', source: 'zhao.reviewer', evidence: `objection:${round.id}/${objection.id} SI-2025-0098` } });
    expect(history).toHaveLength(2);
    const actions = (await listAudit(db.client, { limit: 200 })).entries.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['round-reranked', 'objection-upheld', 'fact-changed']);
    expect(await verifyAuditLog(db.client)).toMatchObject({ ok: true });
  });

  it('lists overdue objections, finalizes only when all are answered and the notice is over, then nothing changes', async () => {
    const round = await publishedRound({ publishOn: '2025-09-29' }); // public until 15 October
    const objection = await fileRoundObjection(deps, round.id, { residentId: 'res-li', reason: '排名有误' }, resident('res-li', '2025-10-13'));
    expect(objection.answerBy).toBe('2025-10-27');
    expect(await overdueObjections(deps, new Date('2025-10-27T02:00:00Z'))).toEqual([]);
    expect((await overdueObjections(deps, new Date('2025-10-28T02:00:00Z'))).map((o) => o.id)).toEqual([objection.id]);
    await expect(fileRoundObjection(deps, round.id, { residentId: 'res-zhang', reason: '太晚' }, resident('res-zhang', '2025-10-16'))).rejects.toThrow(/not in its public notice/);

    await expect(finalizeRanking(deps, round.id, staff('2025-10-16'))).rejects.toThrow(/not answered/);
    await answerRoundObjection(deps, round.id, objection.id, { outcome: 'dismissed', answer: '经核实，积分计算无误' }, staff('2025-10-20'));
    await expect(answerRoundObjection(deps, round.id, objection.id, { outcome: 'dismissed', answer: 'again' }, staff('2025-10-20'))).rejects.toThrow(/already dismissed/);
    const final = await finalizeRanking(deps, round.id, staff('2025-10-20'));
    expect(final.status).toBe('final');

    const before = await publicRound(deps, round.id);
    await expect(db.client.execute({ sql: 'UPDATE round_ranking_entries SET position = 9 WHERE round_id = ?', args: [round.id] })).rejects.toThrow(/final/);
    await expect(db.client.execute({ sql: `UPDATE rounds SET places = 5 WHERE id = ?`, args: [round.id] })).rejects.toThrow(/final/);
    await expect(createLibsqlRoundRepository(db.client).saveRanking(round.id, { revision: 3, rankedAt: 'x', version: 1, cause: 'objection', hash: 'a'.repeat(64) }, [])).rejects.toMatchObject({ code: 'conflict' });
    await expect(fileRoundObjection(deps, round.id, { residentId: 'res-li', reason: 'x' }, resident('res-li', '2025-10-21'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await publicRound(deps, round.id)).toEqual(before);
  });

  it('keeps ranking with the version fixed at closing after a newer version is published', async () => {
    // Version 3 takes effect before the closing date: closing picks it up.
    const round = await publishedRound({ beforeClose: () => publishVersion3('2025-09-15') });
    expect(round.version).toBe(3);
    const v3 = await publicRound(deps, round.id);
    expect(v3.entries.map((e) => [e.maskedName, e.score])).toEqual([['李*', 120], ['张*三', 107]]);
    // Version 4 (tax back to 1 point) is published afterwards, even back-dated: the round keeps 3.
    const shipped = (await db.ruleSets.getVersion('district-sample', 2))!.document;
    await db.ruleSets.insertVersion({ document: { ...shipped, version: 4, effectiveFrom: '2025-09-01' }, publishedAt: '2025-09-29T00:00:00Z', publishedBy: 'li.approver', note: 'revert' });
    const objection = await fileRoundObjection(deps, round.id, { residentId: 'res-li', reason: '社保月数有误' }, resident('res-li', '2025-09-29'));
    await answerRoundObjection(deps, round.id, objection.id, { outcome: 'upheld', answer: '更正', correction: { residentId: 'res-zhang', facts: { socialInsuranceMonths: 60 } } }, staff('2025-09-30'));
    const after = await publicRound(deps, round.id);
    expect(after.round.version).toBe(3);
    expect(after.revisions.map((r) => r.version)).toEqual([3, 3]);
    // With version 4 Zhang (112) would now pass Li (110); with the fixed version 3 Li keeps the place.
    expect(after.entries.map((e) => [e.maskedName, e.score, e.admitted])).toEqual([['李*', 120, true], ['张*三', 112, false]]);
    await expect(db.client.execute({ sql: 'UPDATE rounds SET version = 4 WHERE id = ?', args: [round.id] })).rejects.toThrow(/fixed/);
  });
});
