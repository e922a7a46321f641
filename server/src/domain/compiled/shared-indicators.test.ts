import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { resolveRuleSet } from '../rule-set/resolve';
import type { RuleSet } from '../rule-set/schema';
import { factTable } from './facts/fact-table';
import { createBatchScorer } from './scorer';
import { sharedEligibility, sharedIndicators } from './shared-indicators';

const ASOF = '2026-06-30';
const district = loadShippedRuleSets().get('district-sample@1')!;
const provincial = loadShippedRuleSets().get('provincial-common@1')!;

/** The district set with `change` applied to a copy of its document. */
function draftOf(change: (root: RuleSet) => void) {
  const root = structuredClone(district.root);
  change(root);
  return resolveRuleSet(root, [provincial.root]);
}

describe('indicators a draft shares with the published version', () => {
  it('pairs every indicator the draft leaves alone, and no veto', () => {
    const draft = draftOf((root) => {
      const samaritan = root.indicators.find((i) => i.id === 'goodSamaritan');
      if (samaritan?.kind === 'fixed') samaritan.points += 5;
      // A new default changes how every indicator reading the fact scores an absent value.
      const months = root.facts.find((f) => f.id === 'employmentMonths');
      if (months) months.default = 12;
    });
    const twins = sharedIndicators(district, draft);
    const unpaired = draft.indicators.filter((_, i) => twins[i]! < 0).map((ind) => ind.id);
    expect(unpaired.sort()).toEqual(['employmentDuration', 'goodSamaritan', 'seriousMisconduct']);
    draft.indicators.forEach((ind, i) => {
      if (twins[i]! >= 0) expect(district.indicators[twins[i]!]!.id).toBe(ind.id);
    });
    // Eligibility on a computed score is never shared; a scenario without conditions has nothing to share.
    const conditions = sharedEligibility(district, draft);
    const paired = draft.scenarios.filter((_, k) => conditions[k]! >= 0).map((s) => s.id);
    expect(paired).toEqual(draft.scenarios.filter((s) => s.eligibility && s.id !== 'social-assistance').map((s) => s.id));
  });

  it('scores a draft alongside the published version exactly as on its own', () => {
    const draft = draftOf((root) => {
      const samaritan = root.indicators.find((i) => i.id === 'goodSamaritan');
      if (samaritan?.kind === 'fixed') samaritan.points += 5;
      root.scenarios[0]!.bar -= 10;
    });
    const table = factTable(thresholdResidents(3_000, 5, ASOF, district).map((r) => r.facts));
    const published = createBatchScorer(district, ASOF);
    const alongside = createBatchScorer(draft, ASOF, { alongside: published });
    const alone = createBatchScorer(draft, ASOF);
    for (let start = 0; start < table.length; start += 512) {
      const n = Math.min(512, table.length - start);
      published.score(table, start, n);
      const copied = structuredClone(alongside.score(table, start, n));
      expect(copied).toEqual(structuredClone(alone.score(table, start, n)));
    }
    // Out of step with the published scorer, it scores everything itself.
    expect(structuredClone(alongside.score(table, 512, 512))).toEqual(structuredClone(alone.score(table, 512, 512)));
  });
});
