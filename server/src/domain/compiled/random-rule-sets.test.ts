import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFacts, arbitraryRuleSet } from '../../../../test/support/data/arbitrary-rule-set';
import { evaluationNumbers, populationNumbers } from '../../../../test/support/data/score-numbers';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';
import { evaluateReference } from '../scoring/reference-evaluator';
import { evaluateCompiled } from './evaluate-compiled';
import { scorePopulation } from './population';

const ASOF = '2026-06-30';

describe('compiled evaluator on random rule sets', () => {
  it('answers every resident exactly as json-rules-engine, in both modes', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRuleSet, fc.array(arbitraryFacts, { minLength: 1, maxLength: 12 }), async (rs, residents) => {
        // Repeated residents make lookup tables pay for the fast mode, so both of its paths run.
        const population = Array.from({ length: 16 }, () => residents).flat().map((facts, i) => ({ id: `r${i}`, facts }));
        const fast = scorePopulation(rs, population, ASOF, { indicators: true });
        const alone = residents.map((facts) => scorePopulation(rs, [{ id: 'one', facts }], ASOF, { indicators: true }));
        // json-rules-engine on its own copy: results one engine remembered (remembered-results.ts) must
        // not stand in for the other's.
        const apart = structuredClone(rs);
        for (const [r, facts] of residents.entries()) {
          const reference = await evaluateReference(apart, facts, ASOF);
          expect(evaluateCompiled(rs, facts, ASOF)).toEqual(reference);
          const numbers = evaluationNumbers(reference);
          expect(populationNumbers(fast, r)).toEqual(numbers);
          expect(populationNumbers(alone[r]!, 0)).toEqual(numbers);
        }
      }),
      { numRuns: 150, seed: PROPERTY_SEED },
    );
  });
});
