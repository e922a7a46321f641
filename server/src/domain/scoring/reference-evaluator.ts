import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { TopLevelCondition } from '../rule-set/condition';
import { assembleEvaluation } from './assemble';
import { failedConditions, type AnnotatedCondition } from './failed-conditions';
import { prepareFacts } from './facts';
import { conditionKeys, scoreIndicator, type ConditionLookup, type ConditionOutcome } from './indicator-points';
import { OPERATOR_FNS } from './operators';
import { resolvePath } from './path';
import { computeScores, scoreFacts } from './totals';
import type { Evaluation, Facts, ResolvedRuleSet } from './types';

/**
 * The reference evaluator: every condition is evaluated by json-rules-engine, the library that defines
 * Jifen's rule language. Phase one runs indicator conditions on the resident's facts; phase two runs
 * scenario eligibility on those facts plus the computed scores.
 *
 * Each call builds its own Engines: one Engine must not serve overlapping runs (its single `status` makes
 * a finishing run cut short the others), and building one costs well under a millisecond.
 */
export async function evaluateReference(rs: ResolvedRuleSet, facts: Facts, asOf: string): Promise<Evaluation> {
  const { indicatorRules, scenarioRules } = rulesOf(rs);
  const prepared = prepareFacts(rs, facts, asOf);
  const phase1 = await runRules(indicatorRules, prepared);
  const outcomes = rs.indicators.map((ind) => scoreIndicator(ind, prepared, phase1));
  const scores = computeScores(rs, outcomes);
  const phase2 = await runRules(scenarioRules, { ...prepared, ...scoreFacts(scores) });
  return assembleEvaluation(rs, asOf, prepared, outcomes, scores, phase2);
}

const cache = new WeakMap<ResolvedRuleSet, { indicatorRules: RuleProperties[]; scenarioRules: RuleProperties[] }>();

/** The json-rules-engine rules of a rule set, one per named condition, built once per resolved rule set. */
function rulesOf(rs: ResolvedRuleSet) {
  let rules = cache.get(rs);
  if (!rules) {
    const rule = (name: string, conditions: TopLevelCondition): RuleProperties => ({
      name,
      conditions: structuredClone(conditions) as RuleProperties['conditions'],
      event: { type: name },
    });
    const indicatorRules: RuleProperties[] = [];
    for (const ind of rs.indicators) {
      if (ind.conditions) indicatorRules.push(rule(conditionKeys.gate(ind), ind.conditions));
      if (ind.kind === 'tiers') for (const t of ind.tiers) indicatorRules.push(rule(conditionKeys.tier(ind, t), t.conditions));
    }
    const scenarioRules = rs.scenarios.flatMap((s) => (s.eligibility ? [rule(conditionKeys.scenario(s), s.eligibility)] : []));
    rules = { indicatorRules, scenarioRules };
    cache.set(rs, rules);
  }
  return rules;
}

async function runRules(rules: readonly RuleProperties[], facts: Record<string, unknown>): Promise<ConditionLookup> {
  const outcomes = new Map<string, ConditionOutcome>();
  if (rules.length > 0) {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
    for (const [name, fn] of Object.entries(OPERATOR_FNS)) engine.addOperator(name, fn);
    for (const r of rules) engine.addRule(r);
    const { results, failureResults } = await engine.run(facts);
    for (const r of [...results, ...failureResults]) outcomes.set(ruleName(r), outcomeOf(r));
  }
  return (key) => outcomes.get(key) ?? { passed: false, failed: [] };
}

function ruleName(result: RuleResult): string {
  return String(result.name);
}

function outcomeOf(result: RuleResult): ConditionOutcome {
  const passed = result.result === true;
  // json-rules-engine annotates leaves with result/factResult in the shape AnnotatedCondition describes.
  const tree = result.conditions as unknown as AnnotatedCondition;
  return { passed, failed: passed ? [] : failedConditions(tree) };
}
