import type { ResolvedRuleSet } from './types';

/**
 * Results remembered per slot at most. Real populations repeat few values per indicator (tiers, months,
 * ages: 88% of 100,000 seeded residents' results are remembered ones at this bound, 93% at 1,000). A caller
 * sending every value there is can fill each slot once: about 1.5 KB a result, some 30 MB for a rule set of
 * the shipped rule sets' size (24 indicators, 8 scenarios), more for a larger one.
 */
export const REMEMBERED_PER_SLOT = 256;

/**
 * Results that many evaluations share, remembered per rule set: an indicator's points and words for the
 * same tier or the same number of months, a scenario's verdict for the same score. A remembered result is
 * frozen, since every evaluation that has it holds the same object — and with it what it holds of the rule
 * set (titles, a failed condition's values), which nothing changes once published — and its JSON is written once
 * (`rememberedJson`), so that an answer serialises only what is the resident's own.
 *
 * @example
 * const remembered = new RememberedResults<IndicatorResult>();
 * remembered.get(rs, slot, reason.value, (known) => known.points === points, () => build(rs, index, outcome));
 */
export class RememberedResults<T extends object> {
  private readonly byRuleSet = new WeakMap<ResolvedRuleSet, Map<unknown, T>[]>();

  /** At most `most` results per slot (an indicator and kind of reason, a scenario): a fact with many distinct values would fill memory for nothing. */
  constructor(private readonly most = REMEMBERED_PER_SLOT) {}

  /**
   * The result remembered in `slot` under `key` if `fits` it, else a new one from `build`, remembered when
   * there is room. `key` with the slot must decide the whole result; `fits` is a cheap check that it did.
   */
  get(rs: ResolvedRuleSet, slot: number, key: unknown, fits: (known: T) => boolean, build: () => T): T {
    let slots = this.byRuleSet.get(rs);
    if (!slots) this.byRuleSet.set(rs, (slots = []));
    const results = (slots[slot] ??= new Map());
    const known = results.get(key);
    if (known && fits(known)) return known;
    const result = build();
    if (!known && results.size < this.most) {
      texts.set(result, utf8.encode(JSON.stringify(result)));
      results.set(key, deepFreeze(result));
    }
    return result;
  }
}

/**
 * `JSON.stringify(value)` as UTF-8, when `value` is a remembered result.
 *
 * @example
 * const known = rememberedJson(evaluation.indicators[0]); // Uint8Array, or undefined for a resident's own
 */
export function rememberedJson(value: object): Uint8Array | undefined {
  return texts.get(value);
}

const texts = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
