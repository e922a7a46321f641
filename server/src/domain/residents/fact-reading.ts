import type { ResolvedRuleSet } from '../scoring/types';
import { ledgerIndicators } from './scoring-facts';

/**
 * What `scoringFacts` reads of a rule set, as one string: every fact's type and the values it accepts,
 * and every ledger indicator's term (which lots are still valid). A rate is not read: balances count as
 * granted. Two versions with the same reading turn every resident's record into the same facts, so
 * population work (draft impact) can share one table of them; titles and points elsewhere do not count.
 *
 * @example
 * factReading(published) === factReading(draft); // true unless the draft changed a fact or a ledger term
 */
export function factReading(rs: ResolvedRuleSet): string {
  const facts = [...rs.facts.values()]
    .map((def) => [def.id, def.type, def.min ?? null, def.max ?? null, (def.values ?? []).map((v) => v.id)])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  const ledgers = ledgerIndicators(rs)
    .map((i) => [i.fact, i.id, i.ledger.termYears])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : String(a[1]) < String(b[1]) ? -1 : 1));
  return JSON.stringify({ facts, ledgers });
}
