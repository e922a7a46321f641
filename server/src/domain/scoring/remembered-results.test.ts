import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFacts, arbitraryRuleSet } from '../../../../test/support/data/arbitrary-rule-set';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';
import { residentFactory } from '../../../../test/support/data/random-facts';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluateCompiled } from '../compiled/evaluate-compiled';
import { REMEMBERED_PER_SLOT, rememberedJson } from './remembered-results';
import type { Facts, ResolvedRuleSet } from './types';

const ASOF = '2026-06-30';

/**
 * Each resident's evaluation from `rs` (whose remembered results earlier residents filled) and from
 * `fresh`, an equal rule set evaluated in the opposite order, are the same: a result remembered under a
 * key that did not decide all of it would show here as two different answers.
 */
function expectSameBothWays(rs: ResolvedRuleSet, fresh: ResolvedRuleSet, residents: readonly Facts[], label = rs.id) {
  const remembered = residents.map((facts) => JSON.stringify(evaluateCompiled(rs, facts, ASOF)));
  const reversed = residents.toReversed().map((facts) => JSON.stringify(evaluateCompiled(fresh, facts, ASOF)));
  const answers = reversed.toReversed();
  // The first resident whose answers differ, alone: thousands of ten-kilobyte answers would bury it.
  const r = remembered.findIndex((answer, i) => answer !== answers[i]);
  expect(r === -1 ? '' : remembered[r], `${label}, resident ${r}`).toBe(r === -1 ? '' : answers[r]);
}

describe('remembered results', () => {
  it('answer every resident as results built afresh would, for every shipped rule set and 1,500 residents each', () => {
    const again = loadShippedRuleSets();
    for (const [key, rs] of loadShippedRuleSets()) {
      expectSameBothWays(rs, again.get(key)!, Array.from({ length: 1_500 }, residentFactory(rs, 2026, ASOF)), key);
    }
  });

  it('answer every resident as results built afresh would, on random rule sets', () => {
    fc.assert(
      fc.property(arbitraryRuleSet, fc.array(arbitraryFacts, { minLength: 1, maxLength: 12 }), (rs, residents) => {
        // Every resident twice: the second time its results are the remembered ones.
        expectSameBothWays(rs, structuredClone(rs), [...residents, ...residents]);
      }),
      { numRuns: 150, seed: PROPERTY_SEED },
    );
  });

  it('tell two tiers apart even when they share their points and one title object', () => {
    const rs = structuredClone(loadShippedRuleSets().get('provincial-common@1')!);
    const education = rs.indicators.find((i) => i.id === 'education')! as { tiers: { id: string; title: unknown; points: number }[] };
    const [first, second] = education.tiers;
    second!.title = first!.title;
    second!.points = first!.points;
    const tierOf = (facts: Facts) => evaluateCompiled(rs, facts, ASOF).indicators.find((i) => i.id === 'education')!.reason;
    const bachelor = tierOf({ education: 'bachelor' });
    const associate = tierOf({ education: 'associate' });
    expect([bachelor, associate].map((r) => (r.code === 'tier' ? r.tier : r.code))).toEqual([first!.id, second!.id]);
  });

  it('are at most REMEMBERED_PER_SLOT per indicator and kind of reason; past that, results are built afresh', () => {
    const rs = loadShippedRuleSets().get('provincial-common@1')!;
    const residence = rs.indicators.findIndex((i) => i.id === 'residence');
    const months = Array.from({ length: 600 }, (_, m) => m);
    const results = months.map((m) => evaluateCompiled(rs, { residenceMonths: m }, ASOF).indicators[residence]!);
    const remembered = new Set(results.filter((r) => rememberedJson(r) !== undefined));
    expect(remembered.size).toBe(REMEMBERED_PER_SLOT);
    // Past the bound each is its own, and says its own months.
    expect(rememberedJson(results[599]!)).toBeUndefined();
    expect(results[599]!.explanation).toMatch(/^599 months/);
  });

  it('are shared between residents, frozen so that no caller can change another resident’s answer, with their JSON', () => {
    const rs = loadShippedRuleSets().get('district-sample@2')!;
    const facts = { education: 'bachelor', socialInsuranceMonths: 24 };
    const first = evaluateCompiled(rs, facts, ASOF);
    const second = evaluateCompiled(rs, { ...facts, residenceMonths: 12 }, ASOF);
    const education = first.indicators.find((i) => i.id === 'education')!;
    expect(second.indicators.find((i) => i.id === 'education')).toBe(education);
    expect(education.explanationZh).toBe('符合档次：本科（学士）及以上');
    expect(new TextDecoder().decode(rememberedJson(education))).toBe(JSON.stringify(education));
    expect(() => {
      education.points = 99;
    }).toThrow(TypeError);
    expect(() => {
      (education.reason as { points: number }).points = 99;
    }).toThrow(TypeError);
    expect(evaluateCompiled(rs, facts, ASOF).indicators.find((i) => i.id === 'education')!.points).toBe(education.points);
  });
});
