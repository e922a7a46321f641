import { ledgerBalanceFact } from '../ledger/balance-fact';
import { balanceAt, type LedgerEntry } from '../ledger/ledger';
import type { Indicator } from '../rule-set/schema';
import { checkValue } from '../scoring/facts';
import type { FactValue, Facts, ResolvedRuleSet } from '../scoring/types';
import type { FactRecord, Resident } from './types';

/** The fact a rule set reads for the residence registration date, when it defines one. */
export const REGISTRATION_FACT = 'residenceRegistrationDate';

/** A ledger indicator whose points come from the points ledger: a `rate` indicator with a `ledger` term. */
export type LedgerIndicator = Extract<Indicator, { kind: 'rate' }> & { ledger: NonNullable<Indicator['ledger']> };

/** The rule set's ledger indicators (social service, 兑换制/期限制). */
export function ledgerIndicators(rs: ResolvedRuleSet): LedgerIndicator[] {
  return rs.indicators.filter((i): i is LedgerIndicator => i.kind === 'rate' && i.ledger !== undefined);
}

/** Fact id → the ledger indicator that keeps it: such facts come from the ledger, never from a feed. */
export function ledgerFacts(rs: ResolvedRuleSet): Map<string, LedgerIndicator> {
  return new Map(ledgerIndicators(rs).map((i) => [i.fact, i]));
}

/**
 * The facts to score a resident with, as of a date:
 * - the current value (a history entry, or the bare value) of every fact the rule set defines (values recorded for other rule sets, or no longer
 *   valid under this version, are left out rather than failing the whole score);
 * - `residenceRegistrationDate` from the record, when the rule set reads it;
 * - for each ledger indicator, its balance valid on `asOf` (earned, not lapsed, not spent) under
 *   `ledgerBalanceFact(id)`: the points as granted when earned, which the indicator counts up to its cap.
 *   The balance is never turned back into hours at this version's rate, so a new rate changes only
 *   what is earned under it (see balance-fact.ts).
 *
 * @example
 * scoringFacts(rs, resident, record.facts, ledger, '2026-06-30'); // { birthDate: '1990-05-01', 'ledger:volunteerService': 7, … }
 */
export function scoringFacts(
  rs: ResolvedRuleSet,
  resident: Pick<Resident, 'residenceRegistrationDate'>,
  facts: Readonly<Record<string, FactRecord | FactValue>>,
  ledger: readonly LedgerEntry[],
  asOf: string,
): Facts {
  const out: Record<string, FactValue> = {};
  const fromLedger = ledgerFacts(rs);
  for (const [id, recorded] of Object.entries(facts)) {
    const def = rs.facts.get(id);
    const value = isRecord(recorded) ? recorded.value : recorded;
    if (!def || value === null || fromLedger.has(id)) continue;
    if (checkValue(def, value) === undefined) out[id] = value;
  }
  const registration = rs.facts.get(REGISTRATION_FACT);
  if (registration?.type === 'date' && resident.residenceRegistrationDate) out[REGISTRATION_FACT] = resident.residenceRegistrationDate;
  for (const indicator of fromLedger.values()) {
    out[ledgerBalanceFact(indicator.id)] = balanceAt(ledger, indicator.id, indicator.ledger.termYears, asOf);
  }
  return out;
}

function isRecord(value: FactRecord | FactValue): value is FactRecord {
  return typeof value === 'object' && !Array.isArray(value);
}
