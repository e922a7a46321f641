import { toHundredths } from '../points';
import type { Scenario } from '../rule-set/schema';
import type { Evaluation, Facts } from '../scoring/types';
import { countingParent } from './spouse-rule';
import { tieReaders, type TieValue } from './tie-breakers';

/** What ranking needs of one person for one scenario. */
export interface RankSubject {
  eligible: boolean;
  /** The scenario score, in points (exact to 0.01). */
  score: number;
  /** One value per tie-breaker of the scenario, in its order; undefined sorts last. */
  tieValues: readonly TieValue[];
}

/** An application: the applicant and, for child-related scenarios, the other parent. */
export interface Applicant {
  id: string;
  subject: RankSubject;
  spouse?: RankSubject;
}

export interface RankedApplicant {
  id: string;
  /** 1-based; applicants equal on every key share a position ("1, 2, 2, 4"). */
  position: number;
  score: number;
  /** True when the spouse's score is the one that counts (就高原则). */
  spouseCounted: boolean;
  /** Within the scenario's places. */
  admitted: boolean;
  /** Equal on every key with another applicant. */
  tied: boolean;
}

export interface Ranking {
  ranked: RankedApplicant[];
  ineligible: string[];
}

/**
 * Ranks a scenario's applicants: score, then (child-related scenarios) the other parent's score, then the
 * scenario's tie-breakers in order (实施方法, ranking: district score, earlier residence registration,
 * social-service points). Ineligible applicants are listed apart. Pure and deterministic: full ties keep
 * applicant-id order.
 *
 * @example
 * rankApplicants(scenario, applicants.map((a) => ({ id: a.id, subject: rankSubject(scenario, a.evaluation, a.facts) })));
 */
export function rankApplicants(scenario: Scenario, applicants: readonly Applicant[]): Ranking {
  const entries: { id: string; counted: RankSubject; other: number; spouseCounted: boolean; key: (number | string | undefined)[] }[] = [];
  const ineligible: string[] = [];
  for (const a of applicants) {
    const chosen = countingParent(a, scenario.childRelated);
    if (!chosen.eligible) {
      ineligible.push(a.id);
      continue;
    }
    const key = [toHundredths(chosen.counted.score), ...(scenario.childRelated ? [chosen.other] : []), ...chosen.counted.tieValues];
    entries.push({ id: a.id, ...chosen, key });
  }
  const orders = [-1, ...(scenario.childRelated ? [-1] : []), ...scenario.tieBreakers.map((t) => (t.order === 'asc' ? 1 : -1))];
  const compareKeys = (a: (number | string | undefined)[], b: (number | string | undefined)[]) => {
    for (let i = 0; i < orders.length; i++) {
      const c = compareValues(a[i], b[i], orders[i] ?? -1);
      if (c !== 0) return c;
    }
    return 0;
  };
  entries.sort((a, b) => compareKeys(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: RankedApplicant[] = [];
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    const next = entries[i + 1];
    const tiedWithPrevious = previous !== undefined && compareKeys(previous.key, e.key) === 0;
    const position = tiedWithPrevious ? (ranked[i - 1]?.position ?? i + 1) : i + 1;
    ranked.push({
      id: e.id,
      position,
      score: e.counted.score,
      spouseCounted: e.spouseCounted,
      admitted: position <= scenario.places,
      tied: tiedWithPrevious || (next !== undefined && compareKeys(next.key, e.key) === 0),
    });
  });
  return { ranked, ineligible };
}

/** Ascending (order 1) or descending (−1); undefined always last. */
function compareValues(a: number | string | undefined, b: number | string | undefined, order: number): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return (a < b ? -1 : 1) * order;
}

/**
 * Extracts what ranking needs from an evaluation and the facts it was made from.
 *
 * @example
 * rankSubject(scenario, await evaluate(rs, facts, asOf), facts);
 */
export function rankSubject(scenario: Scenario, evaluation: Evaluation, facts: Facts): RankSubject {
  const result = evaluation.scenarios.find((s) => s.id === scenario.id);
  const layout = { groupIds: evaluation.groups.map((g) => g.id), indicators: evaluation.indicators };
  const scores = {
    group: (g: number) => toHundredths(evaluation.groups[g]!.score),
    indicator: (i: number) => toHundredths(evaluation.indicators[i]!.points),
    fact: (id: string) => facts[id],
  };
  const tieValues = tieReaders(scenario.tieBreakers, layout).map((read) => read(scores));
  return { eligible: result?.eligible ?? false, score: result?.score ?? 0, tieValues };
}
