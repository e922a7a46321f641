import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSpend, type LedgerEntry } from '../../domain/ledger/ledger';
import type { RuleSet } from '../../domain/rule-set/schema';
import type { CaseResult } from '../../domain/rule-set/run-cases';
import { fromHundredths, toHundredths } from '../../domain/points';
import { residentFactory } from '../../../../test/support/data/random-facts';
import { seededRandom } from '../../domain/seeded-random';
import { acceptActuals, addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';
import { evaluateDraft } from '../drafts';
import { ledgerFacts } from '../../domain/residents/scoring-facts';
import { createLibsqlResidentRepository, evaluateResidents, resolveFor } from '../residents';
import { createRuleSetResolver } from '../rule-sets';
import { planDraftImpact, runDraftImpact } from './draft-impact';
import { createPopulationCache } from './population-cache';

/**
 * Three views of a change always agree (DESIGN.md): for random drafts of district-sample — rates, per,
 * caps and terms of the ledger indicators, points and caps of the other indicators, the district cap —
 * published one after another over a seeded population with ledgers, every resident's score after
 * publishing equals the draft impact's prediction and the draft's preview of that resident.
 */

const TODAY = '2026-06-30';
const RESIDENTS = 160;
const DRAFTS = 12;
/** Every resident is compared with the impact; every 8th also with the draft's preview (one request each). */
const PREVIEW_EVERY = 8;
const DRAFTS_PATH = '/api/v1/rule-sets/district-sample/drafts';
type Env = Awaited<ReturnType<typeof lifecycleApp>>;

/** What a random draft changes, as data fast-check can shrink. */
const changeArbitrary = fc.record({
  ledger: fc.array(
    fc.record({
      indicator: fc.constantFrom('volunteerService', 'bloodDonation'),
      points: fc.constantFrom(0.5, 1, 2, 3, 5),
      per: fc.constantFrom(1, 5, 10, 20),
      cap: fc.integer({ min: 1, max: 40 }),
      termYears: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 2 },
  ),
  rates: fc.array(fc.record({ indicator: fc.constantFrom('employmentDuration', 'tax', 'inventionPatents'), points: fc.constantFrom(0.25, 0.5, 1, 2, 5), cap: fc.integer({ min: 1, max: 40 }) }), { maxLength: 2 }),
  fixed: fc.array(fc.record({ nth: fc.nat(), points: fc.integer({ min: 1, max: 30 }) }), { maxLength: 2 }),
  districtCap: fc.option(fc.integer({ min: 20, max: 200 }), { nil: undefined }),
});
type Change = typeof changeArbitrary extends fc.Arbitrary<infer T> ? T : never;

function applyChange(doc: RuleSet, change: Change): RuleSet {
  const copy = structuredClone(doc);
  const find = (id: string) => copy.indicators.find((i) => i.id === id);
  for (const c of change.ledger) {
    const ind = find(c.indicator);
    if (ind?.kind === 'rate') Object.assign(ind, { points: c.points, per: c.per, cap: Math.max(c.cap, c.points), ledger: { termYears: c.termYears, exchangeable: true } });
  }
  for (const c of change.rates) {
    const ind = find(c.indicator);
    if (ind?.kind === 'rate') Object.assign(ind, { points: c.points, cap: Math.max(c.cap, c.points) });
  }
  const fixed = copy.indicators.filter((i) => i.kind === 'fixed');
  for (const c of change.fixed) {
    const ind = fixed[c.nth % fixed.length];
    if (ind?.kind === 'fixed') ind.points = c.points;
  }
  const district = copy.groups.find((g) => g.id === 'district');
  if (district && change.districtCap !== undefined) district.cap = change.districtCap;
  return copy;
}

/** Residents with random district facts and ledgers: earned lots from 2021 on, and some spent. */
async function seedPopulation(env: Env): Promise<string[]> {
  const repo = createLibsqlResidentRepository(env.client);
  const rs = await resolveFor(createRuleSetResolver(env.ctx.ruleSets), { asOf: TODAY });
  const kept = ledgerFacts(rs);
  const facts = residentFactory(rs, 20261206, TODAY);
  const random = seededRandom(1206);
  const at = '2026-06-01T00:00:00.000Z';
  const ids: string[] = [];
  for (let r = 0; r < RESIDENTS; r++) {
    const id = `res-${String(r + 1).padStart(6, '0')}`;
    ids.push(id);
    const { residenceRegistrationDate, ...rest } = facts();
    await repo.createResident({ id, permitNumber: `3301061990${String(r).padStart(8, '0')}`, name: `居民${r}`, ...(typeof residenceRegistrationDate === 'string' ? { residenceRegistrationDate } : {}) }, at);
    const changes = Object.entries(rest).filter(([fact]) => !kept.has(fact)).map(([fact, value]) => ({ fact, value }));
    if (changes.length > 0) await repo.appendFacts(id, changes, { kind: 'feed', source: 'test', at });
    const entries: LedgerEntry[] = [];
    for (const indicator of ['volunteerService', 'bloodDonation']) {
      const lots = Math.floor(random() * 4);
      for (let k = 0; k < lots; k++) {
        const year = 2021 + Math.floor(random() * 6);
        const earnedOn = `${year}-${String(1 + Math.floor(random() * (year === 2026 ? 6 : 12))).padStart(2, '0')}-15`;
        const points = fromHundredths(50 + Math.floor(random() * 800));
        entries.push((await repo.appendLedgerEntry(id, { indicator, kind: 'earn', points, earnedOn, provenance: { kind: 'feed', source: 'test', at } })));
      }
      if (lots > 0 && random() < 0.4) {
        const cost = fromHundredths(100 + Math.floor(random() * 300));
        try {
          planSpend(entries, indicator, 3, cost, '2026-01-10');
          await repo.appendLedgerEntry(id, { indicator, kind: 'spend', points: cost, earnedOn: '2026-01-10', ref: 'benefit:test', provenance: { kind: 'office', source: 'test', at } });
        } catch {
          // Not enough valid points on that day: no spend.
        }
      }
    }
  }
  return ids;
}

describe('a draft\'s preview, its impact and the score after publishing agree for every resident', () => {
  let env: Env;
  let zhang: Browser;
  let li: Browser;
  let ids: string[];
  beforeAll(async () => {
    env = await lifecycleApp();
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const approver = await addStaff(env.ctx, 'li', ['approver']);
    zhang = await signIn(env.app, 'zhang', editor.password);
    li = await signIn(env.app, 'li', approver.password);
    ids = await seedPopulation(env);
  });
  afterAll(() => env.cleanup());

  it(`publishes ${DRAFTS} random drafts over ${RESIDENTS} residents with ledgers: 0 differ`, async () => {
    const population = createPopulationCache();
    const repo = createLibsqlResidentRepository(env.client);
    const resolver = createRuleSetResolver(env.ctx.ruleSets);
    const differ: string[] = [];
    let ledgerMoves = 0;

    await fc.assert(
      fc.asyncProperty(changeArbitrary, async (change) => {
        const created = await zhang.call('POST', DRAFTS_PATH, { body: {} });
        const draft = (await created.json()) as { id: string; document: RuleSet };
        const save = async (document: RuleSet, etag: string) => {
          const res = await zhang.call('PUT', `${DRAFTS_PATH}/${draft.id}`, { body: { document }, headers: { 'if-match': etag } });
          if (res.status !== 200) throw new Error(`save answered ${res.status}: ${await res.text()}`);
          return { body: (await res.json()) as { document: RuleSet; cases: { results: CaseResult[] } }, etag: res.headers.get('etag')! };
        };
        const first = await save(applyChange(draft.document, change), created.headers.get('etag')!);
        const accepted = await save(acceptActuals(first.body.document, first.body.cases.results), first.etag);
        expect((await zhang.call('POST', `${DRAFTS_PATH}/${draft.id}/submit`, { body: { note: 'random weights' }, headers: { 'if-match': accepted.etag } })).status).toBe(200);

        // Before publishing: the impact's prediction, resident by resident, and the preview of each.
        const predicted = new Map<string, number>();
        const plan = await planDraftImpact(env.ctx, 'district-sample', draft.id, { asOf: TODAY });
        const run = runDraftImpact(env.ctx, population, plan, {
          totals: (order, start, n, before, after) => {
            for (let i = 0; i < n; i++) {
              predicted.set(order[start + i]!, after[i]!);
              if (after[i] !== before[i]) ledgerMoves++;
            }
          },
        });
        for (let step = await run.next(); !step.done; step = await run.next());
        const previews = new Map<string, number>();
        for (const id of ids.filter((_, i) => i % PREVIEW_EVERY === 0)) {
          previews.set(id, (await evaluateDraft(env.ctx, 'district-sample', draft.id, { asOf: TODAY, residentId: id })).total);
        }

        const approved = await li.call('POST', `${DRAFTS_PATH}/${draft.id}/approve`, { body: { effectiveFrom: TODAY } });
        expect(approved.status).toBe(201);
        const rs = await resolveFor(resolver, { asOf: TODAY });
        expect(rs.version).toBe(plan.draft.document.version);

        for (const { id, evaluation } of await evaluateResidents(repo, rs, ids, TODAY)) {
          const real = toHundredths(evaluation.total);
          const preview = previews.get(id);
          if (predicted.get(id) !== real || (preview !== undefined && toHundredths(preview) !== real)) {
            differ.push(`${id} v${rs.version}: real ${evaluation.total}, impact ${fromHundredths(predicted.get(id) ?? NaN)}, preview ${preview}`);
          }
        }
      }),
      { seed: 20261206, numRuns: DRAFTS, endOnFailure: true },
    );
    expect(differ).toEqual([]);
    // The drafts did move residents: the comparison is not between unchanged scores.
    expect(ledgerMoves).toBeGreaterThan(RESIDENTS);
  }, 600_000);
});
