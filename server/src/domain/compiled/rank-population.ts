import { JifenError } from '../errors';
import { rankApplicants, type Applicant, type RankSubject, type Ranking } from '../ranking/rank';
import { tieReaders } from '../ranking/tie-breakers';
import type { Scenario } from '../rule-set/schema';
import type { Facts, ResolvedRuleSet } from '../scoring/types';
import { factTable } from './facts/fact-table';
import { forEachBatch } from './population';
import { createBatchScorer } from './scorer';

/** An application in a round: the applicant's facts and, for child-related scenarios, the other parent's. */
export interface RoundApplicant {
  id: string;
  facts: Facts;
  spouse?: Facts;
}

/**
 * What `rankSubject` (ranking/rank.ts) extracts from a full evaluation — eligibility, scenario score and
 * tie-breaker values — for every facts record at once, by the compiled evaluator's fast mode.
 *
 * @example
 * const subjects = rankSubjects(rs, scenario, '2026-06-30', applicants.map((a) => a.facts));
 */
export function rankSubjects(rs: ResolvedRuleSet, scenario: Scenario, asOf: string, records: readonly Facts[]): RankSubject[] {
  const k = rs.scenarios.findIndex((s) => s.id === scenario.id);
  const scorer = createBatchScorer(rs, asOf);
  const readers = tieReaders(scenario.tieBreakers, { groupIds: scorer.program.layout.groupIds, indicators: rs.indicators });
  let batch: ReturnType<typeof scorer.score> | undefined;
  let i = 0;
  let facts: Facts = {};
  const row = {
    group: (g: number) => batch!.groups[g]![i]!,
    indicator: (m: number) => batch!.indicators[m]![i]!,
    fact: (id: string) => facts[id],
  };
  const subjects: RankSubject[] = new Array<RankSubject>(records.length);
  forEachBatch(scorer, factTable(records), (b, start) => {
    batch = b;
    for (i = 0; i < b.n; i++) {
      facts = records[start + i]!;
      subjects[start + i] = {
        eligible: k >= 0 && b.eligible[k]![i] === 1,
        score: k >= 0 ? b.scenarioScores[k]![i]! / 100 : 0,
        tieValues: readers.map((read) => read(row)),
      };
    }
  });
  return subjects;
}

/**
 * Ranks a round's applicants for a scenario: every applicant (and spouse) scored by the fast mode, then
 * `rankApplicants` with the scenario's bar, places (or the round's own `places`), spouse rule and
 * tie-breakers.
 *
 * @example
 * const { ranked } = rankScenario(rs, 'school-enrollment', applicants, '2026-06-30');
 */
export function rankScenario(rs: ResolvedRuleSet, scenarioId: string, applicants: readonly RoundApplicant[], asOf: string, places?: number): Ranking {
  const scenario = rs.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new JifenError('not_found', { en: `Ranking: ${rs.id} version ${rs.version} has no scenario "${scenarioId}"`, zh: '这个规则集版本中没有这个场景' });
  const records: Facts[] = applicants.map((a) => a.facts);
  const spouseRow: number[] = applicants.map((a) => (a.spouse ? records.push(a.spouse) - 1 : -1));
  const subjects = rankSubjects(rs, scenario, asOf, records);
  const entries: Applicant[] = applicants.map((a, i) => {
    const spouse = spouseRow[i]! >= 0 ? subjects[spouseRow[i]!] : undefined;
    return spouse ? { id: a.id, subject: subjects[i]!, spouse } : { id: a.id, subject: subjects[i]! };
  });
  return rankApplicants(places === undefined ? scenario : { ...scenario, places }, entries);
}
