import type { Indicator } from '../rule-set/schema';

/**
 * Where a resident's ledger balance travels with their facts. Points are granted when earned (赋分): each
 * lot keeps the points the version in force on its earn date granted, and a later version's rate applies
 * only to what is earned from its effective date. So a ledger indicator scores the balance valid on
 * `asOf` — capped by the scoring version's cap — and never turns it back into hours at today's rate.
 * `scoringFacts` puts the balance under this key; the evaluators read it for the indicator. Without it
 * (facts sent to `/evaluate`, a self-check, a preview of typed-in hours) the indicator prices the fact at
 * its own rate, as activity earned under that version.
 * The key cannot collide with a fact id (ids have no colon), and no request can send it.
 *
 * @example
 * ledgerBalanceFact('volunteerService'); // 'ledger:volunteerService'
 */
export function ledgerBalanceFact(indicatorId: string): string {
  return `ledger:${indicatorId}`;
}

/** Whether an indicator keeps a ledger (a `rate` indicator with a `ledger` term). */
export function keepsLedger(ind: Indicator): boolean {
  return ind.kind === 'rate' && ind.ledger !== undefined;
}
