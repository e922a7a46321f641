import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentDatabase } from '../../../../test/support/databases/resident-db';
import { verifyAuditLog } from '../../platform/db/audit-log';
import { seedDemoResidents } from '../residents/demo-residents';
import { seedDemoRounds, type DemoRoundsReport } from './demo-rounds';
import { publicRound, roundSummary } from './round-queries';

let db: Awaited<ReturnType<typeof residentDatabase>>;
let report: DemoRoundsReport;
const now = new Date('2026-03-16T02:00:00Z');

beforeAll(async () => {
  db = await residentDatabase();
  expect(await seedDemoRounds(db.client, { resolver: db.resolver, now })).toMatchObject({ seeded: false });
  await seedDemoResidents(db.client, { resolver: db.resolver, now, count: 2_000 });
  report = await seedDemoRounds(db.client, { resolver: db.resolver, now });
});
afterAll(() => db.cleanup());

describe('demo rounds', () => {
  it('publishes a child-related round with a re-ranking after an upheld objection and one objection still open', async () => {
    expect(report.seeded).toBe(true);
    const notice = await publicRound({ client: db.client, resolver: db.resolver }, report.published!);
    expect(notice.round).toMatchObject({ scenarioId: 'school-enrollment', status: 'published', revision: 2, version: 2 });
    expect(notice.round.publishedOn! <= '2026-03-16' && notice.round.publicationEndsOn! >= '2026-03-16').toBe(true);
    expect(notice.entries.filter((e) => e.admitted).length).toBeGreaterThanOrEqual(60);
    expect(notice.entries.some((e) => e.spouseCounted)).toBe(true);
    expect(notice.entries.some((e) => e.previousPosition !== undefined && e.previousPosition !== e.position)).toBe(true);
    expect(notice.objections).toEqual({ filed: 2, open: 1, upheld: 1, dismissed: 0 });
  });

  it('leaves a round open for applications, partly reviewed, and seeds only once', async () => {
    const open = await roundSummary({ client: db.client, resolver: db.resolver }, report.open!, now);
    expect(open).toMatchObject({ scenarioId: 'healthcare', status: 'open', applications: { submitted: 40, accepted: 40, rejected: 0 } });
    expect(open.opensOn <= '2026-03-16' && open.closesOn > '2026-03-16').toBe(true);
    expect(await seedDemoRounds(db.client, { resolver: db.resolver, now })).toMatchObject({ seeded: false });
    expect(await verifyAuditLog(db.client)).toMatchObject({ ok: true });
  });
});
