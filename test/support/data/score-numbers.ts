import { toHundredths } from '../../../server/src/domain/points';
import type { RowScores } from '../../../server/src/domain/compiled/population';
import type { Evaluation } from '../../../server/src/domain/scoring/types';

/** The numbers both modes of the compiled evaluator give, in hundredths, for comparing them. */
export interface ScoreNumbers {
  total: number;
  vetoed: boolean;
  indicators: number[];
  groups: number[];
  scenarios: { eligible: boolean; score: number }[];
}

/**
 * The numbers of an explaining-mode `Evaluation`.
 *
 * @example
 * expect(populationNumbers(scores, r)).toEqual(evaluationNumbers(evaluation));
 */
export function evaluationNumbers(x: Evaluation): ScoreNumbers {
  return {
    total: toHundredths(x.total),
    vetoed: x.vetoed,
    indicators: x.indicators.map((i) => toHundredths(i.points)),
    groups: x.groups.map((g) => toHundredths(g.score)),
    scenarios: x.scenarios.map((s) => ({ eligible: s.eligible, score: toHundredths(s.score) })),
  };
}

/** The same numbers for resident `r` of fast mode's scores (`scorePopulation` or `scoreRows`, with indicators). */
export function populationNumbers(p: RowScores, r: number): ScoreNumbers {
  const row = <T extends Float64Array | Uint8Array>(a: T, width: number) => [...a.subarray(r * width, (r + 1) * width)];
  const s = p.scenarioIds.length;
  const eligible = row(p.eligible, s);
  const scores = row(p.scenarioScores, s);
  return {
    total: p.total[r]!,
    vetoed: p.vetoedBy[r]! >= 0,
    indicators: p.indicators ? row(p.indicators, p.indicatorIds.length) : [],
    groups: row(p.groups, p.groupIds.length),
    scenarios: eligible.map((e, k) => ({ eligible: e === 1, score: scores[k]! })),
  };
}
