import { countingParent } from '../ranking/spouse-rule';
import type { Evaluation } from '../scoring/types';
import type { Round } from './types';

/** An open round a resident already qualifies for (系统推送): what the resident is shown. */
export interface Recommendation {
  round: Round;
  /** The resident's scenario score, with the version in force today. */
  score: number;
  bar: number;
  /** The resident has already applied to this round. */
  applied: boolean;
  /** Child-related scenarios: the spouse's score is the one that counts (就高原则). */
  spouseCounted: boolean;
}

/** The family on record, as the spouse rule and child-related scenarios need it. */
export interface RecommendationFamily {
  /** At least one child is linked to the resident on record. */
  hasChildren: boolean;
  /** The current spouse's evaluation per rule set, when there is a spouse on record. */
  spouseEvaluations: ReadonlyMap<string, Evaluation>;
}

/**
 * The rounds taking applications today whose scenario the resident is eligible for, best margin first.
 * `evaluations` holds the resident's evaluation per rule set, each with the version in force today. A
 * child-related round is recommended only to a parent with a child on record, and counts by the spouse
 * rule (`countingParent`): the higher-scoring eligible parent of the two.
 *
 * @example
 * recommendRounds(openRounds, new Map([['district-sample', evaluation]]), '2025-09-10', new Set());
 */
export function recommendRounds(
  rounds: readonly Round[],
  evaluations: ReadonlyMap<string, Evaluation>,
  today: string,
  appliedRoundIds: ReadonlySet<number>,
  family: RecommendationFamily = { hasChildren: false, spouseEvaluations: new Map() },
): Recommendation[] {
  const out: Recommendation[] = [];
  for (const round of rounds) {
    if (round.status !== 'open' || today < round.opensOn || today > round.closesOn) continue;
    const result = evaluations.get(round.ruleSetId)?.scenarios.find((s) => s.id === round.scenarioId);
    if (!result || (round.childRelated && !family.hasChildren)) continue;
    const spouse = family.spouseEvaluations.get(round.ruleSetId)?.scenarios.find((s) => s.id === round.scenarioId);
    const chosen = countingParent({ subject: result, spouse }, round.childRelated);
    if (!chosen.eligible) continue;
    out.push({ round, score: chosen.counted.score, bar: result.bar, applied: appliedRoundIds.has(round.id), spouseCounted: chosen.spouseCounted });
  }
  return out.sort((a, b) => b.score - b.bar - (a.score - a.bar) || a.round.id - b.round.id);
}
