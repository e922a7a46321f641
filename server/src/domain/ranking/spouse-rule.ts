import { toHundredths } from '../points';

/** What the rule reads of a parent: eligibility for the scenario and the scenario score. */
export interface Scored {
  eligible: boolean;
  score: number;
}

/** Whose score counts for an application, and what breaks its ties. */
export interface CountingParent<S extends Scored> {
  /** True when the counted parent meets the scenario's conditions. */
  eligible: boolean;
  counted: S;
  /** The other parent's score in hundredths, the first tie-breaker (−∞ without one). */
  other: number;
  /** True when the spouse's score is the one that counts. */
  spouseCounted: boolean;
}

/**
 * The spouse rule (就高原则, 实施方法): when a resident's minor child applies, the parents' scores are not
 * added; the higher of the two counts, and the other's breaks a tie. Only an eligible parent can count;
 * of two eligible parents the higher (the applicant on equal scores). When neither is eligible the
 * higher score is still the one shown, so a list never shows a family a lower score than it has.
 * Outside child-related scenarios the applicant alone counts.
 *
 * @example
 * countingParent({ subject: mother, spouse: father }, true); // { counted: father, spouseCounted: true, … } when he scores higher
 */
export function countingParent<S extends Scored>(a: { subject: S; spouse?: S | undefined }, childRelated: boolean): CountingParent<S> {
  const spouse = childRelated ? a.spouse : undefined;
  const own = a.subject;
  const spouseHigher = spouse !== undefined && toHundredths(spouse.score) > toHundredths(own.score);
  const eligible = own.eligible || spouse?.eligible === true;
  const spouseWins = spouse !== undefined && (eligible ? spouse.eligible && (!own.eligible || spouseHigher) : spouseHigher);
  const counted = spouseWins ? spouse : own;
  const other = spouse ? toHundredths((spouseWins ? own : spouse).score) : Number.NEGATIVE_INFINITY;
  return { eligible, counted, other, spouseCounted: spouseWins };
}
