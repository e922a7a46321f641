import { describe, expect, it } from 'vitest';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluationNumbers, populationNumbers } from '../../../../test/support/data/score-numbers';
import { smallRuleSet } from '../../../../test/support/data/small-rule-set';
import { evaluateCompiled } from './evaluate-compiled';
import { factTable } from './facts/fact-table';
import { residentTable, scorePopulation, scoreRows, type Resident } from './population';
import { createBatchScorer } from './scorer';

const ASOF = '2026-06-30';
const district = loadShippedRuleSets().get('district-sample@1')!;

describe('fast mode', () => {
  const residents = thresholdResidents(4_000, 7, ASOF, district);

  it('agrees with the explaining mode, whether indicators are looked up or computed', () => {
    const table = factTable(residents.map((r) => r.facts));
    const scorer = createBatchScorer(district, ASOF);
    scorer.score(table, 0, 1);
    // Most indicators read facts with few distinct values: the population pays for lookup tables.
    expect(scorer.tabulated).toBeGreaterThan(district.indicators.length / 2);
    const whole = scorePopulation(district, residents, ASOF, { indicators: true });
    residents.forEach(({ id, facts }, r) => {
      const explained = evaluationNumbers(evaluateCompiled(district, facts, ASOF));
      expect(populationNumbers(whole, r), id).toEqual(explained);
      // Alone, a resident is too few for lookup tables: every kernel runs.
      if (r % 10 === 0) expect(populationNumbers(scorePopulation(district, [{ id, facts }], ASOF, { indicators: true }), 0), id).toEqual(explained);
    });
  });

  it('gives each resident the same numbers when one table is scored a range of rows at a time', () => {
    const table = residentTable(residents);
    const whole = scorePopulation(district, table, ASOF, { indicators: true });
    const scorer = createBatchScorer(district, ASOF);
    // Ranges that start and end inside the scorer's batches, and one of a single row.
    for (const [from, to] of [[0, 700], [700, 701], [701, 2_600], [2_600, residents.length]] as const) {
      const part = scoreRows(scorer, table.facts, from, to, { indicators: true });
      for (let r = from; r < to; r++) expect(populationNumbers(part, r - from), table.ids[r]).toEqual(populationNumbers(whole, r));
    }
  });

  it('gives each resident the same numbers in any batch and any order', () => {
    const forward = scorePopulation(district, residents, ASOF);
    const reversed = scorePopulation(district, [...residents].reverse(), ASOF);
    const n = residents.length;
    for (let r = 0; r < n; r++) {
      expect(reversed.total[n - 1 - r]).toBe(forward.total[r]);
      const w = forward.scenarioIds.length;
      expect(reversed.eligible.subarray((n - 1 - r) * w, (n - r) * w)).toEqual(forward.eligible.subarray(r * w, (r + 1) * w));
    }
  });

  it('uses a default for a missing fact but not for one held as undefined', () => {
    const rs = smallRuleSet();
    // `member` defaults to true (1 point); held as undefined it is absent, and no default applies.
    const records: Resident[] = [
      { id: 'missing', facts: {} },
      { id: 'undefined', facts: { member: undefined as unknown as boolean } },
      { id: 'false', facts: { member: false } },
    ];
    const fast = scorePopulation(rs, Array.from({ length: 40 }, () => records).flat(), ASOF, { indicators: true });
    expect([0, 1, 2].map((r) => fast.total[r])).toEqual([100, 0, 0]);
    records.forEach(({ facts }, r) => expect(populationNumbers(fast, r)).toEqual(evaluationNumbers(evaluateCompiled(rs, facts, ASOF))));
  });
});
