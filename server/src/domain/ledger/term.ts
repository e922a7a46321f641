import { parseDate } from '../dates';
import { JifenError } from '../errors';

/**
 * The validity term of ledger points (期限制, 实施细则: 期限制): it starts on 1 January of the year the points are
 * earned and ends on 31 December of the term's last year, after which unexchanged points lapse to zero.
 * Points earned in year Y with a term of T years are therefore valid through 31 December of Y + T − 1.
 *
 * @example
 * lastValidDay('2024-06-01', 2); // '2025-12-31': valid on that day, lapsed on 1 January 2026
 */
export function lastValidDay(earnedOn: string, termYears: number): string {
  const date = parseDate(earnedOn);
  if (!date) throw invalid('earnedOn', `"${earnedOn}" is not a date YYYY-MM-DD`);
  checkTerm(termYears);
  return `${String(date.y + termYears - 1).padStart(4, '0')}-12-31`;
}

/** Whether points earned on `earnedOn` count on `asOf`: earned by then and not yet lapsed. */
export function validOn(earnedOn: string, termYears: number, asOf: string): boolean {
  return earnedOn <= asOf && asOf <= lastValidDay(earnedOn, termYears);
}

/** Throws `validation_failed` unless the term is a whole number of years from 1 to 50 (as the rule set allows). */
export function checkTerm(termYears: number): void {
  if (!Number.isInteger(termYears) || termYears < 1 || termYears > 50) {
    throw invalid('termYears', `term must be a whole number of years from 1 to 50, not ${termYears}`);
  }
}

function invalid(path: string, message: string): JifenError {
  return new JifenError('validation_failed', { en: `Ledger: ${message}`, zh: '积分有效期有误' }, [{ path, message }]);
}
