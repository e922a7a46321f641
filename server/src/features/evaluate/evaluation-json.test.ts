import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFacts, arbitraryRuleSet } from '../../../../test/support/data/arbitrary-rule-set';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';
import { residentFactory } from '../../../../test/support/data/random-facts';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluateCompiled } from '../../domain/compiled/evaluate-compiled';
import type { Evaluation, Facts, ResolvedRuleSet } from '../../domain/scoring/types';
import { evaluationJson } from './evaluation-json';

const ASOF = '2026-06-30';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every resident's answer bytes read back as exactly `JSON.stringify` of its evaluation; the first that differs is named. */
function expectStringified(rs: ResolvedRuleSet, residents: readonly Facts[], label = rs.id) {
  for (const [r, facts] of residents.entries()) {
    const evaluation = evaluateCompiled(rs, facts, ASOF);
    const text = utf8.decode(evaluationJson(evaluation));
    if (text !== JSON.stringify(evaluation)) expect(text, `${label}, resident ${r}`).toBe(JSON.stringify(evaluation));
  }
}

describe('evaluationJson', () => {
  it('writes the bytes of JSON.stringify, for every shipped rule set and 1,500 residents each, remembered or not', () => {
    for (const [key, rs] of loadShippedRuleSets()) {
      const residents = Array.from({ length: 1_500 }, residentFactory(rs, 7, ASOF));
      // The first pass remembers results, the second reads them.
      expectStringified(rs, residents, key);
      expectStringified(rs, residents, key);
    }
  });

  it('writes the bytes of JSON.stringify on random rule sets, whose titles and tiers hold any text', () => {
    fc.assert(
      fc.property(arbitraryRuleSet, fc.array(arbitraryFacts, { minLength: 1, maxLength: 12 }), (rs, residents) => {
        expectStringified(rs, [...residents, ...residents]);
      }),
      { numRuns: 150, seed: PROPERTY_SEED },
    );
  });

  it('writes an evaluation with nothing remembered, empty lists, and leaves out what is undefined, as JSON.stringify does', () => {
    const rs = loadShippedRuleSets().get('district-sample@2')!;
    const evaluation = { ...evaluateCompiled(rs, {}, ASOF), indicators: [], scenarios: [] };
    expect(utf8.decode(evaluationJson(evaluation))).toBe(JSON.stringify(evaluation));
    const unnamed = { ...evaluation, ruleSetId: undefined, asOf: undefined } as unknown as Evaluation;
    expect(utf8.decode(evaluationJson(unnamed))).toBe(JSON.stringify(unnamed));
  });
});
