import { describe, expect, it } from 'vitest';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { population, POPULATION_AS_OF } from '../../../../test/support/data/population';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluationNumbers, populationNumbers } from '../../../../test/support/data/score-numbers';
import { evaluateReference } from '../scoring/reference-evaluator';
import type { Facts, ResolvedRuleSet } from '../scoring/types';
import { evaluateCompiled } from './evaluate-compiled';
import { scorePopulation } from './population';

const shipped = loadShippedRuleSets();

/** Both modes of the compiled evaluator against json-rules-engine, resident by resident. */
async function compare(rs: ResolvedRuleSet, residents: readonly { id: string; facts: Facts }[], asOf: string): Promise<number> {
  const fast = scorePopulation(rs, residents, asOf, { indicators: true });
  // json-rules-engine on its own copy: results one engine remembered (remembered-results.ts) must not
  // stand in for the other's.
  const apart = structuredClone(rs);
  let eligible = 0;
  for (const [r, { id, facts }] of residents.entries()) {
    const reference = await evaluateReference(apart, facts, asOf);
    // Every indicator's points and explanation, every group, total and scenario, in one comparison.
    expect(evaluateCompiled(rs, facts, asOf), id).toEqual(reference);
    expect(populationNumbers(fast, r), id).toEqual(evaluationNumbers(reference));
    eligible += reference.scenarios.filter((s) => s.eligible).length;
  }
  return eligible;
}

describe('compiled evaluator against json-rules-engine', () => {
  it('agrees on 10,000 residents of the seeded district population', async () => {
    const district = shipped.get('district-sample@1')!;
    const residents = population(10_000, 20260630);
    const eligible = await compare(district, residents, POPULATION_AS_OF);
    // Only a useful check if the population lands on both sides of the bars.
    expect(eligible).toBeGreaterThan(0);
    expect(eligible).toBeLessThan(residents.length * district.scenarios.length);
  }, 180_000);

  it.each([...shipped.keys()])('agrees on residents drawn at every threshold of %s', async (key) => {
    const rs = shipped.get(key)!;
    await compare(rs, thresholdResidents(1_500, 7, '2026-06-30', rs), '2026-06-30');
  }, 120_000);
});
