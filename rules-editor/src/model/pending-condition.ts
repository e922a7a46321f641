import type { Condition, ConditionValue, FactCondition, Operator } from './condition';
import { operatorsFor } from './condition';
import type { FactOption } from './facts';

/**
 * A condition the user has started with "+ 添加条件" but not finished. It lives in the page only: the
 * document (and so the saved draft and every score) gets it once its fact, operator and value are all
 * chosen, never a placeholder in between.
 */
export interface PendingCondition {
  fact?: string;
  operator?: Operator;
  value?: ConditionValue;
  /** Started as a new "any" group or a "not" around it. */
  wrap?: 'any' | 'not';
}

/** True when a value has been given: not empty text, not an empty list. */
export function hasValue(value: ConditionValue | null | undefined): value is ConditionValue {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'number' || Number.isFinite(value);
}

/**
 * The finished condition, or undefined while anything is missing.
 *
 * @example
 * completeCondition({ fact: 'age', operator: 'greaterThanInclusive' }, ageFact); // undefined: no value yet
 */
export function completeCondition(p: PendingCondition, fact: FactOption | undefined): Condition | undefined {
  if (!fact || p.fact !== fact.id || !p.operator || !operatorsFor(fact).includes(p.operator) || !hasValue(p.value)) return undefined;
  const leaf: FactCondition = { fact: fact.id, operator: p.operator, value: p.value };
  return p.wrap === 'any' ? { any: [leaf] } : p.wrap === 'not' ? { not: leaf } : leaf;
}

/** The pending condition after choosing a fact: the operator and value start over unless they still fit. */
export function pendingWithFact(p: PendingCondition, fact: FactOption | undefined): PendingCondition {
  const keep = fact && p.operator && operatorsFor(fact).includes(p.operator);
  return { wrap: p.wrap, fact: fact?.id, ...(keep ? { operator: p.operator } : {}) };
}
