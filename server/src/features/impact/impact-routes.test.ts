import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../domain/rule-set/schema';
import type { FactValue } from '../../domain/scoring/types';
import type { DraftImpactView } from './draft-impact';
import { insertRows } from '../../platform/db/bulk-insert';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlResidentRepository } from '../residents/residents-repository';
import { createLibsqlRoundRepository } from '../rounds/rounds-repository';
import { addResident } from '../../../../test/support/data/round-residents';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';
import { draftImpactSchema, impactLineSchema } from './impact-schemas';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

/**
 * A small population counted by hand (district-sample 1; nobody has provincial facts, so only district
 * indicators score). 文化旅游 (culture-tourism) needs app registration and 30 points of registration (10 when
 * verified), 见义勇为 (10) and volunteering, among others:
 * - 5 "brave" residents: registered and verified, good Samaritans — 20 points, below the bar; registered
 *   as residents one year apart (an earlier registration ranks first among equal scores);
 * - 3 "verified" residents: registered and verified only — 10 points;
 * - 4 "unregistered" good Samaritans — 10 points, not eligible without registration;
 * - 2 "volunteers" with 3 social-service points on the ledger — 3 points;
 * - 1,500 residents with no facts at all.
 */
const BRAVE = ids('brave', 5);
const VERIFIED = ids('verified', 3);
const UNREGISTERED = ids('unreg', 4);
const VOLUNTEERS = ids('vol', 2);
const FILLER = 1_500;
const RESIDENTS = BRAVE.length + VERIFIED.length + UNREGISTERED.length + VOLUNTEERS.length + FILLER;

function ids(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `res-${prefix}-${i + 1}`);
}

/** A permit number per resident, to check that none is ever answered. */
const permits = new Map<string, string>();

async function seedPopulation(env: Env): Promise<void> {
  const people: [string[], Record<string, boolean>][] = [
    [BRAVE, { appRegistered: true, profileVerified: true, goodSamaritan: true }],
    [VERIFIED, { appRegistered: true, profileVerified: true }],
    [UNREGISTERED, { goodSamaritan: true }],
    [VOLUNTEERS, {}],
  ];
  await inTransaction(env.client, async (tx) => {
    const repo = createLibsqlResidentRepository(tx);
    let n = 0;
    for (const [group, facts] of people) {
      for (const id of group) {
        const permit = `33010619900101${String(++n).padStart(4, '0')}`;
        permits.set(id, permit);
        const extra: Record<string, FactValue> = group === VOLUNTEERS ? { volunteerHours: 30 } : group === BRAVE ? { residenceRegistrationDate: `${2018 + n}-03-01` } : {};
        await addResident(repo, id, `张小${n}`, { ...facts, ...extra }, permit);
      }
    }
    const at = '2025-08-01T00:00:00.000Z';
    await insertRows(tx, 'residents', ['id', 'permit_number', 'name', 'created_at', 'updated_at'],
      Array.from({ length: FILLER }, (_, i) => [`res-filler-${String(i).padStart(5, '0')}`, `3301061980${String(i).padStart(8, '0')}`, '李四', at, at]));
  });
}

function withIndicator(doc: RuleSet, id: string, change: (indicator: Record<string, unknown>) => void): RuleSet {
  const copy = structuredClone(doc);
  const indicator = copy.indicators.find((i) => i.id === id);
  if (!indicator) throw new Error(`no indicator ${id}`);
  change(indicator as unknown as Record<string, unknown>);
  return copy;
}

describe('POST /rule-sets/{id}/drafts/{draftId}/impact', () => {
  let env: Env;
  let zhang: Browser;
  let auditor: Browser;
  let reviewer: Browser;

  beforeEach(async () => {
    env = await lifecycleApp(); // 2026-06-30 10:00 China time
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const audit = await addStaff(env.ctx, 'wang', ['auditor']);
    const review = await addStaff(env.ctx, 'zhao', ['reviewer']);
    zhang = await signIn(env.app, 'zhang', editor.password);
    auditor = await signIn(env.app, 'wang', audit.password);
    reviewer = await signIn(env.app, 'zhao', review.password);
    await seedPopulation(env);
  });
  afterEach(() => env.cleanup());

  /** A saved draft of district-sample with one indicator changed. */
  async function draftWith(id: string, change: (indicator: Record<string, unknown>) => void): Promise<string> {
    const created = await zhang.call('POST', DRAFTS, { body: {} });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { id: string; document: RuleSet };
    const saved = await zhang.call('PUT', `${DRAFTS}/${draft.id}`, {
      body: { document: withIndicator(draft.document, id, change) },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    return draft.id;
  }

  const impact = (who: Browser, draftId: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    who.call('POST', `${DRAFTS}/${draftId}/impact`, { body, headers });

  it('moves exactly the residents who have the raised indicator, and counts who gains eligibility', async () => {
    const draftId = await draftWith('goodSamaritan', (i) => (i.points = 20));
    const res = await impact(auditor, draftId, { movers: 20 });
    expect(res.status).toBe(200);
    const body = draftImpactSchema.parse(await res.json());

    expect(body).toMatchObject({ ruleSetId: 'district-sample', draftId, version: 3, against: 2, asOf: '2026-06-30', residents: RESIDENTS });
    // Every good Samaritan moves up by the 10 points of the raise; nobody else moves.
    expect(body.movers.up.map((m) => m.id).sort()).toEqual([...BRAVE, ...UNREGISTERED].sort());
    expect(body.movers.up.every((m) => m.change === 10 && m.after === m.before + 10)).toBe(true);
    expect(body.movers.up.find((m) => m.id === BRAVE[0])).toMatchObject({ before: 20, after: 30, name: '张*1' });
    expect(body.movers.down).toEqual([]);
    expect(body.totals).toMatchObject({ up: 9, down: 0, unchanged: RESIDENTS - 9 });
    expect(body.totals.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(9);
    expect(body.totals.histogram.find((bin) => bin.from <= 10 && 10 < bin.to)?.count).toBe(9);

    // 文化旅游: the 5 brave residents reach the bar of 30; the unregistered ones stay ineligible; nobody loses.
    const culture = body.scenarios.find((s) => s.id === 'culture-tourism');
    expect(culture).toMatchObject({ status: 'kept', eligibleBefore: 0, eligibleAfter: 5, gained: 5, lost: 0 });
    for (const s of body.scenarios.filter((x) => x.id !== 'culture-tourism')) expect([s.id, s.gained, s.lost]).toEqual([s.id, 0, 0]);

    // No permit number, whole or masked, and no full name in the answer.
    const text = JSON.stringify(body);
    for (const permit of permits.values()) expect(text).not.toContain(permit);
    expect(text).not.toMatch(/\d{4}\*+\d{4}/);
    expect(text).not.toMatch(/张小\d/);
  });

  it('reads the facts as each version does: a new ledger rate leaves the points already earned as they are', async () => {
    // 1 point per 5 hours instead of per 10: the volunteers' 3 points on the ledger stay 3 points.
    const draftId = await draftWith('volunteerService', (i) => (i.per = 5));
    const body = draftImpactSchema.parse(await (await impact(zhang, draftId)).json());
    expect(body.totals).toMatchObject({ up: 0, down: 0, unchanged: RESIDENTS });
  });

  it('streams progress lines and then the result when the caller accepts NDJSON', async () => {
    const draftId = await draftWith('goodSamaritan', (i) => (i.points = 20));
    const res = await impact(zhang, draftId, {}, { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).trimEnd().split('\n').map((l) => impactLineSchema.parse(JSON.parse(l)));
    const result = lines.at(-1)!;
    const progress = lines.slice(0, -1);
    expect(result.type).toBe('result');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((l) => l.type === 'progress' && l.total === RESIDENTS)).toBe(true);
    const done = progress.map((l) => (l.type === 'progress' ? l.done : -1));
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(RESIDENTS);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    if (result.type === 'result') expect(result.totals.up).toBe(9);
  });

  it('keeps the population in memory until a resident\'s facts change', async () => {
    const draftId = await draftWith('goodSamaritan', (i) => (i.points = 20));
    const run = async () => draftImpactSchema.parse(await (await impact(zhang, draftId)).json());
    const first = await run();
    const second = await run();
    expect(first.population.fromCache).toBe(false);
    expect(second.population).toEqual({ revision: first.population.revision, fromCache: true });

    // A verified resident is recognised as a good Samaritan: the next run reads the population again.
    await createLibsqlResidentRepository(env.client).appendFacts(VERIFIED[0]!, [{ fact: 'goodSamaritan', value: true }], {
      kind: 'reviewer', source: 'zhao', at: '2026-06-30T02:30:00.000Z',
    });
    const third = await run();
    expect(third.population.fromCache).toBe(false);
    expect(third.population.revision).not.toBe(first.population.revision);
    expect(third.totals.up).toBe(10);
    expect(third.movers.up.map((m) => m.id)).toContain(VERIFIED[0]);
  });

  it('shows how the open round of a scenario would be re-ranked', async () => {
    const rounds = createLibsqlRoundRepository(env.client);
    const round = await rounds.insertRound({
      ruleSetId: 'district-sample', scenarioId: 'culture-tourism', department: '区文化和广电旅游体育局', title: { zh: '文化旅游', en: 'Culture' },
      places: 3, childRelated: false, opensOn: '2026-06-01', closesOn: '2026-07-31', status: 'open', createdBy: 'zhao', createdAt: '2026-06-01T00:00:00.000Z', revision: 0,
    });
    for (const residentId of [...BRAVE, ...VERIFIED]) {
      await rounds.insertApplication({ roundId: round.id, residentId, status: 'submitted', submittedAt: '2026-06-02T00:00:00.000Z', submittedBy: residentId });
    }
    const draftId = await draftWith('goodSamaritan', (i) => (i.points = 20));
    const body = draftImpactSchema.parse(await (await impact(zhang, draftId, { scenario: 'culture-tourism' })).json());
    // Before, nobody reaches 30; after, the 5 brave applicants do, and the round's 3 places go to the
    // three registered earliest.
    expect(body.ranking).toMatchObject({
      roundId: round.id, status: 'open', scenario: 'culture-tourism', places: 3, applicants: 8,
      ranked: { before: 0, after: 5 }, admitted: { before: 0, after: 3 }, noLongerAdmitted: { count: 0, first: [] },
    });
    expect(body.ranking!.newlyAdmitted.count).toBe(3);
    expect(body.ranking!.newlyAdmitted.first.map((a) => [a.residentId, a.name])).toEqual([[BRAVE[0], '张*1'], [BRAVE[1], '张*2'], [BRAVE[2], '张*3']]);
    expect(body.ranking!.biggest.map((p) => [p.residentId, p.before, p.after])).toEqual(BRAVE.map((id, i) => [id, null, i + 1]));
  });

  it('refuses an unknown draft (404), a scenario without a round (409), a bad date or scenario (422), and other roles (403)', async () => {
    const draftId = await draftWith('goodSamaritan', (i) => (i.points = 20));
    const unknown = await impact(zhang, 'nosuchdraft');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.fields).toEqual([{ path: 'draftId', message: 'no such draft', messageZh: '没有这份草稿' }]);

    const noRound = await impact(zhang, draftId, { scenario: 'school-enrollment' });
    expect(noRound.status).toBe(409);
    expect((await noRound.json()).error).toMatchObject({ code: 'conflict', fields: [{ path: 'scenario' }] });

    const badScenario = await impact(zhang, draftId, { scenario: 'no-such-scenario' });
    expect(badScenario.status).toBe(422);
    expect((await badScenario.json()).error.fields).toEqual([{ path: 'scenario', message: 'no such scenario', messageZh: '没有这个场景' }]);

    const badDate = await impact(zhang, draftId, { asOf: '2026-02-30' }, { accept: 'application/x-ndjson' });
    expect(badDate.status).toBe(422);
    expect((await badDate.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(['asOf']);

    expect((await impact(zhang, draftId, { movers: 101 })).status).toBe(422);
    expect((await impact(zhang, draftId, { against: 9 })).status).toBe(404);
    expect((await impact(reviewer, draftId)).status).toBe(403);
  });

  it('is described in the OpenAPI document with its request, its answer and the stream\'s lines', async () => {
    const doc = await (await env.app.request('/api/v1/openapi.json')).json();
    const op = doc.paths['/api/v1/rule-sets/{id}/drafts/{draftId}/impact'].post;
    expect(op.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ImpactRequest');
    expect(Object.keys(op.responses['200'].content)).toEqual(['application/json', 'application/x-ndjson']);
    expect(doc.components.schemas.DraftImpact.properties.movers).toBeDefined();
    expect(doc.components.schemas.ImpactLine).toBeDefined();
  });
});
