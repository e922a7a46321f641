import { forEachLeaf } from '../rule-set/condition';
import type { FactDefinition, Scenario, Text } from '../rule-set/schema';
import { evaluate } from '../scoring/evaluate';
import type { Facts, ResolvedRuleSet, ScenarioResult } from '../scoring/types';
import { EFFORTS, factEffort, type Effort } from './effort';
import { findScenario, indicatorConditions, scenarioIndicators } from './scenario-facts';

/** One way to close the gap to a scenario: a single numeric fact raised, everything else unchanged. */
export interface GapStep {
  fact: string;
  title: Text;
  unit?: Text;
  from: number;
  to: number;
  /** `to − from`, the smallest that does it. */
  increase: number;
  /**
   * `eligibility`: this alone makes the resident eligible; `bar`: it lifts the score to the bar, but
   * something else (a condition on another fact) still stands in the way; `partial`: it adds points
   * (`gain`) but not enough alone.
   */
  closes: 'eligibility' | 'bar' | 'partial';
  /** What it asks of the resident: waiting, a routine step, or a large commitment. */
  effort: Effort;
  /** The scenario score with the fact raised. */
  score: number;
  /** Points it adds to the scenario score. */
  gain: number;
  /** e.g. "Months of social insurance paid in the province: 25 more (59 → 84)". */
  message: Text;
}

/**
 * The ways to close the gap between a resident and a scenario: for each numeric input fact the scenario
 * reads, the smallest increase that makes the resident eligible (or, failing that, reaches the bar, or
 * failing that, adds the most points it can), found by evaluating the resident with that fact raised.
 * Nothing when already eligible.
 *
 * A fact's outcome can only change up to its largest threshold (condition values, band bounds, the units
 * where a rate reaches its cap) or its `max`, so the search is bounded there and halves the range each step.
 * Ranked by effort (waiting, a routine step, a large commitment), then by whether each alone makes the
 * resident eligible, reaches the bar, or only helps, then in fact order.
 *
 * @example
 * await closeGap(rs, 'school-enrollment', facts, '2026-06-30');
 * // [{ fact: 'socialInsuranceMonths', from: 59, to: 84, increase: 25, closes: 'eligibility', … }]
 */
export async function closeGap(rs: ResolvedRuleSet, scenarioId: string, facts: Facts, asOf: string): Promise<GapStep[]> {
  const scenario = findScenario(rs, scenarioId);
  const outcome = async (f: Facts) => scenarioOutcome(await evaluate(rs, f, asOf), scenarioId);
  const now = await outcome(facts);
  if (now.eligible) return [];

  const steps: GapStep[] = [];
  for (const def of numericFacts(rs, scenario)) {
    const current = currentValue(def, facts);
    const ceiling = Math.min(factCeiling(rs, scenario, def.id), def.max ?? Infinity);
    if (!(ceiling > current)) continue;
    const raised = (by: number) => outcome({ ...facts, [def.id]: current + by });
    const top = await raised(Math.ceil(ceiling - current));
    let closes: GapStep['closes'];
    let reached: (r: ScenarioResult) => boolean;
    if (top.eligible) {
      closes = 'eligibility';
      reached = (r) => r.eligible;
    } else if (now.shortBy > 0 && top.shortBy === 0) {
      closes = 'bar';
      reached = (r) => r.shortBy === 0;
    } else if (now.shortBy > 0 && top.score > now.score) {
      closes = 'partial';
      reached = (r) => r.score >= top.score;
    } else continue;
    let lo = 1;
    let hi = Math.ceil(ceiling - current);
    let best = top;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const r = await raised(mid);
      if (reached(r)) {
        hi = mid;
        best = r;
      } else lo = mid + 1;
    }
    steps.push(step(def, current, hi, closes, best.score, factEffort(rs, def, current), best.score - now.score));
  }
  const rank = (s: GapStep) => EFFORTS.indexOf(s.effort) * 3 + CLOSES.indexOf(s.closes);
  return steps.sort((a, b) => rank(a) - rank(b));
}

function scenarioOutcome(evaluation: { scenarios: ScenarioResult[] }, id: string): ScenarioResult {
  const found = evaluation.scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`closeGap: the evaluation has no scenario ${id}`);
  return found;
}

/** The numeric input facts the scenario reads (directly or through its indicators), in fact order. */
function numericFacts(rs: ResolvedRuleSet, scenario: Scenario): FactDefinition[] {
  const read = new Set<string>();
  for (const ind of scenarioIndicators(rs, scenario)) {
    if ('fact' in ind && ind.fact !== undefined) read.add(ind.fact);
    for (const c of indicatorConditions(ind)) forEachLeaf(c, ({ fact }) => read.add(fact));
  }
  if (scenario.eligibility) forEachLeaf(scenario.eligibility, ({ fact }) => read.add(fact));
  return [...rs.facts.values()].filter((f) => (f.type === 'integer' || f.type === 'number') && read.has(f.id));
}

function currentValue(def: FactDefinition, facts: Facts): number {
  const value = Object.hasOwn(facts, def.id) ? facts[def.id] : def.default;
  if (typeof value === 'number') return value;
  return Math.max(0, def.min ?? 0);
}

/** The value above which raising the fact changes nothing in the scenario's indicators or eligibility. */
function factCeiling(rs: ResolvedRuleSet, scenario: Scenario, fact: string): number {
  let ceiling = -Infinity;
  const consider = (n: unknown) => {
    if (typeof n === 'number' && Number.isFinite(n)) ceiling = Math.max(ceiling, n + 1);
  };
  const leaves = (c: Parameters<typeof forEachLeaf>[0]) =>
    forEachLeaf(c, (leaf) => {
      if (leaf.fact !== fact) return;
      if (Array.isArray(leaf.value)) leaf.value.forEach(consider);
      else consider(leaf.value);
    });
  for (const ind of scenarioIndicators(rs, scenario)) {
    indicatorConditions(ind).forEach(leaves);
    if (ind.kind === 'rate' && ind.fact === fact) consider(Math.ceil(ind.cap / ind.points) * ind.per);
    if (ind.kind === 'bands' && ind.fact === fact) for (const band of ind.bands) [band.min, band.max].forEach(consider);
  }
  if (scenario.eligibility) leaves(scenario.eligibility);
  return ceiling;
}

const CLOSES: readonly GapStep['closes'][] = ['eligibility', 'bar', 'partial'];

function step(def: FactDefinition, from: number, increase: number, closes: GapStep['closes'], score: number, effort: Effort, gain: number): GapStep {
  const to = from + increase;
  const unit = def.unit;
  const n = (x: number) => x.toLocaleString('en-US');
  return {
    fact: def.id,
    title: def.title,
    ...(unit ? { unit } : {}),
    from,
    to,
    increase,
    closes,
    effort,
    score,
    gain: Math.round(gain * 100) / 100,
    message: {
      zh: `${def.title.zh}：再增加 ${n(increase)}${unit ? ` ${unit.zh}` : ''}（${n(from)} → ${n(to)}）`,
      en: `${def.title.en}: ${n(increase)} more${unit ? ` ${plural(unit.en, increase)}` : ''} (${n(from)} → ${n(to)})`,
    },
  };
}

const UNCOUNTABLE = new Set(['yuan', 'rmb', 'cny']);
function plural(unit: string, n: number): string {
  return n === 1 || unit.endsWith('s') || UNCOUNTABLE.has(unit.toLowerCase()) ? unit : `${unit}s`;
}
