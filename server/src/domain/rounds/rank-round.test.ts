import { describe, expect, it } from 'vitest';
import { population, POPULATION_AS_OF } from '../../../../test/support/data/population';
import { districtFacts } from '../../../../test/support/data/round-facts';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluate } from '../scoring/evaluate';
import { rankRound } from './rank-round';
import { usableFacts } from './subjects';
import type { RankingInput } from './types';

const rs = loadShippedRuleSets().get('district-sample@1')!;
const scenario = (id: string) => rs.scenarios.find((s) => s.id === id)!;
const asOf = '2025-09-30';

const input = (applicationId: number, facts: RankingInput['facts'], spouse?: RankingInput['facts']): RankingInput => ({
  applicationId,
  residentId: `res-${applicationId}`,
  facts,
  ...(spouse ? { spouse: { residentId: `res-${applicationId}-spouse`, facts: spouse } } : {}),
  maskedName: `申*${applicationId}`,
  maskedPermit: '3301**********0000',
});

describe('rankRound', () => {
  it('breaks equal scores by district score, then earlier registration, then social-service points', async () => {
    const a = districtFacts({ volunteerHours: 100, registered: '2019-05-01' }); // district 10 from volunteering
    const b = districtFacts({ insuranceMonths: 40, taxYuan: 40_000, registered: '2020-01-01' }); // district 20
    const c = districtFacts({ volunteerHours: 100, registered: '2018-01-01' });
    const d = districtFacts({ taxYuan: 20_000, registered: '2018-01-01' }); // district 10, no social service
    const e = districtFacts({ volunteerHours: 50 }); // lower score
    // The premise: all but e score the same for the scenario.
    const scores = await Promise.all([a, b, c, d, e].map(async (f) => (await evaluate(rs, f, asOf)).scenarios.find((s) => s.id === 'social-welfare')!.score));
    expect(new Set(scores.slice(0, 4)).size).toBe(1);
    expect(scores[4]).toBeLessThan(scores[0]!);

    const { entries } = await rankRound(rs, scenario('social-welfare'), 2, [input(1, a), input(2, b), input(3, c), input(4, d), input(5, e)], asOf);
    expect(entries.map((x) => x.applicationId)).toEqual([2, 3, 4, 1, 5]);
    expect(entries.map((x) => x.position)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.map((x) => x.admitted)).toEqual([true, true, false, false, false]);
    expect(entries.every((x) => !x.tied)).toBe(true);
  });

  it('counts the higher-scoring parent for a child, never the sum, and the other parent breaks ties', async () => {
    const strong = districtFacts({ volunteerHours: 200 }); // 120
    const weak = districtFacts({ insuranceMonths: 30 }); // 85: ineligible alone (bar 120)
    const middle = districtFacts({ volunteerHours: 100 }); // 110
    const { entries } = await rankRound(
      rs,
      scenario('school-enrollment'),
      10,
      [input(1, weak, strong), input(2, strong, middle), input(3, strong, weak), input(4, weak, middle)],
      asOf,
    );
    expect(entries.map((x) => [x.applicationId, x.position, x.score, x.spouseCounted, x.eligible])).toEqual([
      [2, 1, 120, false, true], // the other parent (110) beats family 1's and 3's (85)
      [1, 2, 120, true, true],
      [3, 2, 120, false, true],
      [4, undefined, 110, true, false], // neither parent reaches the bar: 85 + 110 would, but scores are not added
    ]);
    expect(entries.filter((x) => x.tied).map((x) => x.applicationId)).toEqual([1, 3]);
  });

  it('ignores the spouse outside child-related scenarios', async () => {
    const { entries } = await rankRound(
      rs,
      scenario('social-welfare'),
      10,
      [input(1, districtFacts({ insuranceMonths: 30 }), districtFacts({ volunteerHours: 200 }))],
      asOf,
    );
    expect(entries[0]).toMatchObject({ eligible: false, spouseCounted: false, score: 85 });
  });

  it('marks how applicants moved since the previous ranking', async () => {
    const previous = new Map([[1, 2], [2, 1]]);
    const { entries } = await rankRound(
      rs,
      scenario('social-welfare'),
      10,
      [input(1, districtFacts({ volunteerHours: 200 })), input(2, districtFacts({ volunteerHours: 100 }))],
      asOf,
      { previous },
    );
    expect(entries.map((x) => [x.applicationId, x.position, x.previousPosition])).toEqual([
      [1, 1, 2],
      [2, 2, 1],
    ]);
  });

  it('keeps only the facts a version knows and accepts', () => {
    const facts = { ...districtFacts({}), notAFact: 3, bloodDonations: -4, socialInsuranceMonths: 'ten' };
    expect(usableFacts(rs, facts)).toEqual(Object.fromEntries(Object.entries(districtFacts({})).filter(([k]) => k !== 'socialInsuranceMonths')));
  });

  it('ranks with the compiled fast scorer exactly as with json-rules-engine', async () => {
    const people = population(400, 11);
    const inputs = people.slice(0, 200).map((p, i) => input(i + 1, p.facts, people[200 + i]!.facts));
    for (const id of ['school-enrollment', 'healthcare', 'employment-support']) {
      const fast = await rankRound(rs, scenario(id), 50, inputs, POPULATION_AS_OF);
      const reference = await rankRound(rs, scenario(id), 50, inputs, POPULATION_AS_OF, { engine: 'reference' });
      expect(fast.entries, id).toEqual(reference.entries);
      expect(fast.hash).toBe(reference.hash);
      expect(fast.entries.filter((e) => e.admitted).length, id).toBeGreaterThan(0);
    }
  });
});
