import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { listAudit, verifyAuditLog } from '../../platform/db/audit-log';
import { applyFeed, type FeedCall } from './feeds';
import { resolveFor } from '../residents/residents-scoring';
import { issueCredential } from '../credentials/service-credentials';

let db: Awaited<ReturnType<typeof residentDatabase>>;
let credentialId: string;
beforeEach(async () => {
  db = await residentDatabase();
  credentialId = (await issueCredential(db.client, { purpose: 'feed', source: 'hrss', label: '人社局', createdBy: 'admin', at: '2026-03-01T00:00:00Z' })).credential.id;
});
afterEach(() => db.cleanup());

async function call(records: FeedCall['records'], receivedAt = '2026-03-02T01:00:00.000Z'): Promise<ReturnType<typeof applyFeed>> {
  const rs = await resolveFor(db.resolver, { asOf: '2026-03-02' });
  return applyFeed(db.client, db.resolver, { source: 'hrss', credentialId, records, rs, asOf: '2026-03-02', receivedAt });
}

describe('feeds (无感赋分)', () => {
  it('applies valid records, leaves a failing one untouched with its errors by field path, and audits the call once', async () => {
    await call([{ key: 'k0', permitNumber: '330106199001011234', name: '张小三', facts: { socialInsuranceMonths: 10, education: 'associate' } }]);
    const resident = (await db.residents.findByPermit('330106199001011234'))!;
    const historyBefore = await db.residents.factHistory(resident.id);

    const outcome = await call([
      { key: 'k1', permitNumber: 'P-NEW-1', name: '李四', facts: { birthDate: '1991-02-03', socialInsuranceMonths: 30 } },
      // The same resident as k0: its valid fact must not be written because the record fails as a whole.
      { key: 'k2', permitNumber: '330106199001011234', facts: { education: 'bachelor', socialInsuranceMonths: -3, noSuchFact: 1 } } as never,
      { key: 'k3', permitNumber: 'P-NEW-2', name: '王五', facts: { housing: 'owned' }, ledger: [{ indicator: 'volunteerService', points: 2, earnedOn: '2026-02-01' }] },
      { key: 'k4', permitNumber: 'P-UNKNOWN', facts: { housing: 'owned' } },
    ]);

    expect(outcome).toMatchObject({ received: 4, applied: 2, replayed: 0, failed: 2, rescored: 2 });
    expect(outcome.results.map((r) => [r.key, r.status])).toEqual([['k1', 'applied'], ['k2', 'failed'], ['k3', 'applied'], ['k4', 'failed']]);
    const k2 = outcome.results[1]!;
    expect(k2.status === 'failed' && k2.error.fields?.map((f) => f.path).sort()).toEqual(['records.1.facts.noSuchFact', 'records.1.facts.socialInsuranceMonths']);
    const k4 = outcome.results[3]!;
    expect(k4.status === 'failed' && k4.error.fields).toEqual([{ path: 'records.3.permitNumber', message: 'no resident holds this permit number; send name to register them', messageZh: '没有持这个居住证号的居民；如需登记，请同时填写姓名' }]);

    expect(await db.residents.factHistory(resident.id)).toEqual(historyBefore);
    expect((await db.residents.getRecord(resident.id))?.facts.education?.value).toBe('associate');
    expect(await db.residents.findByPermit('P-UNKNOWN')).toBeUndefined();

    const li = (await db.residents.findByPermit('P-NEW-1'))!;
    expect((await db.residents.getRecord(li.id))?.facts.socialInsuranceMonths).toMatchObject({ value: 30, provenance: { kind: 'feed', source: 'hrss', evidence: 'k1' } });
    const wang = (await db.residents.findByPermit('P-NEW-2'))!;
    expect((await db.residents.getScore(wang.id, 'district-sample'))?.indicators.volunteerService).toBe(2);

    const audit = await listAudit(db.client, { action: 'feed-applied', limit: 10 });
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]).toMatchObject({ actor: `credential:${credentialId}`, details: { received: 4, applied: 2, failed: 2, failedKeys: ['k2', 'k4'] } });
    expect((await verifyAuditLog(db.client)).ok).toBe(true);
  });

  it('refuses a record with an impossible fact or a ledger entry earned after the call, writing nothing of it', async () => {
    const outcome = await call([
      { key: 'b1', permitNumber: 'P-LATER', name: '周八', facts: { birthDate: '2027-01-01', education: 'bachelor' } },
      { key: 'b2', permitNumber: 'P-LATER-2', name: '吴九', residenceRegistrationDate: '2026-03-03', facts: {} },
      { key: 'b3', permitNumber: 'P-LATER-3', name: '郑十', ledger: [{ indicator: 'bloodDonation', points: 3, earnedOn: '2026-03-03' }] },
      { key: 'b4', permitNumber: 'P-TODAY', name: '冯一', facts: { birthDate: '2026-03-02' } },
    ]);
    expect(outcome.results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'applied']);
    const fields = outcome.results.flatMap((r) => (r.status === 'failed' ? (r.error.fields ?? []) : []));
    expect(fields.map((f) => [f.path, f.messageZh?.split('：')[0]])).toEqual([
      ['records.0.facts.birthDate', '不得晚于评估日期 2026-03-02'],
      ['records.1.residenceRegistrationDate', '不得晚于评估日期 2026-03-02'],
      ['records.2.ledger.0.earnedOn', '不得晚于今天 2026-03-02'],
    ]);
    expect(fields[0]?.bound).toMatchObject({ kind: 'notAfterAsOf', limit: '2026-03-02' });
    expect(await db.residents.findByPermit('P-LATER')).toBeUndefined();
  });

  it('treats a replayed record key as a no-op and says so', async () => {
    const records = [
      { key: 'r1', permitNumber: 'P-0001', name: '赵六', facts: { socialInsuranceMonths: 12 }, ledger: [{ indicator: 'bloodDonation', points: 3, earnedOn: '2026-01-10' }] },
    ];
    const first = await call(records);
    expect(first.results[0]).toMatchObject({ status: 'applied', created: true });
    const id = (await db.residents.findByPermit('P-0001'))!.id;
    const history = await db.residents.factHistory(id);

    const again = await call([...records, { ...records[0]!, key: 'r2', facts: { socialInsuranceMonths: 13 }, ledger: [] }], '2026-03-03T01:00:00.000Z');
    expect(again).toMatchObject({ received: 2, applied: 1, replayed: 1, failed: 0 });
    expect(again.results[0]).toEqual({ key: 'r1', status: 'replayed', residentId: id });
    expect(await db.residents.ledgerEntries(id)).toHaveLength(1);
    expect((await db.residents.factHistory(id)).length).toBe(history.length + 1);

    // A key repeated inside one call is applied once.
    const twice = await call([{ key: 'r3', permitNumber: 'P-0001', facts: { employmentMonths: 5 } }, { key: 'r3', permitNumber: 'P-0001', facts: { employmentMonths: 6 } }]);
    expect(twice.results.map((r) => r.status)).toEqual(['applied', 'replayed']);
    expect((await db.residents.getRecord(id))?.facts.employmentMonths?.value).toBe(5);
  });

  it('refuses facts that the points ledger keeps', async () => {
    const outcome = await call([{ key: 'x', permitNumber: 'P-0009', name: '孙七', facts: { volunteerHours: 100 } }]);
    const r = outcome.results[0]!;
    expect(r.status === 'failed' && r.error.fields).toEqual([
      { path: 'records.0.facts.volunteerHours', message: 'is kept by the points ledger of volunteerService; send ledger entries instead', messageZh: '这项由积分账户记录，请登记积分账户' },
    ]);
  });
});
