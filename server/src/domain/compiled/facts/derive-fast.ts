import { daysInMonth, digits } from '../../dates';
import type { Derivation } from '../../rule-set/schema';

/**
 * The derived-fact library of `facts.ts` (`derive`) without allocation: a date is packed into one number
 * `y·10000 + m·100 + d`, or −1 when it is not a valid `YYYY-MM-DD` (the same test as `parseDate`).
 * Differential tests hold both to the same answers.
 */
export function packDate(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** Full years from packed date `a` to packed date `b` (as `fullYearsBetween`). */
function fullYears(a: number, b: number): number {
  const years = Math.floor(b / 10000) - Math.floor(a / 10000);
  return b % 10000 < a % 10000 ? years - 1 : years;
}

/** Full months from packed date `a` to packed date `b` (as `fullMonthsBetween`). */
function fullMonths(a: number, b: number): number {
  const by = Math.floor(b / 10000);
  const bm = Math.floor(b / 100) % 100;
  const bd = b % 100;
  const ad = a % 100;
  const months = (by - Math.floor(a / 10000)) * 12 + (bm - (Math.floor(a / 100) % 100));
  return bd < ad && bd !== daysInMonth(by, bm) ? months - 1 : months;
}

/**
 * One derived fact, as `derive` computes it; `asOf` is packed once per population run.
 *
 * @example
 * deriveFast('fullYearsSince', '1986-07-01', undefined, packDate('2026-06-30')); // 39
 */
export function deriveFast(derivation: Derivation, input: unknown, until: unknown, asOf: number): number | undefined {
  switch (derivation) {
    case 'fullYearsSince': {
      if (typeof input !== 'string') return undefined;
      const a = packDate(input);
      return a < 0 || asOf < 0 ? undefined : nonNegative(fullYears(a, asOf));
    }
    case 'fullMonthsSince': {
      if (typeof input !== 'string') return undefined;
      const a = packDate(input);
      return a < 0 || asOf < 0 ? undefined : nonNegative(fullMonths(a, asOf));
    }
    case 'fullMonthsBetween': {
      if (typeof input !== 'string' || typeof until !== 'string') return undefined;
      const a = packDate(input);
      const b = packDate(until);
      return a < 0 || b < 0 ? undefined : nonNegative(fullMonths(a, b));
    }
    case 'count':
      // A value listed twice is one item (two level-4 certificates are one level 4).
      return Array.isArray(input) ? new Set(input).size : undefined;
  }
}

const nonNegative = (n: number) => (n < 0 ? undefined : n);
