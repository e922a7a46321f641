import { JifenError } from '../errors';
import { forEachLeaf, type Condition } from '../rule-set/condition';
import type { FactType, Indicator, Scenario, Text } from '../rule-set/schema';
import type { ResolvedRuleSet } from '../scoring/types';
import { unreachable } from '../unreachable';
import { maxPoints } from './max-points';

/** An input fact as the widget asks for it: labels, unit and allowed values in Chinese and English. */
export interface FactQuestion {
  id: string;
  type: FactType;
  title: Text;
  description?: Text;
  unit?: Text;
  /** For `enum` and `enum-list`: the allowed values, in display order. */
  values?: { id: string; title: Text }[];
  min?: number;
  max?: number;
  /** Read by the scenario's eligibility conditions (directly or through a derived fact). */
  required: boolean;
  /**
   * How a form groups it: `eligibility` (required), `score` (read by an indicator that adds points), or
   * `deduction` (read only by deductions and vetoes).
   */
  group: 'eligibility' | 'score' | 'deduction';
  /**
   * `first`: asked up front (eligibility, and the facts the bar depends on most); `optional`: folded away
   * in a self-check, as facts that can add only a few points or that few residents have.
   */
  ask: 'first' | 'optional';
}

/** What a self-check form needs: the scenario, the version in force, and the facts the scenario reads. */
export interface ScenarioInfo {
  ruleSet: { id: string; version: number; hash: string; title: Text; effectiveFrom: string };
  scenario: {
    id: string;
    title: Text;
    description?: Text;
    department: string;
    bar: number;
    places: number;
    childRelated: boolean;
  };
  facts: FactQuestion[];
}

/**
 * The scenario of a rule set by id; `not_found` (naming `scenario`) when the rule set has none such.
 *
 * @example
 * findScenario(rs, 'school-enrollment').bar; // 120
 */
export function findScenario(rs: ResolvedRuleSet, scenarioId: string): Scenario {
  const scenario = rs.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    throw new JifenError('not_found', { en: `Widget: ${rs.id} version ${rs.version} has no scenario "${scenarioId}"`, zh: '这个规则集版本中没有这个场景' }, [
      { path: 'scenario', message: `no such scenario in ${rs.id}` },
    ]);
  }
  return scenario;
}

/**
 * The indicators that can change a scenario's outcome: its counted indicators (all when it names none),
 * every veto (a veto disqualifies from every scenario), and those its eligibility reads through computed
 * scores (`score.group.provincial` reads the provincial group's indicators).
 */
export function scenarioIndicators(rs: ResolvedRuleSet, scenario: Scenario): Indicator[] {
  const ids = new Set(scenario.counted ?? rs.indicators.map((i) => i.id));
  for (const ind of rs.indicators) if (ind.kind === 'veto') ids.add(ind.id);
  if (scenario.eligibility) {
    forEachLeaf(scenario.eligibility, ({ fact }) => {
      for (const ind of indicatorsBehind(rs, fact)) ids.add(ind.id);
    });
  }
  return rs.indicators.filter((i) => ids.has(i.id));
}

/** The input facts a scenario reads, in the rule set's order, each marked `required` when eligibility reads it. */
export function scenarioFacts(rs: ResolvedRuleSet, scenario: Scenario): FactQuestion[] {
  const read = new Set<string>();
  const adds = new Set<string>();
  for (const ind of scenarioIndicators(rs, scenario)) {
    for (const fact of indicatorFacts(ind)) {
      read.add(fact);
      if (ind.kind !== 'deduction' && ind.kind !== 'veto') adds.add(fact);
    }
  }
  const required = new Set<string>();
  if (scenario.eligibility) forEachLeaf(scenario.eligibility, ({ fact }) => required.add(fact));
  const expand = (ids: Set<string>) => {
    for (const d of rs.derived) {
      if (!ids.has(d.id)) continue;
      ids.add(d.fact);
      if (d.until !== undefined) ids.add(d.until);
    }
  };
  expand(read);
  expand(adds);
  expand(required);
  const first = factsToAskFirst(rs, scenario);
  const questions: FactQuestion[] = [];
  for (const def of rs.facts.values()) {
    if (!read.has(def.id) && !required.has(def.id)) continue;
    questions.push({
      id: def.id,
      type: def.type,
      title: def.title,
      ...(def.description ? { description: def.description } : {}),
      ...(def.unit ? { unit: def.unit } : {}),
      ...(def.values ? { values: def.values.map((v) => ({ id: v.id, title: v.title })) } : {}),
      ...(def.min !== undefined ? { min: def.min } : {}),
      ...(def.max !== undefined ? { max: def.max } : {}),
      required: required.has(def.id),
      group: required.has(def.id) ? 'eligibility' : adds.has(def.id) ? 'score' : 'deduction',
      ask: required.has(def.id) || first.has(def.id) ? 'first' : 'optional',
    });
  }
  return questions;
}

/**
 * Everything a self-check form for the scenario needs.
 *
 * @example
 * scenarioInfo(rs, 'school-enrollment').facts.map((f) => f.id); // ['birthDate', 'education', …]
 */
export function scenarioInfo(rs: ResolvedRuleSet, scenarioId: string): ScenarioInfo {
  const scenario = findScenario(rs, scenarioId);
  return {
    ruleSet: { id: rs.id, version: rs.version, hash: rs.hash, title: rs.title, effectiveFrom: rs.effectiveFrom },
    scenario: {
      id: scenario.id,
      title: scenario.title,
      ...(scenario.description ? { description: scenario.description } : {}),
      department: scenario.department,
      bar: scenario.bar,
      places: scenario.places,
      childRelated: scenario.childRelated,
    },
    facts: scenarioFacts(rs, scenario),
  };
}

/** Every condition of an indicator: its gate and its tiers'. */
export function indicatorConditions(ind: Indicator): Condition[] {
  const out: Condition[] = ind.conditions ? [ind.conditions] : [];
  switch (ind.kind) {
    case 'tiers':
      for (const tier of ind.tiers) out.push(tier.conditions);
      return out;
    case 'fixed':
    case 'rate':
    case 'bands':
    case 'deduction':
    case 'veto':
      return out;
    default:
      return unreachable(ind, 'Eligibility');
  }
}

/** The facts (input or derived) an indicator reads. */
export function indicatorFacts(ind: Indicator): Set<string> {
  const facts = new Set<string>();
  switch (ind.kind) {
    case 'rate':
    case 'bands':
    case 'deduction':
      if (ind.fact !== undefined) facts.add(ind.fact);
      break;
    case 'fixed':
    case 'tiers':
    case 'veto':
      break;
    default:
      unreachable(ind, 'Eligibility');
  }
  for (const condition of indicatorConditions(ind)) forEachLeaf(condition, ({ fact }) => facts.add(fact));
  return facts;
}

/** The indicators behind a computed fact of scenario eligibility (`score.total`, `score.group.x`, `vetoed`…). */
function indicatorsBehind(rs: ResolvedRuleSet, fact: string): Indicator[] {
  if (fact === 'vetoed') return rs.indicators.filter((i) => i.kind === 'veto');
  if (fact === 'score.total') return [...rs.indicators];
  const [prefix, kind, id] = fact.split('.');
  if (prefix !== 'score') return [];
  if (kind === 'group') return rs.indicators.filter((i) => i.group === id);
  if (kind === 'category') return rs.indicators.filter((i) => i.category === id);
  if (kind === 'indicator') return rs.indicators.filter((i) => i.id === id);
  return [];
}

/**
 * The scenario's bar depends most on the facts that can give the most points. Ranks the input facts its
 * scoring indicators read by the points they can give (a fact read by several indicators counts each),
 * and answers those to ask first: the fewest top-ranked facts whose points together reach the bar. The
 * rest — rarer items such as patents or civic roles — are optional in a self-check.
 *
 * @example
 * factsToAskFirst(rs, scenario); // Set { 'socialInsuranceMonths', 'residenceMonths', 'birthDate', … }
 */
export function factsToAskFirst(rs: ResolvedRuleSet, scenario: Scenario): Set<string> {
  const inputOf = (fact: string): string[] => {
    const derived = rs.derived.find((d) => d.id === fact);
    return derived ? [derived.fact, ...(derived.until !== undefined ? [derived.until] : [])] : [fact];
  };
  const weight = new Map<string, number>();
  for (const ind of scenarioIndicators(rs, scenario)) {
    const points = maxPoints(ind);
    if (points <= 0) continue;
    for (const fact of indicatorFacts(ind)) for (const input of inputOf(fact)) weight.set(input, (weight.get(input) ?? 0) + points);
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  const first = new Set<string>();
  let sum = 0;
  for (const [fact, points] of ranked) {
    if (sum >= scenario.bar) break;
    first.add(fact);
    sum += points;
  }
  return first;
}
