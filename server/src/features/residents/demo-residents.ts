import type { Client, InValue } from '@libsql/client';
import { demoPopulation, type DemoResident } from '../../domain/residents/demo-population';
import { storedScores } from '../../domain/residents/score-summary';
import { localDate } from '../../domain/local-date';
import { scoringFacts } from '../../domain/residents/scoring-facts';
import type { FactRecord } from '../../domain/residents/types';
import { toHundredths } from '../../domain/points';
import { insertRows } from '../../platform/db/bulk-insert';
import { createLibsqlResidentRepository } from './residents-repository';
import { inTransaction } from '../../platform/db/database';
import { resolveFor } from './residents-scoring';
import type { RuleSetResolver } from '../rule-sets';

/** What seeding the demo population did. */
export interface DemoSeedReport {
  /** False when the database already had residents (nothing was written). */
  seeded: boolean;
  residents: number;
  children: number;
  facts: number;
  ledgerEntries: number;
  /** Wall-clock milliseconds, generation and scoring included. */
  ms: number;
}

/** Population size of `npm start`'s demo data. */
export const DEMO_RESIDENTS = 20_000;

const SEEDED_AT = '2025-12-31T16:00:00.000Z';

/**
 * Seeds the deterministic demo population (`demoPopulation`) into an empty resident table — residents,
 * spouses, children, fact histories from feeds, ledgers — and stores every resident's score with the
 * rule set in force today, all in one write transaction with batched inserts. Does nothing when residents
 * exist already, so it is safe at every start.
 *
 * @example
 * const report = await seedDemoResidents(client, { resolver, now: new Date() }); // { seeded: true, residents: 20000, ms: 2400, … }
 */
export async function seedDemoResidents(
  client: Client,
  options: { resolver: RuleSetResolver; now: Date; count?: number },
): Promise<DemoSeedReport> {
  const started = performance.now();
  const asOf = localDate(options.now);
  const rs = await resolveFor(options.resolver, { asOf });
  return inTransaction(client, async (tx) => {
    const existing = Number((await tx.execute('SELECT count(*) AS n FROM residents')).rows[0]?.n ?? 0);
    if (existing > 0) return { seeded: false, residents: existing, children: 0, facts: 0, ledgerEntries: 0, ms: 0 };
    const { residents, children } = demoPopulation(options.count ?? DEMO_RESIDENTS);
    let seq = Number((await tx.execute('SELECT coalesce(max(seq), 0) AS n FROM fact_history')).rows[0]?.n ?? 0);

    await insertRows(tx, 'residents', ['id', 'permit_number', 'name', 'residence_registration_date', 'created_at', 'updated_at'],
      residents.map((r) => [r.id, r.permitNumber, r.name, r.residenceRegistrationDate, SEEDED_AT, SEEDED_AT]));
    for (const part of slices(residents.filter((r) => r.spouseId), 500)) {
      await tx.execute({
        sql: `UPDATE residents SET spouse_id = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${part.map(() => '?').join(', ')})`,
        args: [...part.flatMap((r) => [r.id, r.spouseId!]), ...part.map((r) => r.id)],
      });
    }
    await insertRows(tx, 'children', ['id', 'name', 'birth_date'], children.map((c) => [c.id, c.name, c.birthDate]));
    await insertRows(tx, 'child_parents', ['child_id', 'resident_id'], children.flatMap((c) => c.parentIds.map((p) => [c.id, p])));

    const history: InValue[][] = [];
    const current = new Map<string, Record<string, FactRecord>>();
    for (const r of residents) {
      const facts: Record<string, FactRecord> = {};
      r.history.forEach((h, k) => {
        seq += 1;
        const evidence = `demo-${r.id}-${k}`;
        history.push([seq, r.id, h.fact, JSON.stringify(h.value), 'feed', h.source, h.at, evidence]);
        facts[h.fact] = { seq, fact: h.fact, value: h.value, provenance: { kind: 'feed', source: h.source, at: h.at, evidence } };
      });
      current.set(r.id, facts);
    }
    // Building the index once after the rows are in is much cheaper than keeping it up to date row by row.
    await tx.execute('DROP INDEX fact_history_by_resident');
    await insertRows(tx, 'fact_history', ['seq', 'resident_id', 'fact', 'value', 'source_kind', 'source', 'recorded_at', 'evidence'], history);
    await tx.execute('CREATE INDEX fact_history_by_resident ON fact_history (resident_id, fact, seq)');
    await tx.execute('INSERT INTO resident_facts (resident_id, fact, seq) SELECT resident_id, fact, max(seq) FROM fact_history GROUP BY resident_id, fact');

    const ledger = residents.flatMap((r) =>
      r.ledger.map((e, k) => [`led-demo-${r.id.slice(4)}-${k}`, r.id, e.indicator, 'earn', toHundredths(e.points), e.earnedOn, e.ref, null, 'feed', e.source, SEEDED_AT, e.ref]),
    );
    await insertRows(tx, 'ledger_entries', ['id', 'resident_id', 'indicator', 'kind', 'points_hundredths', 'earned_on', 'ref', 'benefit', 'source_kind', 'source', 'recorded_at', 'evidence'], ledger);
    await tx.execute({ sql: 'UPDATE residents SET ledger_revision = 1 WHERE id IN (SELECT DISTINCT resident_id FROM ledger_entries)', args: [] });

    const scoredAt = options.now.toISOString();
    const scores = storedScores(rs, residents.map((r) => ({ id: r.id, facts: factsOf(rs, r, current) })), asOf, scoredAt);
    await createLibsqlResidentRepository(tx).saveScores(scores);

    return { seeded: true, residents: residents.length, children: children.length, facts: history.length, ledgerEntries: ledger.length, ms: Math.round(performance.now() - started) };
  });

  function factsOf(rs: Awaited<ReturnType<typeof resolveFor>>, r: DemoResident, current: Map<string, Record<string, FactRecord>>) {
    const ledger = r.ledger.map((e, k) => ({ id: `${r.id}-${k}`, indicator: e.indicator, points: e.points, earnedOn: e.earnedOn, kind: 'earn' as const }));
    return scoringFacts(rs, r, current.get(r.id) ?? {}, ledger, asOf);
  }
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
