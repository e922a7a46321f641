import { JifenError, type FieldError } from '../errors';
import { assertDate } from './day';

/**
 * An admin's correction to the official calendar: a date that is a working day (e.g. an adjusted working
 * weekend, 调休上班) or a holiday, for years the holiday library does not cover or where it is wrong.
 * An override always wins over the library.
 */
export interface CalendarOverride {
  date: string;
  kind: 'workday' | 'holiday';
  /** Why, e.g. "国务院办公厅 2027 年节假日安排：春节". */
  note?: string;
}

export type OverrideIndex = ReadonlyMap<string, CalendarOverride>;

const indexed = new WeakMap<readonly CalendarOverride[], OverrideIndex>();

/**
 * Checks an override table and indexes it by date. Every problem is reported with its path
 * (`overrides.3.date`); a date listed twice is a problem too, because the table would contradict itself.
 * The index is kept per table object: pass a new array when the table changes, never a mutated one.
 */
export function indexOverrides(overrides: readonly CalendarOverride[]): OverrideIndex {
  const cached = indexed.get(overrides);
  if (cached) return cached;
  const index = new Map<string, CalendarOverride>();
  const problems: FieldError[] = [];
  overrides.forEach((o, i) => {
    try {
      assertDate(o.date, `overrides.${i}.date`);
    } catch (error) {
      if (error instanceof JifenError && error.fields) problems.push(...error.fields);
      return;
    }
    if (o.kind !== 'workday' && o.kind !== 'holiday') {
      problems.push({ path: `overrides.${i}.kind`, message: 'must be "workday" or "holiday"' });
    } else if (index.has(o.date)) {
      problems.push({ path: `overrides.${i}.date`, message: `${o.date} is listed more than once` });
    } else index.set(o.date, o);
  });
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Calendar: invalid override table', zh: '调休表有误' }, problems);
  indexed.set(overrides, index);
  return index;
}
