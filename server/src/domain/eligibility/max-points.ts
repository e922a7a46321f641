import type { Indicator } from '../rule-set/schema';
import { unreachable } from '../unreachable';

/**
 * The most points an indicator can give (0 for deductions and vetoes): a fixed indicator's points, the
 * highest tier, a rate's cap, the highest point of its bands.
 *
 * @example
 * maxPoints(socialInsurance); // 30
 */
export function maxPoints(ind: Indicator): number {
  switch (ind.kind) {
    case 'fixed':
      return ind.points;
    case 'tiers':
      return Math.max(0, ...ind.tiers.map((t) => t.points));
    case 'rate':
      return ind.cap;
    case 'bands':
      return Math.max(
        0,
        ...ind.bands.map((b) => (b.step && b.step > 0 && b.min !== undefined && b.max !== undefined ? b.points + b.step * (b.max - b.min) : b.points)),
      );
    case 'deduction':
    case 'veto':
      return 0;
    default:
      return unreachable(ind, 'Eligibility');
  }
}
