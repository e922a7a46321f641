import type { Client } from '@libsql/client';
import { addDays } from '../../domain/calendar/day';
import { localDate } from '../../domain/local-date';
import { answerRoundObjection, fileRoundObjection } from './round-objection-steps';
import { applyToRound, closeAndRank, openScenarioRound, publishRanking, reviewApplication } from './round-steps';
import type { RoundActor, RoundDeps } from './round-workflow';
import { createLibsqlRoundRepository } from './rounds-repository';
import type { RuleSetResolver } from '../rule-sets';

/** What seeding the demo rounds did. */
export interface DemoRoundsReport {
  /** False when rounds existed already or there is no population to apply. */
  seeded: boolean;
  /** The published round (public at `/public/rounds/<id>`) and the open one. */
  published?: number;
  open?: number;
  ms: number;
}

const DISTRICT = 'district-sample';
const FAMILIES = 240;
const OPEN_APPLICANTS = 80;

/**
 * Two rounds on top of the demo population, run through the real workflow as the district would have run
 * them, on dates relative to `now` so that a newcomer finds them current:
 * - school enrollment (child-related, 60 places): window 45 to 25 days ago, closed and ranked, published
 *   two days ago; one objection upheld yesterday (the list shows who moved) and one still open;
 * - healthcare: open for applications since a week ago, some accepted, some waiting for review.
 * Every step is audited as `demo` at the time it happened. Does nothing when a round exists or when the
 * database has no residents, so it is safe at every start. Seed the demo residents first.
 *
 * @example
 * await seedDemoResidents(client, { resolver, now }); await seedDemoRounds(client, { resolver, now });
 */
export async function seedDemoRounds(client: Client, options: { resolver: RuleSetResolver; now: Date }): Promise<DemoRoundsReport> {
  const started = performance.now();
  const rounds = createLibsqlRoundRepository(client);
  const residents = Number((await client.execute('SELECT count(*) AS n FROM residents')).rows[0]?.n ?? 0);
  if (residents === 0 || (await rounds.listRounds()).length > 0) return { seeded: false, ms: 0 };

  const deps: RoundDeps = { client, resolver: options.resolver };
  const today = localDate(options.now);
  const on = (date: string, hour = 10): RoundActor => ({ actor: 'demo', departments: ['*'], now: new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`) });

  // School enrollment: one application per child, by the first parent on record.
  const opensOn = addDays(today, -45);
  const closesOn = addDays(today, -25);
  const school = await openScenarioRound(deps, { ruleSetId: DISTRICT, scenarioId: 'school-enrollment', places: 60, opensOn, closesOn }, on(addDays(opensOn, -3)));
  const families = await client.execute({
    sql: 'SELECT child_id, min(resident_id) AS parent FROM child_parents GROUP BY child_id ORDER BY child_id LIMIT ?',
    args: [FAMILIES],
  });
  const applied = [];
  for (const [i, row] of families.rows.entries()) {
    const residentId = String(row.parent);
    applied.push(await applyToRound(deps, school.id, { residentId, childId: String(row.child_id) }, { ...on(addDays(opensOn, i % 20), 9 + (i % 8)), actor: `resident:${residentId}` }));
  }
  for (const [i, a] of applied.entries()) {
    const rejected = i % 15 === 7;
    await reviewApplication(deps, school.id, a.id, rejected ? { outcome: 'rejected', reason: '材料不全：缺少随迁子女在读证明' } : { outcome: 'accepted' }, on(closesOn, 16));
  }
  await closeAndRank(deps, school.id, on(addDays(closesOn, 1)));
  const publishedOn = addDays(today, -2);
  await publishRanking(deps, school.id, on(publishedOn));

  // A family just outside the places objects that social insurance was under-counted, and is right: the
  // correction lifts the parent who counts, and the list shows them moving up.
  const ranking = await rounds.getRanking(school.id);
  const inputs = new Map((await rounds.getRankingInputs(school.id)).map((i) => [i.applicationId, i]));
  const countedParent = (e: (typeof ranking)[number]) => {
    const input = inputs.get(e.applicationId);
    return input?.spouse && e.spouseCounted ? input.spouse : input;
  };
  const insured = (e: (typeof ranking)[number]) => Number(countedParent(e)?.facts.socialInsuranceMonths ?? 0);
  const outside = ranking.filter((e) => e.eligible && !e.admitted);
  const first = outside.find((e) => insured(e) <= 36) ?? outside[0];
  if (first) {
    const objection = await fileRoundObjection(deps, school.id, { residentId: first.residentId, applicationId: first.applicationId, reason: '社保缴费月数漏计24个月（外省转入部分）', evidenceRef: 'SI-DEMO-0001' }, { ...on(publishedOn, 15), actor: `resident:${first.residentId}` });
    const counted = countedParent(first);
    const months = insured(first) + 24;
    await answerRoundObjection(
      deps,
      school.id,
      objection.id,
      { outcome: 'upheld', answer: '经核实，社保缴费月数漏计，已更正并重新排名', correction: { residentId: counted?.residentId ?? first.residentId, facts: { socialInsuranceMonths: months }, evidence: 'SI-DEMO-0001' } },
      on(addDays(today, -1), 11),
    );
  }
  const second = outside.find((e) => e !== first);
  if (second) {
    await fileRoundObjection(deps, school.id, { residentId: second.residentId, applicationId: second.applicationId, reason: '居住登记时间有误，应为更早日期' }, { ...on(addDays(today, -1), 14), actor: `resident:${second.residentId}` });
  }

  // Healthcare: open now; the first applicants are accepted, the latest wait for review.
  const healthOpens = addDays(today, -7);
  const health = await openScenarioRound(deps, { ruleSetId: DISTRICT, scenarioId: 'healthcare', places: 100, opensOn: healthOpens, closesOn: addDays(today, 21) }, on(addDays(healthOpens, -1)));
  const people = await client.execute({ sql: 'SELECT id FROM residents ORDER BY id LIMIT ?', args: [OPEN_APPLICANTS] });
  for (const [i, row] of people.rows.entries()) {
    const residentId = String(row.id);
    const day = addDays(healthOpens, Math.floor((i * 7) / OPEN_APPLICANTS));
    const a = await applyToRound(deps, health.id, { residentId }, { ...on(day, 9 + (i % 8)), actor: `resident:${residentId}` });
    if (i < OPEN_APPLICANTS / 2) await reviewApplication(deps, health.id, a.id, { outcome: 'accepted' }, on(day, 17));
  }
  return { seeded: true, published: school.id, open: health.id, ms: Math.round(performance.now() - started) };
}
