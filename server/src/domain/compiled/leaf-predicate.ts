import { OPERATORS, type Operator } from '../rule-set/condition';
import { JifenError } from '../errors';
import { OPERATOR_FNS } from '../scoring/operators';
import type { Slots } from './layout';

/** A compiled condition: true when it holds for the values in the slots. */
export type Predicate = (s: Slots) => boolean;

const never: Predicate = () => false;
const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * A leaf `{fact, operator, value}` as a closure reading one slot, specialised for its literal value.
 * Each case is `OPERATOR_FNS[operator]` with what the literal makes constant folded away (e.g. `a < b` is
 * false for NaN and +∞, so only −∞ still needs excluding); the property test in operators.test.ts holds
 * every case to `OPERATOR_FNS` over arbitrary values. Anything unusual falls back to `OPERATOR_FNS`.
 *
 * @example
 * leafPredicate('greaterThanInclusive', 12, 3)([, , , 59]); // true
 */
export function leafPredicate(operator: Operator, b: unknown, k: number): Predicate {
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    throw new JifenError('invalid_rule_set', `Compile: unknown operator "${String(operator)}"`);
  }
  const finite = typeof b === 'number' && Number.isFinite(b);
  // Array methods treat holes differently (`some` skips them, `includes` sees undefined): no shortcuts.
  if (Array.isArray(b) && hasHoles(b)) return generic(operator, b, k);
  switch (operator) {
    case 'equal':
      return isPrimitive(b) ? (s) => s[k] === b : generic(operator, b, k);
    case 'notEqual':
      if (!isPrimitive(b)) return generic(operator, b, k);
      return (s) => {
        const a = s[k];
        return a !== b && a !== undefined && a !== null && typeof a !== 'object';
      };
    case 'lessThan':
      if (!finite) return never;
      return (s) => {
        const a = s[k];
        return typeof a === 'number' && a < b && a !== -Infinity;
      };
    case 'lessThanInclusive':
      if (!finite) return never;
      return (s) => {
        const a = s[k];
        return typeof a === 'number' && a <= b && a !== -Infinity;
      };
    case 'greaterThan':
      if (!finite) return never;
      return (s) => {
        const a = s[k];
        return typeof a === 'number' && a > b && a !== Infinity;
      };
    case 'greaterThanInclusive':
      if (!finite) return never;
      return (s) => {
        const a = s[k];
        return typeof a === 'number' && a >= b && a !== Infinity;
      };
    case 'in':
    case 'notIn': {
      if (!Array.isArray(b)) return never;
      // With only primitives listed, `includes(a)` can hold only for a primitive `a`.
      if (!b.every(isPrimitive)) return generic(operator, b, k);
      const has = membership(b);
      if (operator === 'in') return (s) => has(s[k]);
      return (s) => {
        const a = s[k];
        return a !== undefined && a !== null && typeof a !== 'object' && !has(a);
      };
    }
    case 'contains':
      return (s) => {
        const a = s[k];
        return Array.isArray(a) && a.includes(b);
      };
    case 'doesNotContain':
      return (s) => {
        const a = s[k];
        return Array.isArray(a) && !a.includes(b);
      };
    case 'containsAny':
    case 'containsNone': {
      if (!Array.isArray(b)) return never;
      const wanted: readonly unknown[] = b.slice();
      const any = operator === 'containsAny';
      return (s) => {
        const a = s[k];
        if (!Array.isArray(a)) return false;
        for (let i = 0; i < wanted.length; i++) if (a.includes(wanted[i])) return any;
        return !any;
      };
    }
    case 'dateBefore':
      return typeof b === 'string' ? (s) => { const a = s[k]; return typeof a === 'string' && a < b; } : never;
    case 'dateOnOrBefore':
      return typeof b === 'string' ? (s) => { const a = s[k]; return typeof a === 'string' && a <= b; } : never;
    case 'dateAfter':
      return typeof b === 'string' ? (s) => { const a = s[k]; return typeof a === 'string' && a > b; } : never;
    case 'dateOnOrAfter':
      return typeof b === 'string' ? (s) => { const a = s[k]; return typeof a === 'string' && a >= b; } : never;
  }
}

/** `list.includes(a)` (SameValueZero), through a Set when the list is long. */
function membership(list: readonly unknown[]): (a: unknown) => boolean {
  if (list.length <= 8) {
    const items = list.slice();
    return (a) => items.includes(a);
  }
  const set = new Set(list);
  return (a) => set.has(a);
}

function hasHoles(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (!(i in list)) return true;
  return false;
}

function generic(operator: Operator, b: unknown, k: number): Predicate {
  const fn = OPERATOR_FNS[operator];
  return (s) => fn(s[k], b);
}
