import type { Operator } from '../rule-set/condition';

/**
 * What each operator means, shared by both evaluators (json-rules-engine gets these in place of its
 * built-ins). One rule for absent facts: every operator is false on `undefined`, so a missing fact never
 * satisfies a condition, not even `notEqual`. Mismatched types are false too.
 */
export type OperatorFn = (actual: unknown, expected: unknown) => boolean;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const bothNumbers = (a: unknown, b: unknown) => isNumber(a) && isNumber(b);

const dateCompare =
  (test: (a: string, b: string) => boolean): OperatorFn =>
  (a, b) =>
    isString(a) && isString(b) && test(a, b);

const isScalar = (v: unknown) => v !== undefined && v !== null && typeof v !== 'object';

export const OPERATOR_FNS: Readonly<Record<Operator, OperatorFn>> = {
  equal: (a, b) => isScalar(a) && a === b,
  notEqual: (a, b) => isScalar(a) && a !== b,
  lessThan: (a, b) => bothNumbers(a, b) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => bothNumbers(a, b) && (a as number) <= (b as number),
  greaterThan: (a, b) => bothNumbers(a, b) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => bothNumbers(a, b) && (a as number) >= (b as number),
  in: (a, b) => isScalar(a) && Array.isArray(b) && b.includes(a),
  notIn: (a, b) => isScalar(a) && Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  containsAny: (a, b) => Array.isArray(a) && Array.isArray(b) && b.some((x) => a.includes(x)),
  containsNone: (a, b) => Array.isArray(a) && Array.isArray(b) && !b.some((x) => a.includes(x)),
  // ISO dates compare correctly as strings.
  dateBefore: dateCompare((a, b) => a < b),
  dateOnOrBefore: dateCompare((a, b) => a <= b),
  dateAfter: dateCompare((a, b) => a > b),
  dateOnOrAfter: dateCompare((a, b) => a >= b),
};

/** Symbols used when a condition is explained to a person. */
export const OPERATOR_SYMBOLS: Readonly<Record<Operator, { en: string; zh: string }>> = {
  equal: { en: '=', zh: '=' },
  notEqual: { en: '≠', zh: '≠' },
  lessThan: { en: '<', zh: '<' },
  lessThanInclusive: { en: '≤', zh: '≤' },
  greaterThan: { en: '>', zh: '>' },
  greaterThanInclusive: { en: '≥', zh: '≥' },
  in: { en: 'is one of', zh: '属于' },
  notIn: { en: 'is none of', zh: '不属于' },
  contains: { en: 'includes', zh: '包含' },
  doesNotContain: { en: 'does not include', zh: '不包含' },
  containsAny: { en: 'includes any of', zh: '包含任一' },
  containsNone: { en: 'includes none of', zh: '不包含任何' },
  dateBefore: { en: 'before', zh: '早于' },
  dateOnOrBefore: { en: 'on or before', zh: '不晚于' },
  dateAfter: { en: 'after', zh: '晚于' },
  dateOnOrAfter: { en: 'on or after', zh: '不早于' },
};
