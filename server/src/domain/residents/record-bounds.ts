import type { FieldError } from '../errors';
import { factBoundViolations } from '../rule-set/fact-bounds';
import type { FactValue, ResolvedRuleSet } from '../scoring/types';
import { REGISTRATION_FACT } from './scoring-facts';
import type { FactChange } from './types';

/**
 * Fact bounds (`checkFactBounds`) for a write to a resident's record — a feed record, a self-application,
 * an objection's correction: the facts as they would be after the changes, checked on `asOf` (the day
 * of the write) for the bounds that read a changed fact, so that a relation with a fact already on record
 * counts (months of insurance against the birth date on record). Paths are `<path>.<fact>`.
 *
 * @example
 * recordBoundViolations(rs, { birthDate: '2010-01-01' }, [{ fact: 'socialInsuranceMonths', value: 200 }], '2026-06-30', 'records.0.facts');
 */
export function recordBoundViolations(
  rs: ResolvedRuleSet,
  current: Readonly<Record<string, FactValue>>,
  changes: readonly FactChange[],
  asOf: string,
  path: string,
  registration?: { date: string; path: string },
): FieldError[] {
  const after: Record<string, FactValue> = { ...current };
  for (const { fact, value } of changes) {
    if (value === null) delete after[fact];
    else after[fact] = value;
  }
  const changed = changes.map((c) => c.fact);
  if (registration && rs.facts.get(REGISTRATION_FACT)?.type === 'date') {
    after[REGISTRATION_FACT] = registration.date;
    changed.push(REGISTRATION_FACT);
  }
  return factBoundViolations(rs, after, asOf, { changed, path }).map((error) =>
    registration && error.path === `${path}.${REGISTRATION_FACT}` && !changes.some((c) => c.fact === REGISTRATION_FACT) ? { ...error, path: registration.path } : error,
  );
}

/** A ledger entry cannot be earned after the day it is recorded; the field error, or undefined. */
export function earnedOnProblem(earnedOn: string, today: string, path: string): FieldError | undefined {
  return earnedOn > today
    ? { path, message: `must not be after today ${today}: points are recorded once earned`, messageZh: `不得晚于今天 ${today}：积分在取得之后才能记入` }
    : undefined;
}
