import type { Operator } from './condition';
import type { FactType } from './schema';

/**
 * The operators that suit each type of fact: validation refuses any other, and the rules editor offers
 * only these. Free of runtime imports so the editor can bundle it without zod.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<FactType, readonly Operator[]>> = {
  integer: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  date: ['equal', 'notEqual', 'dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter'],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
  'enum-list': ['contains', 'doesNotContain', 'containsAny', 'containsNone'],
  boolean: ['equal', 'notEqual'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
};

/** Operators whose value is a list of candidates rather than one value. */
export const LIST_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['in', 'notIn', 'containsAny', 'containsNone']);
