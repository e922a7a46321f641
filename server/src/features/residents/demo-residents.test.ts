import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { permitCheckChar } from '../../domain/residents/demo-population';
import { maskName } from '../../domain/residents/mask';
import { storedScore } from '../../domain/residents/score-summary';
import { evaluateResidents, resolveFor } from './residents-scoring';
import { seedDemoResidents } from './demo-residents';

let db: Awaited<ReturnType<typeof residentDatabase>>;
beforeEach(async () => {
  db = await residentDatabase();
});
afterEach(() => db.cleanup());

describe('demo residents', () => {
  it('seeds the same families, histories, ledgers and scores every time, once', async () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const report = await seedDemoResidents(db.client, { resolver: db.resolver, now, count: 2_000 });
    expect(report).toMatchObject({ seeded: true, residents: 2_000 });
    expect(report.children).toBeGreaterThan(100);
    expect(report.ledgerEntries).toBeGreaterThan(500);
    expect(await db.residents.countResidents()).toBe(2_000);

    const first = (await db.residents.getRecord('res-000001'))!;
    expect(first.permitNumber).toMatch(/^3301\d{13}[\dX]$/);
    expect(first.permitNumber.at(-1)).toBe(permitCheckChar(first.permitNumber.slice(0, 17)));
    const couple = (await db.residents.listResidents({ limit: 2_000 })).find((r) => r.spouseId && r.id < r.spouseId)!;
    expect((await db.residents.getResident(couple.spouseId!))?.spouseId).toBe(couple.id);
    const history = await db.residents.factHistory('res-000001', 'socialInsuranceMonths');
    expect(history).toHaveLength(2);
    expect(history[1]!.provenance).toMatchObject({ kind: 'feed', source: 'hrss' });
    const scores = await db.residents.getScores(['res-000001', 'res-002000'], 'district-sample');
    expect(scores.get('res-000001')).toMatchObject({ ruleSetId: 'district-sample', asOf: '2026-03-02' });
    expect(scores.get('res-002000')!.total).toBeGreaterThan(0);

    // The stored scores (compiled fast mode) are what a full evaluation of the record gives.
    const ids = Array.from({ length: 300 }, (_, i) => `res-${String(i * 6 + 1).padStart(6, '0')}`);
    const rs = await resolveFor(db.resolver, { asOf: '2026-03-02' });
    const stored = await db.residents.getScores(ids, 'district-sample');
    for (const { id, evaluation } of await evaluateResidents(db.residents, rs, ids, '2026-03-02')) {
      expect(stored.get(id), id).toEqual(storedScore(id, evaluation, now.toISOString()));
    }

    // Deterministic: another database gets the same people.
    const other = await residentDatabase();
    try {
      await seedDemoResidents(other.client, { resolver: other.resolver, now, count: 2_000 });
      const again = (await other.residents.getRecord('res-000001'))!;
      expect([again.name, again.permitNumber, maskName(again.name)]).toEqual([first.name, first.permitNumber, maskName(first.name)]);
      expect((await other.residents.getScore('res-001234', 'district-sample'))?.total).toBe((await db.residents.getScore('res-001234', 'district-sample'))?.total);
    } finally {
      other.cleanup();
    }

    expect(await seedDemoResidents(db.client, { resolver: db.resolver, now })).toMatchObject({ seeded: false, residents: 2_000 });
  });
});
