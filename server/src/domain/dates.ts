/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Pure and allocation-free: population scoring calls these
 * millions of times, so they read digits instead of building Date objects.
 */

/** Splits a valid `YYYY-MM-DD` into numbers; returns undefined for anything else. */
export function parseDate(value: string): { y: number; m: number; d: number } | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/** The number written by the ASCII digits `s[from..to)`, or −1 when any is not a digit. */
export function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Full years (周岁) from `from` to `to`: the birthday must have been reached. A 29 February birthday is
 * reached on 1 March in common years.
 *
 * @example
 * fullYearsBetween('1986-07-01', '2026-06-30'); // 39
 */
export function fullYearsBetween(from: string, to: string): number | undefined {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return undefined;
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

/**
 * Full months from `from` to `to`. A month is full on the same day of a later month, or on that month's
 * last day when it is shorter (31 January → 28 February is one month).
 *
 * @example
 * fullMonthsBetween('2021-01-31', '2021-02-28'); // 1
 */
export function fullMonthsBetween(from: string, to: string): number | undefined {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return undefined;
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d && b.d !== daysInMonth(b.y, b.m)) months -= 1;
  return months;
}

/** Compares two valid dates as strings do: ISO dates sort lexicographically. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
