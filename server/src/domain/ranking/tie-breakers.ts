import type { IndicatorKind, TieBreaker } from '../rule-set/schema';
import type { FactValue } from '../scoring/types';

/** A tie-breaker's value for one person: points in hundredths, a fact's value, or undefined (sorts last). */
export type TieValue = number | string | undefined;

/**
 * Where a tie-breaker reads one person's scores from: a full evaluation, or a row of the compiled
 * evaluator's batch. Points come in hundredths (integers, or floats the reader rounds).
 */
export interface TieScores {
  /** The group's score in hundredths; called only with a group of the rule set. */
  group(groupIndex: number): number;
  /** The indicator's points in hundredths, by its index in the rule set's indicator list. */
  indicator(indicatorIndex: number): number;
  fact(id: string): FactValue | undefined;
}

/** What the readers need of a rule set: its groups and indicators in order. */
export interface TieLayout {
  groupIds: readonly string[];
  indicators: readonly { id: string; category?: string | undefined; kind: IndicatorKind }[];
}

/**
 * One reader per tie-breaker of a scenario, in its order (实施方法, ranking: district score, earlier
 * residence registration, social-service points): a group's score, an indicator's points, a category's
 * positive points (deductions excluded), or an input fact. A group or indicator the rule set lacks reads
 * 0; a fact that is neither a number nor a string reads undefined. Points are rounded to whole hundredths
 * here, once, whichever evaluator produced them.
 *
 * @example
 * const readers = tieReaders(scenario.tieBreakers, { groupIds, indicators: rs.indicators });
 * const values = readers.map((read) => read(scoresOfOnePerson));
 */
export function tieReaders(tieBreakers: readonly TieBreaker[], layout: TieLayout): ((scores: TieScores) => TieValue)[] {
  return tieBreakers.map((t): ((scores: TieScores) => TieValue) => {
    switch (t.by) {
      case 'group': {
        const g = layout.groupIds.indexOf(t.group);
        return (s) => (g < 0 ? 0 : Math.round(s.group(g)));
      }
      case 'indicator': {
        const i = layout.indicators.findIndex((ind) => ind.id === t.indicator);
        return (s) => (i < 0 ? 0 : Math.round(s.indicator(i)));
      }
      case 'category': {
        const members = layout.indicators.flatMap((ind, i) => (ind.category === t.category && ind.kind !== 'deduction' ? [i] : []));
        return (s) => members.reduce((sum, i) => sum + Math.round(s.indicator(i)), 0);
      }
      case 'fact':
        return (s) => {
          const v = s.fact(t.fact);
          return typeof v === 'number' || typeof v === 'string' ? v : undefined;
        };
    }
  });
}
