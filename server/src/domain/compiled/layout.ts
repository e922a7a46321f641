import type { Derivation } from '../rule-set/schema';
import type { PreparedFacts } from '../scoring/facts';
import type { FactValue, ResolvedRuleSet } from '../scoring/types';

/**
 * Where the compiled evaluator keeps what conditions read: one array of slots per evaluation, a slot per
 * input fact, derived fact and computed score, resolved by id when the rule set is compiled so that
 * evaluation never looks a name up. Slot 0 is always empty: a fact nobody defines reads as absent.
 */
export type Slots = unknown[];

export const ABSENT = 0;

/** The computed facts scenario eligibility may read (see `scoreFacts` in totals.ts). */
export type ScoreFact =
  | { kind: 'total' }
  | { kind: 'vetoed' }
  | { kind: 'group'; group: number; id: string }
  | { kind: 'indicator'; indicator: number; id: string }
  | { kind: 'category'; indicators: readonly number[]; id: string };

export interface FactLayout {
  readonly size: number;
  readonly inputs: readonly { id: string; slot: number; default: FactValue | undefined }[];
  readonly derived: readonly { id: string; slot: number; derivation: Derivation; from: number; until: number }[];
  /** Slots of computed scores, each with what it holds. */
  readonly scores: readonly { id: string; slot: number; fact: ScoreFact }[];
  /** The slot a condition on `fact` reads: indicator conditions see input and derived facts only. */
  indicatorSlot(fact: string): number;
  /** The same for scenario eligibility, which also sees the computed scores. */
  scenarioSlot(fact: string): number;
  /** The unique group ids in the order `sumScores` keeps them, and each indicator's group (−1: none). */
  readonly groupIds: readonly string[];
  readonly indicatorGroup: Int32Array;
}

/**
 * Assigns slots the way `prepareFacts` and `scoreFacts` name values: input facts in definition order, then
 * derived facts in order (a derived fact with an input's id shares its slot, as it overwrites it there).
 */
export function buildLayout(rs: ResolvedRuleSet): FactLayout {
  const factSlots = new Map<string, number>();
  let size = 1;
  const slotFor = (id: string) => {
    let slot = factSlots.get(id);
    if (slot === undefined) factSlots.set(id, (slot = size++));
    return slot;
  };
  const inputs = [...rs.facts.values()].map((def) => ({ id: def.id, slot: slotFor(def.id), default: def.default }));
  const derived = rs.derived.map((d) => {
    const from = factSlots.get(d.fact) ?? ABSENT;
    const until = d.until === undefined ? ABSENT : (factSlots.get(d.until) ?? ABSENT);
    return { id: d.id, slot: slotFor(d.id), derivation: d.derivation, from, until };
  });

  const groupIndex = new Map<string, number>();
  for (const g of rs.groups) if (!groupIndex.has(g.id)) groupIndex.set(g.id, groupIndex.size);
  const indicatorGroup = Int32Array.from(rs.indicators, (ind) => groupIndex.get(ind.group) ?? -1);

  const scoreSlots = new Map<string, { id: string; slot: number; fact: ScoreFact }>();
  const addScore = (id: string, fact: ScoreFact) => scoreSlots.set(id, { id, slot: size++, fact });
  addScore('score.total', { kind: 'total' });
  addScore('vetoed', { kind: 'vetoed' });
  for (const [id, group] of groupIndex) addScore(`score.group.${id}`, { kind: 'group', group, id });
  // A later indicator with the same id wins, as in `computeScores`' map.
  const byId = new Map<string, number>();
  rs.indicators.forEach((ind, i) => byId.set(ind.id, i));
  for (const [id, indicator] of byId) addScore(`score.indicator.${id}`, { kind: 'indicator', indicator, id });
  const categories = new Map<string, number[]>();
  rs.indicators.forEach((ind, i) => {
    if (ind.category === undefined || ind.kind === 'deduction') return;
    const list = categories.get(ind.category) ?? [];
    list.push(i);
    categories.set(ind.category, list);
  });
  for (const [id, indicators] of categories) addScore(`score.category.${id}`, { kind: 'category', indicators, id });

  return {
    size,
    inputs,
    derived,
    scores: [...scoreSlots.values()],
    indicatorSlot: (fact) => factSlots.get(fact) ?? ABSENT,
    scenarioSlot: (fact) => scoreSlots.get(fact)?.slot ?? factSlots.get(fact) ?? ABSENT,
    groupIds: [...groupIndex.keys()],
    indicatorGroup,
  };
}

/** A fresh slot array for one evaluator (reused across residents). */
export function newSlots(layout: FactLayout): Slots {
  return new Array<unknown>(layout.size).fill(undefined);
}

/** Fills input and derived slots from facts already prepared by `prepareFacts` (the explaining mode). */
export function slotsFromPrepared(layout: FactLayout, prepared: PreparedFacts, s: Slots): void {
  for (const input of layout.inputs) s[input.slot] = prepared[input.id];
  for (const d of layout.derived) s[d.slot] = prepared[d.id];
}
