import type { FactCondition } from '../rule-set/condition';
import { OPERATOR_FNS } from '../scoring/operators';
import { resolvePath } from '../scoring/path';
import { leafPredicate } from './leaf-predicate';

/**
 * One slot's values for a batch of residents: plain values, or unboxed numbers. In a column of numbers
 * whose `nanAbsent` is set, NaN stands for an absent value (such columns never hold a NaN fact).
 */
export interface BatchColumn {
  readonly values: unknown[] | Float64Array;
  readonly nanAbsent: boolean;
}
/** Evaluates a node for the first `n` residents of the batch into its `out` (1 = holds). */
export type Kernel = (n: number) => void;

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * A leaf over a whole batch: one loop per leaf instead of one call per resident. Each loop is the
 * corresponding `leafPredicate` (leaf-predicate.ts) inlined; kernel tests hold the two to the same
 * answers, and anything unusual (a path, holes, odd literals) runs the predicate itself.
 */
export function leafKernel(leaf: FactCondition, column: BatchColumn, out: Uint8Array): Kernel {
  const { operator, path } = leaf;
  const col = column.values;
  const nanAbsent = column.nanAbsent;
  // Strings JSON.parse internalises then compare with an internalised literal by pointer.
  const b = internalizeLiteral(leaf.value);
  if (path !== undefined) {
    leafPredicate(operator, b, 0); // rejects an unknown operator
    const fn = OPERATOR_FNS[operator];
    return (n) => {
      for (let i = 0; i < n; i++) {
        const v = present(col[i], nanAbsent);
        out[i] = fn(v !== null && typeof v === 'object' ? resolvePath(v, path) : v, b) ? 1 : 0;
      }
    };
  }
  const finite = typeof b === 'number' && Number.isFinite(b);
  // Primitives only, no NaN (an absent number reads as NaN), no holes.
  const plainList = Array.isArray(b) && b.every((v) => isPrimitive(v) && v === v) && Object.keys(b).length === b.length;
  switch (operator) {
    case 'equal':
      if (!isPrimitive(b)) break;
      return (n) => {
        for (let i = 0; i < n; i++) out[i] = col[i] === b ? 1 : 0;
      };
    case 'greaterThanInclusive':
      if (!finite) break;
      return (n) => {
        for (let i = 0; i < n; i++) {
          const a = col[i];
          out[i] = typeof a === 'number' && a >= b && a !== Infinity ? 1 : 0;
        }
      };
    case 'greaterThan':
      if (!finite) break;
      return (n) => {
        for (let i = 0; i < n; i++) {
          const a = col[i];
          out[i] = typeof a === 'number' && a > b && a !== Infinity ? 1 : 0;
        }
      };
    case 'lessThanInclusive':
      if (!finite) break;
      return (n) => {
        for (let i = 0; i < n; i++) {
          const a = col[i];
          out[i] = typeof a === 'number' && a <= b && a !== -Infinity ? 1 : 0;
        }
      };
    case 'lessThan':
      if (!finite) break;
      return (n) => {
        for (let i = 0; i < n; i++) {
          const a = col[i];
          out[i] = typeof a === 'number' && a < b && a !== -Infinity ? 1 : 0;
        }
      };
    case 'in':
      if (!plainList) break;
      return (n) => {
        for (let i = 0; i < n; i++) out[i] = b.includes(col[i] as never) ? 1 : 0;
      };
    case 'contains':
      return (n) => {
        for (let i = 0; i < n; i++) {
          const a = col[i];
          out[i] = Array.isArray(a) && a.includes(b) ? 1 : 0;
        }
      };
    case 'containsAny':
    case 'containsNone': {
      if (!plainList) break;
      const hit = operator === 'containsAny' ? 1 : 0;
      return (n) => {
        for (let i = 0; i < n; i++) {
          const a = col[i];
          if (!Array.isArray(a)) {
            out[i] = 0;
            continue;
          }
          let r = 1 - hit;
          // An empty record is the common case: nothing to look for.
          if (a.length > 0) {
            for (let k = 0; k < b.length; k++) {
              if (a.includes(b[k])) {
                r = hit;
                break;
              }
            }
          }
          out[i] = r;
        }
      };
    }
    default:
      break;
  }
  const test = leafPredicate(operator, b, 0);
  const one: unknown[] = [undefined];
  return (n) => {
    for (let i = 0; i < n; i++) {
      one[0] = present(col[i], nanAbsent);
      out[i] = test(one) ? 1 : 0;
    }
  };
}

/** A column's value as conditions see it: NaN in a column of numbers is an absent value. */
export function present(value: unknown, nanAbsent: boolean): unknown {
  return nanAbsent && value !== value ? undefined : value;
}

function internalizeLiteral<T>(value: T): T {
  if (typeof value === 'string') return internalize(value) as T;
  if (Array.isArray(value) && Object.keys(value).length === value.length) {
    return value.map((v: unknown) => (typeof v === 'string' ? internalize(v) : v)) as T;
  }
  return value;
}

/** The engine's own copy of a string: property keys are internalised. */
function internalize(s: string): string {
  for (const key in { [s]: 0 }) return key;
  return s;
}
