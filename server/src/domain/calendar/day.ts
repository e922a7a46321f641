import { parseDate } from '../dates';
import { JifenError } from '../errors';

/** Throws a field-precise `validation_failed` unless `value` is a calendar date `YYYY-MM-DD`. */
export function assertDate(value: string, field: string): { y: number; m: number; d: number } {
  const parsed = typeof value === 'string' ? parseDate(value) : undefined;
  if (!parsed) {
    throw new JifenError('validation_failed', { en: `Calendar: "${String(value)}" is not a date YYYY-MM-DD`, zh: `“${String(value)}”不是有效的日期（YYYY-MM-DD）` }, [
      { path: field, message: 'must be a calendar date YYYY-MM-DD' },
    ]);
  }
  return parsed;
}

/**
 * The date `n` days after `date` (before, when negative). Arithmetic on the UTC calendar: no clock, no
 * time zone.
 *
 * @example
 * addDays('2025-09-30', 1); // '2025-10-01'
 */
export function addDays(date: string, n: number): string {
  const { y, m, d } = assertDate(date, 'date');
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const { y, m, d } = assertDate(date, 'date');
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
