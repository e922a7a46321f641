import { fromHundredths, shortOfBar, toHundredths } from '../points';
import type { Evaluation, Facts, ResolvedRuleSet } from '../scoring/types';
import { factTable, type FactTable } from './facts/fact-table';
import { scoreRows, type RowScores } from './population';
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

/** Many residents' summaries as columns (the population's scores with every indicator's points) and each scenario's bar. */
export interface SummaryColumns extends Omit<RowScores, 'indicators'> {
  readonly indicators: Float64Array;
  /** `[k]`: scenario k's bar in hundredths. */
  readonly bars: readonly number[];
}

/**
 * The summaries of many residents at once, by the compiled evaluator's fast mode over a fact table of
 * their facts (already checked, as `parseFacts` returns them), as columns of hundredths: nothing is built
 * per resident, so a caller can write its answer straight from them. `summaryAt` reads one back.
 *
 * @example
 * const columns = scoreSummaryColumns(rs, residents.map((r) => parseFacts(rs, r.facts)), '2026-06-30');
 */
export function scoreSummaryColumns(rs: ResolvedRuleSet, records: readonly Facts[], asOf: string): SummaryColumns {
  const facts = factTable(records);
  return summaryScorer(rs, facts, asOf)(0, facts.length);
}

/**
 * The summaries of rows `from` … `to - 1` of one fact table, a range at a time, as `scoreSummaryColumns`
 * gives them (row `from` first): the table's columns are bound once for every range.
 *
 * @example
 * const builder = factTableBuilder();
 * for (const facts of checked) builder.add(facts);
 * const summaries = summaryScorer(rs, builder.finish(), '2026-06-30');
 * const first = summaries(0, 500);
 */
export function summaryScorer(rs: ResolvedRuleSet, facts: FactTable, asOf: string): (from: number, to: number) => SummaryColumns {
  const scorer = createBatchScorer(rs, asOf);
  const bars = rs.scenarios.map((sc) => toHundredths(sc.bar));
  return (from, to) => {
    const scores = scoreRows(scorer, facts, from, to, { indicators: true });
    return { ...scores, indicators: scores.indicators!, bars };
  };
}

/**
 * Resident `r`'s summary from the columns: the figures `summarizeEvaluation` gives for the same facts.
 *
 * @example
 * summaryAt(scoreSummaryColumns(rs, [facts], '2026-06-30'), 0).total;
 */
export function summaryAt(columns: SummaryColumns, r: number): ScoreSummary {
  const { groupIds, indicatorIds, scenarioIds } = columns;
  const groups: Record<string, number> = {};
  groupIds.forEach((id, g) => (groups[id] = fromHundredths(columns.groups[r * groupIds.length + g]!)));
  const indicators: Record<string, number> = {};
  indicatorIds.forEach((id, k) => (indicators[id] = fromHundredths(columns.indicators[r * indicatorIds.length + k]!)));
  const scenarios: ScoreSummary['scenarios'] = {};
  scenarioIds.forEach((id, k) => {
    const score = columns.scenarioScores[r * scenarioIds.length + k]!;
    scenarios[id] = {
      eligible: columns.eligible[r * scenarioIds.length + k] === 1,
      score: fromHundredths(score),
      shortBy: fromHundredths(shortOfBar(columns.bars[k]!, score)),
    };
  });
  return { total: fromHundredths(columns.total[r]!), vetoed: columns.vetoedBy[r]! >= 0, groups, indicators, scenarios };
}
