import { toHundredths } from '../points';
import { conditionKeys } from '../scoring/indicator-points';
import type { ResolvedRuleSet } from '../scoring/types';
import { compileCondition, type CompiledCondition } from './compile-condition';
import { buildLayout, type FactLayout } from './layout';

/** A scenario, compiled: the indicators it counts and the bar in hundredths. */
export interface CompiledScenario {
  readonly id: string;
  /** Indices of counted indicators, or undefined when the scenario counts the whole total. */
  readonly counted: Int32Array | undefined;
  /** The indices it does not count (when it has `counted`). */
  readonly excluded: Int32Array | undefined;
  readonly bar: number;
}

/**
 * A rule set compiled once (no source text is generated): the slot layout, the conditions as closures
 * for the explaining mode, and the constants the fast mode binds its batch kernels to.
 */
export interface Program {
  readonly key: string;
  readonly rs: ResolvedRuleSet;
  readonly layout: FactLayout;
  /** Indicator gates and tiers, by `conditionKeys` key. */
  readonly indicatorConditions: ReadonlyMap<string, CompiledCondition>;
  /** Scenario eligibility, by `conditionKeys` key. */
  readonly scenarioConditions: ReadonlyMap<string, CompiledCondition>;
  readonly deduction: Uint8Array;
  readonly groupCaps: Float64Array;
  readonly scenarios: readonly CompiledScenario[];
  /** Score slots that some scenario's eligibility reads (the others are never filled by fast mode). */
  readonly scoreSlotsRead: FactLayout['scores'];
}

/** The cache key: the root's content hash and its includes' (each pinned, immutable). */
export function programKey(rs: ResolvedRuleSet): string {
  return [rs.hash, ...rs.includes.map((i) => `${i.ruleSetId}@${i.version}:${i.hash}`)].join('|');
}

const CACHE_LIMIT = 32;
const byHash = new Map<string, Program>();
const byObject = new WeakMap<ResolvedRuleSet, Program>();

/**
 * The compiled form of a resolved rule set, compiled on first use and cached by content hash (at most
 * 32, least recently used dropped), so every server instance compiles a published version once.
 *
 * @example
 * const program = compileRuleSet(rs);
 */
export function compileRuleSet(rs: ResolvedRuleSet): Program {
  const known = byObject.get(rs);
  if (known) return known;
  const key = programKey(rs);
  let program = byHash.get(key);
  if (program) byHash.delete(key);
  else program = buildProgram(rs, key);
  byHash.set(key, program);
  if (byHash.size > CACHE_LIMIT) byHash.delete(byHash.keys().next().value!);
  byObject.set(rs, program);
  return program;
}

function buildProgram(rs: ResolvedRuleSet, key: string): Program {
  const layout = buildLayout(rs);
  const indicatorConditions = new Map<string, CompiledCondition>();
  for (const ind of rs.indicators) {
    if (ind.conditions) indicatorConditions.set(conditionKeys.gate(ind), compileCondition(ind.conditions, layout.indicatorSlot));
    if (ind.kind === 'tiers') {
      for (const tier of ind.tiers) {
        indicatorConditions.set(conditionKeys.tier(ind, tier), compileCondition(tier.conditions, layout.indicatorSlot));
      }
    }
  }

  const scenarioConditions = new Map<string, CompiledCondition>();
  const read = new Set<number>();
  const scoreSlots = new Set(layout.scores.map((s) => s.slot));
  const scenarios = rs.scenarios.map((sc): CompiledScenario => {
    if (sc.eligibility) {
      const slotOf = (fact: string) => {
        const slot = layout.scenarioSlot(fact);
        if (scoreSlots.has(slot)) read.add(slot);
        return slot;
      };
      scenarioConditions.set(conditionKeys.scenario(sc), compileCondition(sc.eligibility, slotOf));
    }
    const only = sc.counted ? new Set(sc.counted) : undefined;
    const pick = (want: boolean) => Int32Array.from(rs.indicators.flatMap((ind, i) => (only?.has(ind.id) === want ? [i] : [])));
    return { id: sc.id, counted: only && pick(true), excluded: only && pick(false), bar: toHundredths(sc.bar) };
  });

  const caps = new Map<string, number>();
  for (const g of rs.groups) caps.set(g.id, toHundredths(g.cap));
  return {
    key,
    rs,
    layout,
    indicatorConditions,
    scenarioConditions,
    deduction: Uint8Array.from(rs.indicators, (ind) => (ind.kind === 'deduction' ? 1 : 0)),
    groupCaps: Float64Array.from(layout.groupIds, (id) => caps.get(id) ?? 0),
    scenarios,
    scoreSlotsRead: layout.scores.filter((s) => read.has(s.slot)),
  };
}
