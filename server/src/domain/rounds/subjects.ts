import { scorePopulation } from '../compiled/population';
import { JifenError } from '../errors';
import { keepsLedger, ledgerBalanceFact } from '../ledger/balance-fact';
import { rankSubject, type RankSubject } from '../ranking/rank';
import { tieReaders } from '../ranking/tie-breakers';
import type { Scenario } from '../rule-set/schema';
import { evaluate, type EngineName } from '../scoring/evaluate';
import { checkValue } from '../scoring/facts';
import type { FactValue, Facts, ResolvedRuleSet } from '../scoring/types';

/**
 * What ranking needs of every applicant (eligibility, scenario score, tie-breaker values), computed for a
 * whole round at once. The compiled evaluator's fast mode does it at population speed; the reference
 * evaluator gives the same answers slowly and is there to prove it.
 */

/**
 * The facts of a resident's record that the rule set knows and accepts. A stored fact the version does
 * not define, or a value it would refuse, counts as absent rather than failing the whole round.
 *
 * @example
 * usableFacts(rs, { birthDate: '1990-05-01', someOtherSystemsFact: 3 }); // { birthDate: '1990-05-01' }
 */
export function usableFacts(rs: ResolvedRuleSet, facts: Readonly<Record<string, unknown>>): Facts {
  const out: Record<string, FactValue> = {};
  for (const [id, value] of Object.entries(facts)) {
    const def = rs.facts.get(id);
    if (def && checkValue(def, value) === undefined) out[id] = value as FactValue;
  }
  // Ledger balances kept with the facts a round was ranked on still count.
  for (const ind of rs.indicators) {
    const key = ledgerBalanceFact(ind.id);
    const balance = facts[key];
    if (keepsLedger(ind) && typeof balance === 'number' && balance >= 0) out[key] = balance;
  }
  return out;
}

/**
 * One `RankSubject` per facts object, in order, for `scenario` of `rs` as of `asOf`.
 *
 * @example
 * const subjects = await scoreSubjects(rs, scenario, '2025-09-30', applicants.map((a) => a.facts));
 */
export async function scoreSubjects(
  rs: ResolvedRuleSet,
  scenario: Scenario,
  asOf: string,
  factsList: readonly Facts[],
  options: { engine?: EngineName } = {},
): Promise<RankSubject[]> {
  const index = rs.scenarios.findIndex((s) => s.id === scenario.id);
  if (index < 0) throw new JifenError('not_found', { en: `Rounds: ${rs.id} version ${rs.version} has no scenario "${scenario.id}"`, zh: '这个规则集版本中没有这个场景' });
  if (options.engine === 'reference') {
    const out: RankSubject[] = [];
    for (const facts of factsList) out.push(rankSubject(scenario, await evaluate(rs, facts, asOf, { engine: 'reference' }), facts));
    return out;
  }
  return fastSubjects(rs, scenario, index, asOf, factsList);
}

function fastSubjects(rs: ResolvedRuleSet, scenario: Scenario, k: number, asOf: string, factsList: readonly Facts[]): RankSubject[] {
  const needsIndicators = scenario.tieBreakers.some((t) => t.by === 'indicator' || t.by === 'category');
  const scores = scorePopulation(
    rs,
    factsList.map((facts, i) => ({ id: String(i), facts })),
    asOf,
    needsIndicators ? { indicators: true } : {},
  );
  const nScenarios = scores.scenarioIds.length;
  const nGroups = scores.groupIds.length;
  const nIndicators = scores.indicatorIds.length;
  const readers = tieReaders(scenario.tieBreakers, { groupIds: scores.groupIds, indicators: rs.indicators });
  let r = 0;
  const row = {
    group: (g: number) => scores.groups[r * nGroups + g]!,
    indicator: (i: number) => scores.indicators![r * nIndicators + i]!,
    fact: (id: string) => factsList[r]![id],
  };
  return factsList.map((_facts, at) => {
    r = at;
    return {
      eligible: scores.eligible[r * nScenarios + k] === 1,
      score: Math.round(scores.scenarioScores[r * nScenarios + k]!) / 100,
      tieValues: readers.map((read) => read(row)),
    };
  });
}
