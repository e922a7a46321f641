import type { Operator } from '../rule-set/condition';
import type {
  Benefit,
  DerivedFact,
  FactDefinition,
  Group,
  Indicator,
  IndicatorKind,
  RuleSet,
  Scenario,
  Text,
} from '../rule-set/schema';

/** A fact value as it arrives in a request or a resident's record. */
export type FactValue = number | boolean | string | string[];
export type Facts = Readonly<Record<string, FactValue>>;

/**
 * A rule set with its includes merged in: what the evaluators run. Built by `resolveRuleSet`.
 * Facts, groups and indicators of included rule sets come first, in include order.
 */
export interface ResolvedRuleSet {
  readonly id: string;
  readonly version: number;
  /** SHA-256 of the root document's canonical JSON (its includes are pinned by version, and immutable). */
  readonly hash: string;
  readonly effectiveFrom: string;
  readonly title: Text;
  readonly root: RuleSet;
  readonly includes: readonly { ruleSetId: string; version: number; hash: string }[];
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly derived: readonly DerivedFact[];
  readonly groups: readonly Group[];
  readonly indicators: readonly Indicator[];
  readonly scenarios: readonly Scenario[];
  readonly benefits: readonly Benefit[];
}

/** One leaf condition that was false, with the value it saw (`undefined` when the fact is absent). */
export interface FailedCondition {
  fact: string;
  operator: Operator;
  value: unknown;
  actual: unknown;
  path?: string;
  /** True when the leaf held but sat under a `not`, so holding is what failed. */
  negated?: boolean;
}

/** Why an indicator scored what it did, as data; `explain.ts` renders it in Chinese and English. */
export type Reason =
  | { code: 'missing'; fact: string }
  | { code: 'condition-failed'; failed: FailedCondition[] }
  | { code: 'fixed'; points: number }
  | { code: 'tier'; tier: string; title: Text; points: number }
  | { code: 'no-tier' }
  | { code: 'rate'; fact: string; value: number; units: number; per: number; rate: number; raw: number; cap: number; capped: boolean; unit?: Text }
  | { code: 'ledger'; fact: string; balance: number; cap: number; capped: boolean }
  | { code: 'band'; fact: string; value: number; min?: number; max?: number; points: number; step?: number }
  | { code: 'no-band'; fact: string; value: number }
  | { code: 'deduction'; occurrences: number; each: number; raw: number; cap: number; capped: boolean }
  | { code: 'veto'; triggered: boolean };

export interface IndicatorResult {
  id: string;
  title: Text;
  group: string;
  kind: IndicatorKind;
  category?: string;
  /** Exact to 0.01; deductions are positive numbers that are subtracted. */
  points: number;
  /** Plain English, e.g. "59 months × 0.5 = 29.5". */
  explanation: string;
  /** The same in Chinese. */
  explanationZh: string;
  reason: Reason;
}

export interface GroupResult {
  id: string;
  title: Text;
  /** min(positive, cap) − deductions, exact to 0.01. */
  score: number;
  cap: number;
  positive: number;
  deductions: number;
  capped: boolean;
}

/** Something that stands between a resident and a scenario. */
export type Gap =
  | { code: 'vetoed'; indicator: string; title: Text }
  | { code: 'condition-failed'; failed: FailedCondition[] }
  | { code: 'below-bar'; short: number; bar: number; score: number };

export interface ScenarioResult {
  id: string;
  title: Text;
  eligible: boolean;
  /** The sum of the scenario's counted indicators, capped by group and less its deductions. */
  score: number;
  bar: number;
  places: number;
  /** Points short of the bar, 0 when reached. */
  shortBy: number;
  missing: (Gap & { message: string; messageZh: string })[];
}

/** The answer of `POST /api/v1/evaluate` (README "HTTP API"), produced alike by every evaluator. */
export interface Evaluation {
  ruleSetId: string;
  version: number;
  hash: string;
  asOf: string;
  total: number;
  vetoed: boolean;
  groups: GroupResult[];
  indicators: IndicatorResult[];
  scenarios: ScenarioResult[];
  /** Derived facts at `asOf` (age, months…), null when their inputs are absent. */
  derived: Record<string, number | null>;
}
