import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/platform/db/database';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { migrate } from '../../server/src/platform/db/migrations/migrations';
import { createLibsqlResidentRepository } from '../../server/src/features/residents/residents-repository';
import { seedRuleSets } from '../../server/src/features/rule-sets/seed';
import { issueCredential } from '../../server/src/features/credentials/service-credentials';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';
import { runFaults } from './fault-run';
import { checkInvariants } from './invariants';

/**
 * A short fault run (`npm run faults` runs the long one): one SIGKILL in the middle of each workload, a
 * restart on the same file each time, and every check of the long run.
 */
describe('SIGKILL in the middle of writes', () => {
  it('leaves nothing half-written and loses nothing acknowledged: publishing, a feed call, ledger exchanges', async () => {
    const report = await runFaults({ seed: 20_260_701, iterations: 1, feedBatch: 1000 });
    expect(report.problems).toEqual([]);
    expect(report.rows.map((r) => r.workload)).toEqual(['publish', 'feed', 'ledger']);
    for (const row of report.rows) expect(row.outcome).toMatch(/^(committed|rolled back|\d+ of \d+ committed|—)$/);
    // The kills came while the workloads were writing (a response may just beat a kill, so not every time).
    expect(report.rows.filter((r) => !/^(nothing|0 exchanges)/.test(r.inFlight)).length).toBeGreaterThanOrEqual(1);
    expect(report.auditChecks.at(-1)).toMatchObject({ ok: true, output: expect.stringMatching(/^Audit trail intact: \d+ entries/) });
    // Work really happened before the kills: versions published, feed calls and spends recorded.
    expect(report.counts.versions).toBeGreaterThanOrEqual(1);
    expect(report.counts.feedCalls).toBeGreaterThanOrEqual(2);
    expect(report.counts.spends).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('would notice a change written without its audit entry', async () => {
    const db = tempDatabase();
    const client = db.open();
    try {
      await migrate(client);
      await inTransaction(client, (tx) => seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: RULE_SETS_DIR, now: new Date('2026-01-01T00:00:00Z'), audit: tx }));
      expect((await checkInvariants(client)).problems).toEqual([]);

      const ruleSets = createLibsqlRuleSetRepository(client);
      const shipped = (await ruleSets.getVersion('provincial-common', 2))!.document;
      await ruleSets.insertVersion({ document: { ...shipped, version: 3 }, publishedAt: '2026-01-02T00:00:00Z', publishedBy: 'intruder', note: '' });
      const residents = createLibsqlResidentRepository(client);
      await residents.createResident({ id: 'res-x', permitNumber: '330106199001011234', name: '张三' }, '2026-01-02T00:00:00Z');
      const provenance = { kind: 'office' as const, source: 'intruder', at: '2026-01-02T00:00:00Z' };
      await residents.appendLedgerEntry('res-x', { id: 'led-x', indicator: 'volunteerService', kind: 'spend', points: 10, earnedOn: '2026-01-02', provenance });
      const { credential } = await issueCredential(client, { purpose: 'feed', source: 'hrss', label: 'x', createdBy: 'test', at: '2026-01-02T00:00:00Z' });
      await client.execute({
        sql: `INSERT INTO feed_calls (id, source, credential_id, received_at, records, applied, replayed, failed) VALUES ('feed-x', 'hrss', ?, '2026-01-02T00:00:00Z', 1, 1, 0, 0)`,
        args: [credential.id],
      });

      const { problems } = await checkInvariants(client);
      expect(problems).toEqual(
        expect.arrayContaining([
          'version provincial-common/version:3 has no version-published entry with its hash',
          'version provincial-common/version:3 has no published draft',
          'spend led-x has no ledger-exchanged entry',
          'feed:hrss/feed-x has no feed-applied entry with its count',
          'feed:hrss/feed-x says 1 records applied, 0 are',
        ]),
      );
    } finally {
      db.cleanup();
    }
  });
});
