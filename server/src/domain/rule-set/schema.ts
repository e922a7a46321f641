import { z } from 'zod';
import { topLevelConditionSchema } from './condition';
import { dateSchema } from './date-schema';

/**
 * The rule-set document: policy as data. A zod schema checks its shape; `validateRuleSet` (validate.ts)
 * then checks what a shape cannot: that facts exist, operators suit their fact, tiers are ordered, etc.
 *
 * Points are exact to 0.01: every number of points in a rule set must be a multiple of 0.01, and scoring
 * works in integer hundredths (points.ts), so no sum depends on the order of addition.
 */

const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Ids of facts, indicators, groups, scenarios…: camelCase or kebab-case, never a prototype key. */
export const idSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_-]{0,63}$/, 'must start with a lowercase letter and use only letters, digits, - and _ (at most 64)')
  .refine((id) => !RESERVED.has(id), 'is a reserved name');

export { dateSchema } from './date-schema';

/** A text in Chinese first and English second. */
export const textSchema = z.strictObject({
  zh: z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});
export type Text = z.infer<typeof textSchema>;

/** Where a value comes from: the document and its clause. */
export const referenceSchema = z.strictObject({
  document: z.string().min(1).max(200),
  clause: z.string().max(200).optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

const isHundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
/** A number of points: finite, at most ±10,000, a multiple of 0.01. */
export const pointsSchema = z
  .number()
  .finite()
  .min(-10_000)
  .max(10_000)
  .refine(isHundredths, 'must be a multiple of 0.01');

export const FACT_TYPES = ['integer', 'number', 'date', 'boolean', 'enum', 'enum-list', 'string'] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const enumValueSchema = z.strictObject({ id: idSchema, title: textSchema });

const boundBase = {
  /** Why the bound holds, in words a resident or reviewer reads in the refusal. */
  reason: textSchema,
  /** The document and clause the bound comes from. */
  reference: referenceSchema,
};

/**
 * A bound on the values of an input fact: a value outside it is impossible (or not allowed) and is refused
 * with 422 wherever facts enter (`checkFactBounds`, fact-bounds.ts). Each bound carries its reason and
 * reference, shown to staff in the editor and to whoever sent the value.
 * - `min` / `max`: for number and integer facts, the smallest / largest value;
 * - `notAfterAsOf`: for date facts, not later than the evaluation date (a birth date in the future);
 * - `notBefore`: for date facts, not earlier than `date`;
 * - `maxMonthsSince`: for number and integer facts, at most the full months from the date fact `fact`
 *   plus `afterYears` years up to `asOf` (months of social insurance ≤ months since the 16th birthday).
 */
export const factBoundSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('min'), value: z.number().finite(), ...boundBase }),
  z.strictObject({ kind: z.literal('max'), value: z.number().finite(), ...boundBase }),
  z.strictObject({ kind: z.literal('notAfterAsOf'), ...boundBase }),
  z.strictObject({ kind: z.literal('notBefore'), date: dateSchema, ...boundBase }),
  z.strictObject({ kind: z.literal('maxMonthsSince'), fact: idSchema, afterYears: z.number().int().min(0).max(150).optional(), ...boundBase }),
]);
export type FactBound = z.infer<typeof factBoundSchema>;
export type FactBoundKind = FactBound['kind'];

/** An input fact the rule set reads (from the resident's record or the request). */
export const factSchema = z.strictObject({
  id: idSchema,
  type: z.enum(FACT_TYPES),
  title: textSchema,
  description: textSchema.optional(),
  /** Unit shown after numbers, e.g. 月 / month. */
  unit: textSchema.optional(),
  /** For `enum` and `enum-list`: the allowed values, in display order. */
  values: z.array(enumValueSchema).min(1).max(100).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Used when the fact is absent. Without a default, conditions on an absent fact are false. */
  default: z.union([z.number().finite(), z.boolean(), z.string().max(200), z.array(z.string().max(64)).max(100)]).optional(),
  reference: referenceSchema.optional(),
  /** Impossible or disallowed values, each with its reason and reference (see `factBoundSchema`). */
  bounds: z.array(factBoundSchema).max(20).optional(),
});
export type FactDefinition = z.infer<typeof factSchema>;

export const DERIVATIONS = ['fullYearsSince', 'fullMonthsSince', 'fullMonthsBetween', 'count'] as const;
export type Derivation = (typeof DERIVATIONS)[number];

/**
 * A fact computed from other facts by a fixed, safe function (no rule can run code):
 * - `fullYearsSince`: full years (周岁) from a date fact to `asOf`;
 * - `fullMonthsSince`: full months from a date fact to `asOf`;
 * - `fullMonthsBetween`: full months from `fact` to `until` (both date facts);
 * - `count`: the number of items of a list fact.
 */
export const derivedFactSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  unit: textSchema.optional(),
  derivation: z.enum(DERIVATIONS),
  fact: idSchema,
  until: idSchema.optional(),
});
export type DerivedFact = z.infer<typeof derivedFactSchema>;

export const groupSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** The most the group's positive indicators can add up to. */
  cap: pointsSchema.refine((n) => n >= 0, 'must be ≥ 0'),
  reference: referenceSchema,
});
export type Group = z.infer<typeof groupSchema>;

/** Points that are earned into a ledger: valid for a term, and optionally exchangeable for benefits. */
export const ledgerSchema = z.strictObject({
  /** Years of validity: from 1 January of the year earned to 31 December of the last year of the term. */
  termYears: z.number().int().min(1).max(50),
  exchangeable: z.boolean(),
});

const indicatorBase = {
  id: idSchema,
  title: textSchema,
  group: idSchema,
  /** The policy category, e.g. `social-service`; tie-breakers and reports can sum a category. */
  category: idSchema.optional(),
  /** The department that owns the indicator and reviews self-applications for it. */
  department: z.string().min(1).max(100).optional(),
  description: textSchema.optional(),
  reference: referenceSchema,
  /** A gate: when present and false, the indicator scores 0 (for vetoes and fixed points, see below). */
  conditions: topLevelConditionSchema.optional(),
  ledger: ledgerSchema.optional(),
};

/** Fixed points when `conditions` hold. */
export const fixedIndicatorSchema = z.strictObject({
  ...indicatorBase,
  kind: z.literal('fixed'),
  conditions: topLevelConditionSchema,
  points: pointsSchema,
});

export const tierSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  points: pointsSchema,
  conditions: topLevelConditionSchema,
  reference: referenceSchema.optional(),
});
export type Tier = z.infer<typeof tierSchema>;

/** Tiers in descending order of points; the first (highest) that matches counts alone (本项不累加). */
export const tiersIndicatorSchema = z.strictObject({
  ...indicatorBase,
  kind: z.literal('tiers'),
  tiers: z.array(tierSchema).min(1).max(50),
});

/** `points` for each whole `per` units of a numeric fact, up to `cap` (0.5 per month, up to 30). */
export const rateIndicatorSchema = z.strictObject({
  ...indicatorBase,
  kind: z.literal('rate'),
  fact: idSchema,
  per: z.number().finite().positive().max(1_000_000).default(1),
  points: pointsSchema.refine((n) => n > 0, 'must be > 0'),
  cap: pointsSchema.refine((n) => n > 0, 'must be > 0'),
});

/**
 * Bands of a numeric fact, ascending and without gaps between integers. A band gives `points` at its
 * `min`, plus `step` for each unit above `min` (negative steps count down), never below 0.
 */
export const bandSchema = z.strictObject({
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  points: pointsSchema,
  step: pointsSchema.optional(),
  reference: referenceSchema.optional(),
});
export type Band = z.infer<typeof bandSchema>;

export const bandsIndicatorSchema = z.strictObject({
  ...indicatorBase,
  kind: z.literal('bands'),
  fact: idSchema,
  bands: z.array(bandSchema).min(1).max(100),
});

/**
 * A deduction (负面评价): `points` for each occurrence counted by `fact` (or once when `conditions` hold and
 * there is no `fact`), up to `cap`. Deductions are subtracted after group caps.
 */
export const deductionIndicatorSchema = z.strictObject({
  ...indicatorBase,
  kind: z.literal('deduction'),
  fact: idSchema.optional(),
  points: pointsSchema.refine((n) => n > 0, 'must be > 0'),
  cap: pointsSchema.refine((n) => n > 0, 'must be > 0'),
});

/** A one-vote veto (一票否决): when `conditions` hold the resident is disqualified from every scenario. */
export const vetoIndicatorSchema = z.strictObject({
  ...indicatorBase,
  kind: z.literal('veto'),
  conditions: topLevelConditionSchema,
});

export const indicatorSchema = z.discriminatedUnion('kind', [
  fixedIndicatorSchema,
  tiersIndicatorSchema,
  rateIndicatorSchema,
  bandsIndicatorSchema,
  deductionIndicatorSchema,
  vetoIndicatorSchema,
]);
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorKind = Indicator['kind'];

/** How equal scores are ordered: a group's score, a category's points, one indicator, or a fact. */
export const tieBreakerSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('group'), group: idSchema, order: z.enum(['asc', 'desc']).default('desc') }),
  z.strictObject({ by: z.literal('category'), category: idSchema, order: z.enum(['asc', 'desc']).default('desc') }),
  z.strictObject({ by: z.literal('indicator'), indicator: idSchema, order: z.enum(['asc', 'desc']).default('desc') }),
  z.strictObject({ by: z.literal('fact'), fact: idSchema, order: z.enum(['asc', 'desc']).default('asc') }),
]);
export type TieBreaker = z.infer<typeof tieBreakerSchema>;

export const scenarioSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  department: z.string().min(1).max(100),
  description: textSchema.optional(),
  reference: referenceSchema,
  /**
   * Who may apply at all. Besides the rule set's facts these conditions may read the computed facts
   * `score.total`, `score.group.<id>`, `score.indicator.<id>`, `score.category.<id>` and `vetoed`.
   */
  eligibility: topLevelConditionSchema.optional(),
  /** Indicators that count toward the scenario's score; all of them when absent. */
  counted: z.array(idSchema).min(1).max(500).optional(),
  /** The score needed to qualify. */
  bar: pointsSchema.refine((n) => n >= 0, 'must be ≥ 0'),
  places: z.number().int().min(0).max(10_000_000),
  /** Parents' scores are not added: the higher spouse counts and the other breaks ties (就高原则). */
  childRelated: z.boolean().default(false),
  tieBreakers: z.array(tieBreakerSchema).max(10).default([]),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** A benefit that exchangeable ledger points can be spent on (兑换制). */
export const benefitSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** The ledger indicator whose points are spent. */
  indicator: idSchema,
  cost: pointsSchema.refine((n) => n > 0, 'must be > 0'),
  reference: referenceSchema,
});
export type Benefit = z.infer<typeof benefitSchema>;

const factValueSchema = z.union([
  z.number().finite(),
  z.boolean(),
  z.string().max(200),
  z.array(z.string().max(64)).max(100),
]);

/** What a test case expects; every key is optional, and each one given is checked. */
export const expectationSchema = z.strictObject({
  total: pointsSchema.optional(),
  vetoed: z.boolean().optional(),
  groups: z.record(idSchema, pointsSchema).optional(),
  indicators: z.record(idSchema, pointsSchema).optional(),
  /** Scenario id → eligible. */
  scenarios: z.record(idSchema, z.boolean()).optional(),
  shortBy: z.record(idSchema, pointsSchema).optional(), // scenario id → points short of its bar (0 when reached)
});
export type Expectation = z.infer<typeof expectationSchema>;

/**
 * What a case is about, when it says so: the total, one indicator's points, one group's score, or the
 * eligibility for some scenarios. Only that is asserted, so a change elsewhere does not break the case.
 * A case without a scope asserts every expectation it gives.
 */
export const caseScopeSchema = z.discriminatedUnion('about', [
  z.strictObject({ about: z.literal('total') }),
  z.strictObject({ about: z.literal('indicator'), indicator: idSchema }),
  z.strictObject({ about: z.literal('group'), group: idSchema }),
  z.strictObject({ about: z.literal('eligibility'), scenarios: z.array(idSchema).min(1).max(100) }),
]);
export type CaseScope = z.infer<typeof caseScopeSchema>;

/** A test case carried by the rule set, run on every save. */
export const testCaseSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(200),
  asOf: dateSchema,
  facts: z.record(idSchema, factValueSchema),
  scope: caseScopeSchema.optional(),
  expect: expectationSchema,
});
export type TestCase = z.infer<typeof testCaseSchema>;

/** Another rule set this one includes, pinned to a version (the district set includes the provincial one). */
export const includeSchema = z.strictObject({ ruleSetId: idSchema, version: z.number().int().min(1) });

export const ruleSetSchema = z.strictObject({
  $schema: z.string().max(200).optional(),
  id: idSchema,
  /** The version number; assigned when a version is published. */
  version: z.number().int().min(1),
  /** The first day the version is in force. */
  effectiveFrom: dateSchema,
  title: textSchema,
  description: textSchema.optional(),
  /** The body that owns the rule set, e.g. the province or a district. */
  owner: z.string().min(1).max(100),
  reference: referenceSchema,
  includes: z.array(includeSchema).max(10).default([]),
  facts: z.array(factSchema).max(200).default([]),
  derived: z.array(derivedFactSchema).max(100).default([]),
  groups: z.array(groupSchema).max(20).default([]),
  indicators: z.array(indicatorSchema).max(500).default([]),
  scenarios: z.array(scenarioSchema).max(100).default([]),
  benefits: z.array(benefitSchema).max(100).default([]),
  cases: z.array(testCaseSchema).max(2000).default([]),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** A rule set as written by hand, before defaults are filled in. */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
