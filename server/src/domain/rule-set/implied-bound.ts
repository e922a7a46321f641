import type { DerivedFact, FactBound } from './schema';

/**
 * The bound a derived fact implies on the date it counts from (age, months since): not after `asOf`, for
 * the years or months up to `asOf` would otherwise be negative. The server checks it and the editor shows
 * it, both from here. Undefined for derivations that do not count up to `asOf`.
 *
 * @example
 * impliedBound({ id: 'ageYears', title: { zh: '周岁年龄', en: 'Age in full years' }, derivation: 'fullYearsSince', fact: 'birthDate' });
 * // { kind: 'notAfterAsOf', reason: { zh: '「周岁年龄」自该日期计算到评估日期，该日期不能晚于评估日期', … }, reference: { document: '派生事实 (derived fact)', clause: '周岁年龄 (Age in full years)' } }
 *
 * Staff and visitors read the reference as it is: it names the derived fact by its title, never by its id.
 */
export function impliedBound(derived: Pick<DerivedFact, 'title' | 'derivation'>): FactBound | undefined {
  if (derived.derivation !== 'fullYearsSince' && derived.derivation !== 'fullMonthsSince') return undefined;
  return {
    kind: 'notAfterAsOf',
    reason: {
      zh: `「${derived.title.zh}」自该日期计算到评估日期，该日期不能晚于评估日期`,
      en: `${derived.title.en} is counted from this date to the evaluation date, so it cannot be later`,
    },
    reference: { document: '派生事实 (derived fact)', clause: derived.title.en && derived.title.en !== derived.title.zh ? `${derived.title.zh} (${derived.title.en})` : derived.title.zh },
  };
}
