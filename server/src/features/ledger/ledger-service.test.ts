import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { JifenError } from '../../domain/errors';
import type { Provenance } from '../../domain/residents/types';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { listAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { earnPoints, exchangeBenefit, ledgerStatement } from './ledger-service';
import { createLibsqlResidentRepository } from '../residents/residents-repository';
import { resolveFor } from '../residents/residents-scoring';

let db: Awaited<ReturnType<typeof residentDatabase>>;
let rs: ResolvedRuleSet;
const office: Provenance = { kind: 'office', source: 'u-clerk', at: '2026-03-02T02:00:00.000Z' };

beforeEach(async () => {
  db = await residentDatabase();
  rs = await resolveFor(db.resolver, { asOf: '2026-03-02' });
  await db.residents.createResident({ id: 'res-1', permitNumber: '330106199001011234', name: '张小三' }, office.at);
});
afterEach(() => db.cleanup());

const earn = (points: number, earnedOn: string) =>
  earnPoints(db.client, db.resolver, { residentId: 'res-1', rs, asOf: '2026-03-02', provenance: office, indicator: 'volunteerService', points, earnedOn });
const exchange = () => exchangeBenefit(db.client, db.resolver, { residentId: 'res-1', rs, asOf: '2026-03-02', provenance: office, benefit: 'park-annual-pass' });
const balance = async (asOf: string) => (await ledgerStatement(db.residents, rs, 'res-1', asOf)).accounts.find((a) => a.indicator === 'volunteerService')!.balance;

describe('points ledger on libsql', () => {
  it('keeps points through 31 December of the last term year and lapses them on 1 January', async () => {
    await earn(6, '2023-04-01'); // term 3 years: valid through 2025-12-31
    await earn(2, '2024-12-31'); // valid through 2026-12-31
    expect(await balance('2025-12-31')).toBe(8);
    expect(await balance('2026-01-01')).toBe(2);
    expect(await balance('2026-12-31')).toBe(2);
    expect(await balance('2027-01-01')).toBe(0);
    expect(await balance('2023-03-31')).toBe(0);
  });

  it('spends on a benefit, re-scores, audits, and refuses to go below zero', async () => {
    await earn(12, '2026-01-05');
    const done = await exchange();
    expect(done).toMatchObject({ balanceBefore: 12, balanceAfter: 2, entry: { kind: 'spend', points: 10, benefit: 'park-annual-pass' } });
    expect(await balance('2026-03-02')).toBe(2);
    expect((await db.residents.getScore('res-1', 'district-sample'))?.indicators.volunteerService).toBe(2);
    const refused = await exchange().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(JifenError);
    expect((refused as JifenError).code).toBe('conflict');
    expect((await listAudit(db.client, { action: 'ledger-exchanged', limit: 5 })).entries).toHaveLength(1);
  });

  it('lets only one of two simultaneous exchanges spend the same points', async () => {
    await earn(15, '2026-01-05');
    const outcomes = await Promise.allSettled([exchange(), exchange(), exchange()]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as JifenError).code).toBe('conflict');
    expect(await balance('2026-03-02')).toBe(5);
    const spends = (await db.residents.ledgerEntries('res-1')).filter((e) => e.kind === 'spend');
    expect(spends).toHaveLength(1);
  });

  it('refuses to spend when another writer changed the ledger after it was read', async () => {
    await earn(15, '2026-01-05');
    await inTransaction(db.client, async (tx) => {
      const repo = createLibsqlResidentRepository(tx);
      const seen = await repo.ledgerRevision('res-1');
      await repo.appendLedgerEntry('res-1', { indicator: 'volunteerService', kind: 'spend', points: 10, earnedOn: '2026-03-02', provenance: office });
      expect(await repo.lockLedger('res-1', seen)).toBe(false);
      expect(await repo.lockLedger('res-1', await repo.ledgerRevision('res-1'))).toBe(true);
    });
  });
});
