import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { JifenError } from '../../domain/errors';
import type { Provenance } from '../../domain/residents/types';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlResidentRepository } from './residents-repository';
import { rescoreResidents } from './residents-scoring';

let db: Awaited<ReturnType<typeof residentDatabase>>;
beforeEach(async () => {
  db = await residentDatabase();
});
afterEach(() => db.cleanup());

const feed = (at: string, evidence: string): Provenance => ({ kind: 'feed', source: 'hrss', at, evidence });

describe('resident repository on libsql', () => {
  it('keeps every fact value with its provenance; the current value is the latest', async () => {
    const r = db.residents;
    await r.createResident({ id: 'res-1', permitNumber: '330106199001011234', name: '张小三', residenceRegistrationDate: '2020-03-01' }, '2026-01-01T00:00:00Z');
    await r.appendFacts('res-1', [{ fact: 'socialInsuranceMonths', value: 10 }], feed('2026-01-02T00:00:00Z', 'k1'));
    await r.appendFacts('res-1', [{ fact: 'socialInsuranceMonths', value: 12 }, { fact: 'education', value: 'bachelor' }], feed('2026-02-01T00:00:00Z', 'k2'));
    await r.appendFacts('res-1', [{ fact: 'education', value: null }], { kind: 'reviewer', source: 'u-7', at: '2026-02-03T00:00:00Z' });

    const record = await r.getRecord('res-1');
    expect(record?.facts.socialInsuranceMonths).toMatchObject({ value: 12, provenance: { kind: 'feed', source: 'hrss', evidence: 'k2' } });
    expect(record?.facts.education).toBeUndefined();
    const history = await r.factHistory('res-1', 'socialInsuranceMonths');
    expect(history.map((h) => [h.value, h.provenance.evidence])).toEqual([[10, 'k1'], [12, 'k2']]);
    expect((await r.factHistory('res-1')).map((h) => h.fact)).toEqual(['socialInsuranceMonths', 'socialInsuranceMonths', 'education', 'education']);
    await expect(db.client.execute("UPDATE fact_history SET value = '99'")).rejects.toThrow(/append-only/);
    await expect(db.client.execute('DELETE FROM fact_history')).rejects.toThrow(/append-only/);
  });

  it('links spouses both ways and children to both parents; refuses a second resident with the same permit', async () => {
    const r = db.residents;
    const at = '2026-01-01T00:00:00Z';
    await r.createResident({ id: 'res-a', permitNumber: 'P-A', name: '李四' }, at);
    await r.createResident({ id: 'res-b', permitNumber: 'P-B', name: '王五' }, at);
    await r.linkSpouses('res-a', 'res-b', at);
    const child = await r.addChild({ name: '李小', birthDate: '2018-09-01', parentIds: ['res-a', 'res-b'] });
    expect((await r.getResident('res-a'))?.spouseId).toBe('res-b');
    expect((await r.getResident('res-b'))?.spouseId).toBe('res-a');
    expect(await r.childrenOf('res-b')).toEqual([{ ...child, parentIds: ['res-a', 'res-b'] }]);
    const dup = await r.createResident({ permitNumber: 'P-A', name: 'x' }, at).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(JifenError);
    expect((dup as JifenError).fields).toEqual([{ path: 'permitNumber', message: 'is already on record' }]);
  });

  it('scores a resident from the record and stores the score; ledger points count until they lapse', async () => {
    await inTransaction(db.client, async (tx) => {
      const r = createLibsqlResidentRepository(tx);
      await r.createResident({ id: 'res-1', permitNumber: 'P1', name: '赵六', residenceRegistrationDate: '2024-01-15' }, '2026-01-01T00:00:00Z');
      await r.appendFacts('res-1', [{ fact: 'birthDate', value: '1990-05-01' }, { fact: 'socialInsuranceMonths', value: 24 }], feed('2026-01-01T00:00:00Z', 'k'));
      await r.appendLedgerEntry('res-1', { indicator: 'volunteerService', kind: 'earn', points: 4, earnedOn: '2023-05-01', provenance: feed('2026-01-01T00:00:00Z', 'v1') });
    });
    const score = async (asOf: string) =>
      (await inTransaction(db.client, (tx) => rescoreResidents(createLibsqlResidentRepository(tx), db.resolver, ['res-1'], { asOf, scoredAt: `${asOf}T00:00:00Z` })))[0]!;
    const before = await score('2025-12-31');
    expect(before.indicators.volunteerService).toBe(4);
    expect(before.indicators.socialInsurance).toBe(12);
    expect(before.indicators.age).toBe(20);
    const after = await score('2026-01-01');
    expect(after.indicators.volunteerService).toBe(0);
    expect(after.total).toBe(before.total - 4);
    expect(await db.residents.getScore('res-1', 'district-sample')).toEqual(after);
  });
});
