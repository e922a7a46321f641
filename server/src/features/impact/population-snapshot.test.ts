import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factReading } from '../../domain/residents/fact-reading';
import { resolveRuleSet } from '../../domain/rule-set/resolve';
import { addResident } from '../../../../test/support/data/round-residents';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { createPopulationCache } from './population-cache';
import { loadPopulation, populationRevision } from './population-snapshot';
import { resolveFor } from '../residents/residents-scoring';

type Db = Awaited<ReturnType<typeof residentDatabase>>;
const AT = '2026-06-30T02:00:00.000Z';
const provenance = { kind: 'office' as const, source: 'test', at: AT };

describe('the population in memory', () => {
  let db: Db;
  beforeEach(async () => {
    db = await residentDatabase();
    await addResident(db.residents, 'res-b', '李四', { residenceRegistrationDate: '2021-05-01', goodSamaritan: true, volunteerHours: 30 });
    await addResident(db.residents, 'res-a', '张小三', { appRegistered: true });
  });
  afterEach(() => db.cleanup());

  it('changes its revision with every write scoring reads, and only then', async () => {
    const seen = [await populationRevision(db.client)];
    expect(await populationRevision(db.client)).toBe(seen[0]);
    const changed = async () => {
      const now = await populationRevision(db.client);
      expect(seen).not.toContain(now);
      seen.push(now);
    };
    await db.residents.appendFacts('res-a', [{ fact: 'profileVerified', value: true }], provenance);
    await changed();
    await db.residents.appendFacts('res-a', [{ fact: 'profileVerified', value: null }], provenance);
    await changed();
    await db.residents.appendLedgerEntry('res-a', { indicator: 'volunteerService', kind: 'earn', points: 1, earnedOn: '2026-06-01', provenance });
    await changed();
    await db.residents.createResident({ id: 'res-c', permitNumber: '330106199001019999', name: '王五' }, AT);
    await changed();
    // Reads and score writes leave it alone.
    await db.residents.currentValues(['res-a']);
    expect(await populationRevision(db.client)).toBe(seen.at(-1));
  });

  it('reads every record in id order: registration date, current facts, ledger by date', async () => {
    await db.residents.appendLedgerEntry('res-b', { indicator: 'volunteerService', kind: 'earn', points: 2, earnedOn: '2024-01-01', provenance });
    const snapshot = await loadPopulation(db.client);
    expect(snapshot.ids).toEqual(['res-a', 'res-b']);
    expect(snapshot.registrations).toEqual([undefined, '2021-05-01']);
    expect(snapshot.values).toEqual([{ appRegistered: true }, { goodSamaritan: true }]);
    expect(snapshot.ledgers.get(0)).toBeUndefined();
    expect(snapshot.ledgers.get(1)?.map((e) => [e.earnedOn, e.points])).toEqual([['2024-01-01', 2], ['2025-03-01', 3]]);
  });

  it('shares a table between versions that read facts alike (a new ledger rate included), and builds another for a new term', async () => {
    const published = await resolveFor(db.resolver, { asOf: '2026-06-30' });
    const provincial = (await db.ruleSets.getVersion('provincial-common', 2))!.document;
    const changed = (id: string, change: (indicator: Record<string, unknown>) => void) => {
      const root = structuredClone(published.root);
      const indicator = root.indicators.find((i) => i.id === id);
      if (!indicator) throw new Error(`district-sample has no ${id}`);
      change(indicator as unknown as Record<string, unknown>);
      return resolveRuleSet(root, [provincial]);
    };
    const raised = changed('goodSamaritan', (i) => (i.points = 20));
    const faster = changed('volunteerService', (i) => (i.per = 5));
    const shorter = changed('volunteerService', (i) => (i.ledger = { termYears: 1, exchangeable: true }));
    expect(factReading(raised)).toBe(factReading(published));
    // Points are granted when earned: a new rate reads the ledger as the old one does.
    expect(factReading(faster)).toBe(factReading(published));
    expect(factReading(shorter)).not.toBe(factReading(published));

    const cache = createPopulationCache();
    const first = await cache.facts(db.client, '2026-06-30', [published, raised, faster, shorter]);
    expect(first.fromCache).toBe(false);
    expect(first.tables[1]).toBe(first.tables[0]);
    expect(first.tables[2]).toBe(first.tables[0]);
    expect(first.tables[3]).not.toBe(first.tables[0]);
    // The 3 points on the ledger count as 3 whatever the rate; the record's hours are not read.
    const b = first.rowOf('res-b')!;
    expect(first.tables[0]!.facts.row(b)['ledger:volunteerService']).toBe(3);
    expect(first.tables[0]!.facts.row(b).volunteerHours).toBeUndefined();
    expect(first.tables[0]!.facts.row(b).residenceRegistrationDate).toBe('2021-05-01');

    const again = await cache.facts(db.client, '2026-06-30', [published]);
    expect(again).toMatchObject({ fromCache: true, revision: first.revision });
    expect(again.tables[0]).toBe(first.tables[0]);
    // Points lapse after their term: another date is another table.
    const later = await cache.facts(db.client, '2028-06-30', [published]);
    expect(later.fromCache).toBe(false);
    expect(later.tables[0]!.facts.row(b)['ledger:volunteerService']).toBe(0);
  });
});
