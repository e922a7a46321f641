import { ledgerBalanceFact } from '../ledger/balance-fact';
import { toHundredths } from '../points';
import type { Band, Indicator } from '../rule-set/schema';
import type { PreparedFacts } from './facts';
import type { FailedCondition, Reason } from './types';

/** The outcome of one named condition (an indicator's gate, a tier, a scenario's eligibility). */
export interface ConditionOutcome {
  passed: boolean;
  /** The leaves that were false, for explanations; empty when passed. */
  failed: FailedCondition[];
}

/**
 * Looks up a condition's outcome by its key (see `conditionKeys`); evaluators differ only in this. With
 * `explain` false only `passed` is read, and an evaluator may leave `failed` empty: the failed tiers before
 * the one that holds are never shown, and finding their failed leaves was most of an evaluation's work.
 */
export type ConditionLookup = (key: string, explain: boolean) => ConditionOutcome;

/**
 * Keys under which the evaluators report conditions: `gate:<indicator>`, `tier:<indicator>:<tier>`,
 * `scenario:<scenario>`. An evaluation looks up dozens, so each is made once per rule-set object and handed
 * out again: a string built anew would be hashed anew on every lookup.
 */
export const conditionKeys = {
  gate: (indicator: { id: string }) => keyOf(indicator, 'gate', indicator.id, undefined),
  tier: (indicator: { id: string }, tier: { id: string }) => keyOf(tier, 'tier', indicator.id, tier.id),
  scenario: (scenario: { id: string }) => keyOf(scenario, 'scenario', scenario.id, undefined),
};

const keys = new WeakMap<object, { kind: string; id: string; sub: string | undefined; key: string }>();

function keyOf(holder: object, kind: string, id: string, sub: string | undefined): string {
  const known = keys.get(holder);
  // Checked against what it was made of, so a tier shared by two indicators (or an edited object) never gets a stale key.
  if (known && known.kind === kind && known.id === id && known.sub === sub) return known.key;
  const key = sub === undefined ? `${kind}:${id}` : `${kind}:${id}:${sub}`;
  keys.set(holder, { kind, id, sub, key });
  return key;
}

/** An indicator's points, in hundredths, and why. */
export interface IndicatorOutcome {
  points: number;
  reason: Reason;
  /** True for a veto whose conditions hold. */
  vetoed: boolean;
}

/**
 * Jifen's scoring vocabulary around the conditions: fixed points, tiers, rates with caps, bands,
 * deductions and vetoes. Pure arithmetic in hundredths, shared by every evaluator.
 */
export function scoreIndicator(ind: Indicator, facts: PreparedFacts, check: ConditionLookup): IndicatorOutcome {
  if (ind.conditions) {
    const gate = check(conditionKeys.gate(ind), ind.kind !== 'veto');
    if (ind.kind === 'veto') return { points: 0, reason: { code: 'veto', triggered: gate.passed }, vetoed: gate.passed };
    if (!gate.passed) return zero({ code: 'condition-failed', failed: gate.failed });
    if (ind.kind === 'fixed') return fixed(ind.points);
  }
  switch (ind.kind) {
    case 'fixed':
    case 'veto':
      // Both require conditions (schema); unreachable without them.
      return zero({ code: 'no-tier' });
    case 'tiers': {
      for (const tier of ind.tiers) {
        if (check(conditionKeys.tier(ind, tier), false).passed) {
          return { points: toHundredths(tier.points), reason: { code: 'tier', tier: tier.id, title: tier.title, points: tier.points }, vetoed: false };
        }
      }
      return zero({ code: 'no-tier' });
    }
    case 'rate': {
      if (ind.ledger) {
        // Points granted when earned: the valid balance counts as it is, up to this version's cap.
        const balance = facts[ledgerBalanceFact(ind.id)];
        if (typeof balance === 'number') {
          const held = toHundredths(balance);
          const cap = toHundredths(ind.cap);
          return { points: Math.min(held, cap), reason: { code: 'ledger', fact: ind.fact, balance, cap: ind.cap, capped: held > cap }, vetoed: false };
        }
      }
      const value = facts[ind.fact];
      if (typeof value !== 'number') return zero({ code: 'missing', fact: ind.fact });
      const units = Math.max(0, Math.floor(value / ind.per));
      const raw = units * toHundredths(ind.points);
      const cap = toHundredths(ind.cap);
      return {
        points: Math.min(raw, cap),
        reason: { code: 'rate', fact: ind.fact, value, units, per: ind.per, rate: ind.points, raw: raw / 100, cap: ind.cap, capped: raw > cap },
        vetoed: false,
      };
    }
    case 'bands': {
      const value = facts[ind.fact];
      if (typeof value !== 'number') return zero({ code: 'missing', fact: ind.fact });
      const band = ind.bands.find((b) => inBand(b, value));
      if (!band) return zero({ code: 'no-band', fact: ind.fact, value });
      const points = bandPoints(band, value);
      return {
        points,
        reason: { code: 'band', fact: ind.fact, value, min: band.min, max: band.max, points: points / 100, step: band.step },
        vetoed: false,
      };
    }
    case 'deduction': {
      let occurrences = 1;
      if (ind.fact !== undefined) {
        const value = facts[ind.fact];
        if (typeof value !== 'number') return zero({ code: 'missing', fact: ind.fact });
        occurrences = Math.max(0, Math.floor(value));
      } else if (!ind.conditions) {
        occurrences = 0;
      }
      const raw = occurrences * toHundredths(ind.points);
      const cap = toHundredths(ind.cap);
      return {
        points: Math.min(raw, cap),
        reason: { code: 'deduction', occurrences, each: ind.points, raw: raw / 100, cap: ind.cap, capped: raw > cap },
        vetoed: false,
      };
    }
  }
}

function fixed(points: number): IndicatorOutcome {
  return { points: toHundredths(points), reason: { code: 'fixed', points }, vetoed: false };
}

/** Bands include both ends; an open end is unbounded. */
export function inBand(band: Band, value: number): boolean {
  return (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max);
}

// At module level, not a closure per call: this runs for every indicator of every evaluation.
function zero(reason: Reason): IndicatorOutcome {
  return { points: 0, reason, vetoed: false };
}

/** Points at the band's start plus `step` per unit above it, never below zero; in hundredths. */
export function bandPoints(band: Band, value: number): number {
  const above = band.min === undefined ? 0 : value - band.min;
  const step = band.step === undefined ? 0 : Math.round(toHundredths(band.step) * above);
  return Math.max(0, toHundredths(band.points) + step);
}
