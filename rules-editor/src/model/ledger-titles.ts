import type { RuleSet } from '../../../server/src/domain/rule-set/schema';
import { pick } from '../i18n/i18n';

/**
 * The titles of a document's ledger indicators (兑换制, 期限制), in the current language: the draft's
 * impact says that their changes apply only to points earned from the effective date (README, the
 * ledger model), so that a rate change showing no movers is not read as a change with no effect.
 */
export function ledgerTitles(doc: RuleSet | undefined): string[] {
  return (doc?.indicators ?? []).filter((ind) => ind.ledger !== undefined).map((ind) => pick(ind.title));
}
