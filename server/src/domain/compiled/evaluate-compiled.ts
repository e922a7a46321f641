import { fromHundredths } from '../points';
import { assembleEvaluation } from '../scoring/assemble';
import { prepareFacts } from '../scoring/facts';
import { scoreIndicator, type ConditionLookup } from '../scoring/indicator-points';
import { computeScores, type Scores } from '../scoring/totals';
import type { Evaluation, Facts, ResolvedRuleSet } from '../scoring/types';
import type { CompiledCondition } from './compile-condition';
import { newSlots, slotsFromPrepared, type ScoreFact, type Slots } from './layout';
import { compileRuleSet } from './program';

/**
 * The compiled evaluator, explaining mode: the same `Evaluation` as `evaluateReference`, points,
 * explanations and failed conditions alike. Only the conditions differ from the reference path: they run
 * as compiled closures instead of json-rules-engine; the arithmetic and the wording are shared code.
 * Synchronous, and safe to call from overlapping requests (every call has its own slots).
 *
 * @example
 * const result = evaluateCompiled(rs, parseFacts(rs, body.facts), '2026-06-30');
 */
export function evaluateCompiled(rs: ResolvedRuleSet, facts: Facts, asOf: string): Evaluation {
  const program = compileRuleSet(rs);
  const prepared = prepareFacts(rs, facts, asOf);
  const s = newSlots(program.layout);
  slotsFromPrepared(program.layout, prepared, s);
  const check = lookup(program.indicatorConditions, s);
  const outcomes = rs.indicators.map((ind) => scoreIndicator(ind, prepared, check));
  const scores = computeScores(rs, outcomes);
  for (const { slot, fact } of program.layout.scores) s[slot] = scoreFact(scores, fact);
  return assembleEvaluation(rs, asOf, prepared, outcomes, scores, lookup(program.scenarioConditions, s));
}

function lookup(conditions: ReadonlyMap<string, CompiledCondition>, s: Slots): ConditionLookup {
  return (key, explain) => {
    const condition = conditions.get(key);
    if (!condition) return { passed: false, failed: [] };
    return explain ? condition.outcome(s) : { passed: condition.test(s), failed: [] };
  };
}

/** What `scoreFacts` (totals.ts) names `score.total`, `vetoed`, `score.group.<id>`…, read straight from the scores. */
function scoreFact(scores: Scores, fact: ScoreFact): number | boolean | undefined {
  switch (fact.kind) {
    case 'total':
      return fromHundredths(scores.total);
    case 'vetoed':
      return scores.vetoed;
    case 'group': {
      const g = scores.groups.get(fact.id);
      return g && fromHundredths(g.score);
    }
    case 'indicator': {
      const p = scores.indicators.get(fact.id);
      return p === undefined ? undefined : fromHundredths(p);
    }
    case 'category': {
      const p = scores.categories.get(fact.id);
      return p === undefined ? undefined : fromHundredths(p);
    }
  }
}
