import { scorePopulation } from '../compiled/population';
import { fromHundredths } from '../points';
import type { Evaluation, Facts, ResolvedRuleSet } from '../scoring/types';
import type { StoredScore } from './types';

/** The rule set residents are scored with unless a deployment says otherwise. */
export const DEFAULT_SCORING_RULE_SET = 'district-sample';

/**
 * The figures of an evaluation kept as a resident's stored score (no explanations).
 *
 * @example
 * storedScore('res-000001', await evaluate(rs, facts, '2026-06-30'), '2026-06-30T08:00:00.000Z').total;
 */
export function storedScore(residentId: string, evaluation: Evaluation, scoredAt: string): StoredScore {
  return {
    residentId,
    ruleSetId: evaluation.ruleSetId,
    version: evaluation.version,
    hash: evaluation.hash,
    asOf: evaluation.asOf,
    total: evaluation.total,
    vetoed: evaluation.vetoed,
    groups: Object.fromEntries(evaluation.groups.map((g) => [g.id, g.score])),
    indicators: Object.fromEntries(evaluation.indicators.map((i) => [i.id, i.points])),
    scenarios: Object.fromEntries(evaluation.scenarios.map((s) => [s.id, { eligible: s.eligible, score: s.score, shortBy: s.shortBy }])),
    scoredAt,
  };
}

/**
 * Stored scores of many residents at once by the compiled evaluator's fast mode (no explanations): the
 * same figures `storedScore` takes from a full evaluation, at population speed.
 *
 * @example
 * const scores = storedScores(rs, [{ id: 'res-000001', facts }], '2026-06-30', new Date().toISOString());
 */
export function storedScores(rs: ResolvedRuleSet, residents: readonly { id: string; facts: Facts }[], asOf: string, scoredAt: string): StoredScore[] {
  const p = scorePopulation(rs, residents, asOf, { indicators: true });
  const nG = p.groupIds.length;
  const nS = p.scenarioIds.length;
  const nI = p.indicatorIds.length;
  const bars = rs.scenarios.map((s) => Math.round(s.bar * 100));
  return p.ids.map((residentId, r) => ({
    residentId,
    ruleSetId: rs.id,
    version: rs.version,
    hash: rs.hash,
    asOf,
    total: fromHundredths(p.total[r]!),
    vetoed: p.vetoedBy[r]! >= 0,
    groups: Object.fromEntries(p.groupIds.map((id, g) => [id, fromHundredths(p.groups[r * nG + g]!)])),
    indicators: Object.fromEntries(p.indicatorIds.map((id, i) => [id, fromHundredths(p.indicators![r * nI + i]!)])),
    scenarios: Object.fromEntries(
      p.scenarioIds.map((id, k) => {
        const score = p.scenarioScores[r * nS + k]!;
        return [id, { eligible: p.eligible[r * nS + k] === 1, score: fromHundredths(score), shortBy: fromHundredths(Math.max(0, bars[k]! - score)) }];
      }),
    ),
    scoredAt,
  }));
}
