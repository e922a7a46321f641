import { fromHundredths } from '../points';
import { explainReason } from './explain';
import type { IndicatorOutcome } from './indicator-points';
import { RememberedResults } from './remembered-results';
import type { IndicatorResult, Reason, ResolvedRuleSet } from './types';

/**
 * The result of the indicator at `index` for its outcome. Every evaluation answers two dozen indicators
 * and most repeat (the same tier, the same number of months): each kind of reason is remembered under the
 * one value that, with the indicator, decides all of it (`scoreIndicator` works out a rate's units, raw
 * points and cap, or a band's points, from the value alone), and failed conditions under the values that
 * failed them.
 *
 * @example
 * rs.indicators.map((_, i) => indicatorResult(rs, i, outcomes[i]));
 */
export function indicatorResult(rs: ResolvedRuleSet, index: number, outcome: IndicatorOutcome): IndicatorResult {
  const key = rememberedBy(outcome.reason);
  const points = fromHundredths(outcome.points);
  // One slot per indicator and kind of reason: a value (months, a title) means one thing per kind.
  const slot = index * KINDS_OF_REASON + REASON_SLOT[outcome.reason.code];
  return remembered.get(rs, slot, key, (known) => known.points === points, () => build(rs, index, outcome));
}

const REASON_SLOT: Record<Reason['code'], number> = {
  missing: 0,
  'condition-failed': 1,
  fixed: 2,
  tier: 3,
  'no-tier': 4,
  rate: 5,
  ledger: 6,
  band: 7,
  'no-band': 8,
  deduction: 9,
  veto: 10,
};
const KINDS_OF_REASON = Object.keys(REASON_SLOT).length;
const remembered = new RememberedResults<IndicatorResult>();

function build(rs: ResolvedRuleSet, index: number, outcome: IndicatorOutcome): IndicatorResult {
  const ind = rs.indicators[index]!;
  const text = explainReason(rs, outcome.reason);
  const points = fromHundredths(outcome.points);
  // Two plain literals rather than a spread of the optional category: objects of one shape build and
  // serialise several times faster.
  return ind.category === undefined
    ? { id: ind.id, title: ind.title, group: ind.group, kind: ind.kind, points, explanation: text.en, explanationZh: text.zh, reason: outcome.reason }
    : {
        id: ind.id,
        title: ind.title,
        group: ind.group,
        kind: ind.kind,
        category: ind.category,
        points,
        explanation: text.en,
        explanationZh: text.zh,
        reason: outcome.reason,
      };
}

function rememberedBy(reason: Reason): unknown {
  // Every case names a value that, with the indicator and the kind of reason, decides the whole result.
  switch (reason.code) {
    case 'condition-failed':
      // The resident's own values that failed, and the conditions they failed (a gate on one yes-or-no
      // fact fails the same way for most residents).
      return JSON.stringify(reason.failed);
    case 'missing':
      return reason.fact;
    case 'fixed':
    case 'no-tier':
      return '';
    case 'tier':
      // Tier ids are unique within an indicator.
      return reason.tier;
    case 'rate':
    case 'band':
    case 'no-band':
      return reason.value;
    case 'ledger':
      return reason.balance;
    case 'deduction':
      return reason.occurrences;
    case 'veto':
      return reason.triggered;
  }
}
