import type { Facts, ResolvedRuleSet } from '../../../server/src/domain/scoring/types';
import { residentFactory } from './random-facts';

/**
 * `n` seeded residents for any rule set, drawn at its thresholds (see `residentFactory`), with ids
 * `r000001`…: the population the compiled-evaluator tests score on both sides of every boundary.
 *
 * @example
 * const residents = thresholdResidents(10_000, 1, '2026-06-30', district);
 */
export function thresholdResidents(n: number, seed: number, asOf: string, rs: ResolvedRuleSet): { id: string; facts: Facts }[] {
  const next = residentFactory(rs, seed, asOf);
  return Array.from({ length: n }, (_, i) => ({ id: `r${String(i + 1).padStart(6, '0')}`, facts: next() }));
}
