import { fromHundredths } from '../points';
import type { Evaluation, Facts, ResolvedRuleSet } from '../scoring/types';
import { factTable } from './facts/fact-table';
import { forEachBatch } from './population';
import { createBatchScorer } from './scorer';

/** An evaluation's figures without its explanations: what a batch answers by default. */
export interface ScoreSummary {
  total: number;
  vetoed: boolean;
  /** Group id → score. */
  groups: Record<string, number>;
  /** Indicator id → points. */
  indicators: Record<string, number>;
  /** Scenario id → eligibility, score and points short of the bar. */
  scenarios: Record<string, { eligible: boolean; score: number; shortBy: number }>;
}

/**
 * The summary of one full evaluation.
 *
 * @example
 * summarizeEvaluation(evaluateCompiled(rs, facts, '2026-06-30')).scenarios['school-enrollment']; // { eligible, score, shortBy }
 */
export function summarizeEvaluation(evaluation: Evaluation): ScoreSummary {
  return {
    total: evaluation.total,
    vetoed: evaluation.vetoed,
    groups: Object.fromEntries(evaluation.groups.map((g) => [g.id, g.score])),
    indicators: Object.fromEntries(evaluation.indicators.map((i) => [i.id, i.points])),
    scenarios: Object.fromEntries(evaluation.scenarios.map((s) => [s.id, { eligible: s.eligible, score: s.score, shortBy: s.shortBy }])),
  };
}

/**
 * The same summaries for many residents at once, by the compiled evaluator's fast mode over a fact table
 * of their facts (already checked, as `parseFacts` returns them): the figures `summarizeEvaluation` gives
 * for each, without building a single explanation.
 *
 * @example
 * const [first] = scoreSummaries(rs, residents.map((r) => parseFacts(rs, r.facts)), '2026-06-30');
 */
export function scoreSummaries(rs: ResolvedRuleSet, records: readonly Facts[], asOf: string): ScoreSummary[] {
  const scorer = createBatchScorer(rs, asOf);
  const groupIds = scorer.program.layout.groupIds;
  const indicatorIds = rs.indicators.map((ind) => ind.id);
  const scenarios = scorer.program.scenarios;
  const out: ScoreSummary[] = new Array<ScoreSummary>(records.length);
  forEachBatch(scorer, factTable(records), (batch, start) => {
    for (let i = 0; i < batch.n; i++) {
      const groups: Record<string, number> = {};
      for (let g = 0; g < groupIds.length; g++) groups[groupIds[g]!] = fromHundredths(batch.groups[g]![i]!);
      const indicators: Record<string, number> = {};
      for (let k = 0; k < indicatorIds.length; k++) indicators[indicatorIds[k]!] = fromHundredths(batch.indicators[k]![i]!);
      const byScenario: ScoreSummary['scenarios'] = {};
      for (let k = 0; k < scenarios.length; k++) {
        const score = batch.scenarioScores[k]![i]!;
        byScenario[scenarios[k]!.id] = {
          eligible: batch.eligible[k]![i] === 1,
          score: fromHundredths(score),
          shortBy: fromHundredths(Math.max(0, scenarios[k]!.bar - score)),
        };
      }
      out[start + i] = { total: fromHundredths(batch.total[i]!), vetoed: batch.vetoedBy[i]! >= 0, groups, indicators, scenarios: byScenario };
    }
  });
  return out;
}
