import type { Scenario, Text } from '../rule-set/schema';
import type { Evaluation, ResolvedRuleSet, ScenarioResult } from '../scoring/types';

/** One line of the breakdown the widget shows: an indicator that counts for the scenario. */
export interface BreakdownLine {
  id: string;
  title: Text;
  kind: string;
  /** Deductions are positive and subtracted. */
  points: number;
  explanation: Text;
}

/** What the widget shows of an evaluation for one scenario; nothing else of the evaluation leaves the server. */
export interface ScenarioOutcome {
  eligible: boolean;
  score: number;
  bar: number;
  shortBy: number;
  vetoed: boolean;
  /** What stands in the way, as sentences. */
  missing: { code: string; message: Text }[];
  breakdown: BreakdownLine[];
}

/**
 * The scenario's part of an evaluation: eligibility, score against the bar, what is missing, and the
 * points of each indicator that counts (vetoes only when one applies; indicators at 0 are kept, so the
 * resident sees what could score).
 *
 * @example
 * scenarioOutcome(rs, scenario, await evaluate(rs, facts, asOf)).shortBy; // 12.5
 */
export function scenarioOutcome(rs: ResolvedRuleSet, scenario: Scenario, evaluation: Evaluation): ScenarioOutcome {
  const result: ScenarioResult | undefined = evaluation.scenarios.find((s) => s.id === scenario.id);
  if (!result) throw new Error(`Widget: the evaluation of ${rs.id} has no scenario ${scenario.id}`);
  const counted = new Set(scenario.counted ?? rs.indicators.map((i) => i.id));
  const breakdown = evaluation.indicators
    .filter((i) => (counted.has(i.id) && i.kind !== 'veto') || (i.reason.code === 'veto' && i.reason.triggered))
    .map((i) => ({ id: i.id, title: i.title, kind: i.kind, points: i.points, explanation: { zh: i.explanationZh, en: i.explanation } }));
  return {
    eligible: result.eligible,
    score: result.score,
    bar: result.bar,
    shortBy: result.shortBy,
    vetoed: evaluation.vetoed,
    missing: result.missing.map((m) => ({ code: m.code, message: { zh: m.messageZh, en: m.message } })),
    breakdown,
  };
}

/**
 * Where a resident stands on the latest published ranked list of a scenario, and what that list was ranked
 * on: the widget API answers it and the widget shows it.
 */
export interface RankedPosition {
  roundId: number;
  /** Null when the resident is on the list but not eligible. */
  position: number | null;
  places: number;
  admitted: boolean;
  /** `published` (public notice, objections open) or `final`. */
  status: string;
  /** The round's last day: the list was ranked with the version in force then, not today's. */
  closedOn: string;
  version: number;
  /** The score that counted on the list. */
  score: number;
  /** The scenario ranks families: the higher-scoring parent counts (就高原则). */
  family: boolean;
  /** The spouse's score is the one that counted. */
  spouseCounted: boolean;
}
