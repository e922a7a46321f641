import { fromHundredths, shortOfBar, toHundredths } from '../points';
import type { Scenario } from '../rule-set/schema';
import { explainGap, explainIndicatorReason } from './explain';
import { conditionKeys, type ConditionLookup, type IndicatorOutcome } from './indicator-points';
import type { PreparedFacts } from './facts';
import { computeScores, groupResults, sumTotal, type Scores } from './totals';
import type { Evaluation, Gap, ResolvedRuleSet, ScenarioResult } from './types';

/** Scenario score in hundredths: the total, or the same sum over the scenario's counted indicators. */
export function scenarioScore(rs: ResolvedRuleSet, scenario: Scenario, outcomes: readonly IndicatorOutcome[], scores: Scores): number {
  return scenario.counted ? sumTotal(rs, outcomes, scenario.counted) : scores.total;
}

/**
 * Eligible = not vetoed, eligibility conditions hold, and the scenario score reaches the bar.
 * Every gap is listed, so a resident sees all that is missing at once.
 */
export function scenarioResult(
  rs: ResolvedRuleSet,
  scenario: Scenario,
  outcomes: readonly IndicatorOutcome[],
  scores: Scores,
  check: ConditionLookup,
): ScenarioResult {
  const score = scenarioScore(rs, scenario, outcomes, scores);
  const bar = toHundredths(scenario.bar);
  const gaps: Gap[] = [];
  if (scores.vetoedBy) gaps.push({ code: 'vetoed', indicator: scores.vetoedBy.id, title: scores.vetoedBy.title });
  if (scenario.eligibility) {
    const outcome = check(conditionKeys.scenario(scenario), true);
    if (!outcome.passed) gaps.push({ code: 'condition-failed', failed: outcome.failed });
  }
  const short = shortOfBar(bar, score);
  if (short > 0) gaps.push({ code: 'below-bar', short: fromHundredths(short), bar: scenario.bar, score: fromHundredths(score) });
  return {
    id: scenario.id,
    title: scenario.title,
    eligible: gaps.length === 0,
    score: fromHundredths(score),
    bar: scenario.bar,
    places: scenario.places,
    shortBy: fromHundredths(short),
    missing: gaps.map((gap) => {
      const text = explainGap(rs, gap);
      // The gaps are this call's own objects: adding the words keeps their shape (a spread would copy each).
      return Object.assign(gap, { message: text.en, messageZh: text.zh });
    }),
  };
}

/** Builds the evaluation every evaluator answers, from indicator outcomes and scenario condition outcomes. */
export function assembleEvaluation(
  rs: ResolvedRuleSet,
  asOf: string,
  facts: PreparedFacts,
  outcomes: readonly IndicatorOutcome[],
  scores: Scores,
  check: ConditionLookup,
): Evaluation {
  const derived: Record<string, number | null> = {};
  for (const d of rs.derived) {
    const value = facts[d.id];
    derived[d.id] = typeof value === 'number' ? value : null;
  }
  return {
    ruleSetId: rs.id,
    version: rs.version,
    hash: rs.hash,
    asOf,
    total: fromHundredths(scores.total),
    vetoed: scores.vetoed,
    groups: groupResults(rs, scores),
    indicators: rs.indicators.map((ind, i) => {
      const outcome = outcomes[i] ?? { points: 0, reason: { code: 'no-tier' as const }, vetoed: false };
      const text = explainIndicatorReason(rs, i, outcome.reason);
      const points = fromHundredths(outcome.points);
      // Two plain literals rather than a spread of the optional category: objects of one shape build and
      // serialise several times faster.
      return ind.category === undefined
        ? { id: ind.id, title: ind.title, group: ind.group, kind: ind.kind, points, explanation: text.en, explanationZh: text.zh, reason: outcome.reason }
        : {
            id: ind.id,
            title: ind.title,
            group: ind.group,
            kind: ind.kind,
            category: ind.category,
            points,
            explanation: text.en,
            explanationZh: text.zh,
            reason: outcome.reason,
          };
    }),
    scenarios: rs.scenarios.map((s) => scenarioResult(rs, s, outcomes, scores, check)),
    derived,
  };
}

export { computeScores };
