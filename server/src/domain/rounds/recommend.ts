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
}

/**
 * The rounds taking applications today whose scenario the resident is eligible for, best margin first.
 * `evaluations` holds the resident's evaluation per rule set, each with the version in force today.
 *
 * @example
 * recommendRounds(openRounds, new Map([['district-sample', evaluation]]), '2025-09-10', new Set());
 */
export function recommendRounds(
  rounds: readonly Round[],
  evaluations: ReadonlyMap<string, Evaluation>,
  today: string,
  appliedRoundIds: ReadonlySet<number>,
): Recommendation[] {
  const out: Recommendation[] = [];
  for (const round of rounds) {
    if (round.status !== 'open' || today < round.opensOn || today > round.closesOn) continue;
    const result = evaluations.get(round.ruleSetId)?.scenarios.find((s) => s.id === round.scenarioId);
    if (!result?.eligible) continue;
    out.push({ round, score: result.score, bar: result.bar, applied: appliedRoundIds.has(round.id) });
  }
  return out.sort((a, b) => b.score - b.bar - (a.score - a.bar) || a.round.id - b.round.id);
}
