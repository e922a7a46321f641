import { z } from 'zod';

/**
 * Conditions are json-rules-engine conditions, restricted to what Jifen can validate and compile:
 * `all` / `any` / `not` over leaves `{fact, operator, value, path?}` whose value is a literal.
 * (json-rules-engine would treat an object value `{fact: …}` as a fact reference; Jifen does not allow it.)
 *
 * @example
 * { "all": [{ "fact": "residenceMonths", "operator": "greaterThanInclusive", "value": 12 }] }
 */

/** Operators built into json-rules-engine. */
export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

/** Operators Jifen adds to json-rules-engine (dates are `YYYY-MM-DD`, lists are arrays). */
export const CUSTOM_OPERATORS = [
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
  'containsAny',
  'containsNone',
] as const;

export const OPERATORS = [...BUILTIN_OPERATORS, ...CUSTOM_OPERATORS] as const;
export type Operator = (typeof OPERATORS)[number];

/** Deepest nesting of all/any/not a rule set may use; deeper documents are rejected before parsing. */
export const MAX_CONDITION_DEPTH = 8;

const scalar = z.union([z.string().max(200), z.number().finite(), z.boolean()]);
export const conditionValueSchema = z.union([scalar, z.array(scalar).max(200)]);
export type ConditionValue = z.infer<typeof conditionValueSchema>;

export const factConditionSchema = z.strictObject({
  fact: z.string().min(1).max(96),
  operator: z.enum(OPERATORS),
  value: conditionValueSchema,
  /** A JSONPath into an object fact, restricted to `$.a.b[0]` steps. */
  path: z
    .string()
    .max(120)
    .regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,4}\])+$/, 'path must be $.name or $[index] steps')
    .optional(),
});
export type FactCondition = z.infer<typeof factConditionSchema>;

export type Condition = FactCondition | AllCondition | AnyCondition | NotCondition;
export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
/** json-rules-engine requires a rule's top level to be all, any or not. */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([factConditionSchema, allSchema, anySchema, notSchema]),
);
const allSchema: z.ZodType<AllCondition> = z.strictObject({
  all: z.array(conditionSchema).min(1).max(100),
});
const anySchema: z.ZodType<AnyCondition> = z.strictObject({
  any: z.array(conditionSchema).min(1).max(100),
});
const notSchema: z.ZodType<NotCondition> = z.strictObject({ not: conditionSchema });

export const topLevelConditionSchema: z.ZodType<TopLevelCondition> = z.union([
  allSchema,
  anySchema,
  notSchema,
]);

/** True when the condition is a leaf `{fact, operator, value}`. */
export function isFactCondition(condition: Condition): condition is FactCondition {
  return 'fact' in condition;
}

/** Calls `visit` on every leaf with its JSON path segments relative to the condition. */
export function forEachLeaf(
  condition: Condition,
  visit: (leaf: FactCondition, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if ('all' in condition) condition.all.forEach((c, i) => forEachLeaf(c, visit, [...path, 'all', i]));
  else if ('any' in condition) condition.any.forEach((c, i) => forEachLeaf(c, visit, [...path, 'any', i]));
  else if ('not' in condition) forEachLeaf(condition.not, visit, [...path, 'not']);
  else visit(condition, path);
}
