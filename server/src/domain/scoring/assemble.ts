import { fromHundredths, shortOfBar, toHundredths } from '../points';
import type { Scenario } from '../rule-set/schema';
import { explainGap } from './explain';
import { indicatorResult } from './indicator-results';
import { conditionKeys, type ConditionLookup, type IndicatorOutcome } from './indicator-points';
import type { PreparedFacts } from './facts';
import { computeScores, groupResults, sumTotal, type Scores } from './totals';
import { RememberedResults } from './remembered-results';
import type { Evaluation, FailedCondition, Gap, ResolvedRuleSet, ScenarioResult } from './types';

/** Scenario score in hundredths: the total, or the same sum over the scenario's counted indicators. */
export function scenarioScore(rs: ResolvedRuleSet, scenario: Scenario, outcomes: readonly IndicatorOutcome[], scores: Scores): number {
  return scenario.counted ? sumTotal(rs, outcomes, scenario.counted) : scores.total;
}

/**
 * Eligible = not vetoed, eligibility conditions hold, and the scenario score reaches the bar.
 * Every gap is listed, so a resident sees all that is missing at once. Without failed conditions (which
 * carry the resident's own values) the score and the veto decide all of it, and the result is remembered.
 */
export function scenarioResult(
  rs: ResolvedRuleSet,
  scenario: Scenario,
  outcomes: readonly IndicatorOutcome[],
  scores: Scores,
  check: ConditionLookup,
): ScenarioResult {
  const score = scenarioScore(rs, scenario, outcomes, scores);
  const eligibility = scenario.eligibility ? check(conditionKeys.scenario(scenario), true) : undefined;
  const failed = eligibility && !eligibility.passed ? eligibility.failed : undefined;
  const slot = rs.scenarios.indexOf(scenario);
  if (failed || slot < 0) return buildScenarioResult(rs, scenario, score, scores.vetoedBy, failed);
  const vetoedBy = scores.vetoedBy?.id;
  return rememberedScenarios.get(
    rs,
    slot,
    vetoedBy === undefined ? score : `${score} ${vetoedBy}`,
    () => true,
    () => buildScenarioResult(rs, scenario, score, scores.vetoedBy, undefined),
  );
}

const rememberedScenarios = new RememberedResults<ScenarioResult>();

function buildScenarioResult(
  rs: ResolvedRuleSet,
  scenario: Scenario,
  score: number,
  vetoedBy: Scores['vetoedBy'],
  failed: FailedCondition[] | undefined,
): ScenarioResult {
  const bar = toHundredths(scenario.bar);
  const gaps: Gap[] = [];
  if (vetoedBy) gaps.push({ code: 'vetoed', indicator: vetoedBy.id, title: vetoedBy.title });
  if (failed) gaps.push({ code: 'condition-failed', failed });
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

const NO_OUTCOME: IndicatorOutcome = { points: 0, reason: { code: 'no-tier' }, vetoed: false };

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
    indicators: rs.indicators.map((_, i) => indicatorResult(rs, i, outcomes[i] ?? NO_OUTCOME)),
    scenarios: rs.scenarios.map((s) => scenarioResult(rs, s, outcomes, scores, check)),
    derived,
  };
}

export { computeScores };
