import { describe, expect, it } from 'vitest';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { smallRuleSet } from '../../../../test/support/data/small-rule-set';
import { resolveRuleSet } from '../rule-set/resolve';
import { evaluateReference } from '../scoring/reference-evaluator';
import { draftImpact, draftImpactSteps } from './impact';
import { residentTable } from './population';
import { histogram } from './impact-stats';
import type { Resident } from './population';

const ASOF = '2026-06-30';

// Totals by hand (tiers + 0.5/month + volunteer 4 → 10 + member 1 by default):
// r1 10+10+4+1 = 25 → 31; r2 5+15+1 = 21; r3 5+5+4+1 = 15 → 21; r4 1; r5 4+1 = 5 → 11.
const residents: Resident[] = [
  { id: 'r1', facts: { degree: 'ba', months: 20, volunteer: true, registered: '2021-01-01' } },
  { id: 'r2', facts: { degree: 'hs', months: 30, registered: '2020-05-01' } },
  { id: 'r3', facts: { degree: 'hs', months: 10, volunteer: true, registered: '2019-01-01' } },
  { id: 'r4', facts: {} },
  { id: 'r5', facts: { volunteer: true } },
];

describe('draft impact', () => {
  const published = smallRuleSet();
  const draft = smallRuleSet({ volunteerPoints: 10, version: 2 });

  it('moves exactly the residents who have the raised indicator, by the raise', () => {
    const impact = draftImpact(published, draft, residents, ASOF);
    expect(impact.totals).toMatchObject({ up: 3, down: 0, unchanged: 2, meanChange: (3 * 6) / 5 });
    expect(impact.movers.up).toEqual([
      { id: 'r1', before: 25, after: 31, change: 6 },
      { id: 'r3', before: 15, after: 21, change: 6 },
      { id: 'r5', before: 5, after: 11, change: 6 },
    ]);
    expect(impact.movers.down).toEqual([]);
    expect(impact.totals.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(3);
    expect(impact.totals.histogram.find((bin) => bin.from <= 6 && 6 < bin.to)?.count).toBe(3);
    // r3 reaches the bar of 20; nobody falls below it.
    expect(impact.scenarios).toEqual([
      { id: 'grant', title: { zh: 'Grant', en: 'Grant' }, status: 'kept', eligibleBefore: 2, eligibleAfter: 3, gained: 1, lost: 0 },
    ]);
  });

  it('shows how a round would be re-ranked', () => {
    const applicants = residents.map((r) => ({ id: r.id, facts: r.facts }));
    const { ranking } = draftImpact(published, draft, residents, ASOF, { round: { scenario: 'grant', applicants } });
    // Before: r1 25, r2 21 take the 2 places. After: r1 31, then r2 and r3 on 21, r3 registered earlier.
    expect(ranking).toMatchObject({
      ranked: { before: 2, after: 3 },
      admitted: { before: 2, after: 2 },
      newlyAdmitted: ['r3'],
      noLongerAdmitted: ['r2'],
      moved: { up: 0, down: 1, same: 1 },
    });
    expect(ranking?.biggest).toEqual([
      { id: 'r3', before: null, after: 2 },
      { id: 'r2', before: 2, after: 3 },
    ]);
  });

  it('lists the biggest movers both ways, limited', () => {
    const lowered = smallRuleSet({ volunteerPoints: 1, version: 2 });
    const impact = draftImpact(published, lowered, residents, ASOF, { movers: 2 });
    expect(impact.movers.down.map((m) => [m.id, m.change])).toEqual([['r1', -3], ['r3', -3]]);
    expect(impact.scenarios[0]).toMatchObject({ eligibleBefore: 2, eligibleAfter: 2, gained: 0, lost: 0 });
  });

  it('goes step by step when asked, with the same answer', () => {
    const steps = draftImpactSteps(published, draft, residents, ASOF, { progressEvery: 1 });
    const seen: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) seen.push(step.value.done);
    // Five residents fit one batch: one report, at the end.
    expect(seen).toEqual([5]);
    expect(step.value).toEqual(draftImpact(published, draft, residents, ASOF));
  });

  it('scores the draft on its own reading of the facts, and ranks a round with its own places', () => {
    // The draft reads r2 with volunteering (say, a ledger balance at another rate): only r2 moves.
    const afterResidents = residentTable(residents.map((r) => (r.id === 'r2' ? { id: r.id, facts: { ...r.facts, volunteer: true } } : r)));
    const impact = draftImpact(published, published, residents, ASOF, { afterResidents });
    expect(impact.movers.up).toEqual([{ id: 'r2', before: 21, after: 25, change: 4 }]);
    const applicants = residents.map((r) => ({ id: r.id, facts: r.facts }));
    const { ranking } = draftImpact(published, draft, residents, ASOF, { round: { scenario: 'grant', applicants, places: 1 } });
    expect(ranking?.admitted).toEqual({ before: 1, after: 1 });
    expect(() => draftImpact(published, draft, residents, ASOF, { afterResidents: residentTable(residents.slice(1)) })).toThrow(/cover 4 residents, not 5/);
  });

  it('counts a scenario only one side has as nobody eligible on the other', () => {
    const without = resolveRuleSet({ ...draft.root, scenarios: [] }, []);
    expect(draftImpact(published, without, residents, ASOF).scenarios[0]).toMatchObject({ status: 'removed', eligibleBefore: 2, eligibleAfter: 0, lost: 2 });
  });

  it('agrees with json-rules-engine on the district set, and reports progress', async () => {
    const district = loadShippedRuleSets().get('district-sample@1')!;
    const root = structuredClone(district.root);
    const samaritan = root.indicators.find((i) => i.id === 'goodSamaritan');
    if (samaritan?.kind !== 'fixed') throw new Error('the district set has a fixed goodSamaritan indicator');
    samaritan.points += 5;
    const raised = resolveRuleSet(root, [loadShippedRuleSets().get('provincial-common@1')!.root]);
    const people = thresholdResidents(1_200, 11, ASOF, district);
    const progress: number[] = [];
    const impact = draftImpact(district, raised, people, ASOF, { progressEvery: 400, onProgress: ({ done }) => progress.push(done) });
    // Reported as batches of 512 cross each multiple of 400, then at the end.
    expect(progress).toEqual([512, 1024, 1200]);

    let moved = 0;
    const gained = new Map<string, number>();
    for (const { facts } of people) {
      const [x, y] = await Promise.all([evaluateReference(district, facts, ASOF), evaluateReference(raised, facts, ASOF)]);
      const had = (x.indicators.find((i) => i.id === 'goodSamaritan')?.points ?? 0) > 0;
      const room = x.groups.find((g) => g.id === 'district')!;
      // Only residents with the indicator move, and only while the district cap leaves room.
      expect(y.total !== x.total).toBe(had && room.positive < room.cap);
      if (y.total !== x.total) moved++;
      x.scenarios.forEach((s, k) => {
        if (!s.eligible && y.scenarios[k]!.eligible) gained.set(s.id, (gained.get(s.id) ?? 0) + 1);
      });
    }
    expect(moved).toBeGreaterThan(0);
    expect(impact.totals.up).toBe(moved);
    expect(impact.totals.down).toBe(0);
    for (const s of impact.scenarios) expect(s.gained, s.id).toBe(gained.get(s.id) ?? 0);
  });
});

describe('histogram of changes', () => {
  it('uses round bar widths, leaves the unchanged out and keeps every count', () => {
    const bins = histogram(new Map([[0, 40], [250, 3], [-100, 1], [1, 2]]), 10);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(bins[0]).toEqual({ from: -1, to: -0.5, count: 1 });
    expect(bins.at(-1)).toEqual({ from: 2.5, to: 3, count: 3 });
    expect(bins.length).toBeLessThanOrEqual(10);
  });
});
