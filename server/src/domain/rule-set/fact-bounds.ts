import { fullMonthsBetween, parseDate } from '../dates';
import { JifenError, type FieldError } from '../errors';
import type { Facts, ResolvedRuleSet } from '../scoring/types';
import { impliedBound } from './implied-bound';
import type { FactBound, FactDefinition, Reference, Text } from './schema';

/**
 * Fact bounds: the one check of impossible or disallowed fact values (a birth date after `asOf`, 99,999,999
 * months of social insurance), run wherever facts enter — evaluation, batches, feeds, self-applications,
 * objections and the widget's self-check. A bound is data in the fact's definition (`bounds`, schema.ts)
 * with its reason and reference; a date fact that a derived fact counts from `asOf` (age, months since)
 * also may not lie after `asOf`, even without a written bound.
 */

/** A bound of one fact, as checked: written in the rule set, or implied by a derived fact. */
export interface AppliedBound {
  fact: string;
  bound: FactBound;
  /** True when no rule set writes it: a derived fact counts from this date up to `asOf`. */
  implied: boolean;
}

const applied = new WeakMap<ResolvedRuleSet, readonly AppliedBound[]>();

/**
 * Every bound the rule set sets on its input facts, written ones first, in fact order; computed once per
 * resolved rule set.
 *
 * @example
 * factBounds(provincial).filter((b) => b.fact === 'birthDate'); // [{ fact: 'birthDate', bound: { kind: 'notAfterAsOf', … }, implied: false }]
 */
export function factBounds(rs: ResolvedRuleSet): readonly AppliedBound[] {
  let found = applied.get(rs);
  if (found) return found;
  const list: AppliedBound[] = [];
  for (const def of rs.facts.values()) for (const bound of def.bounds ?? []) list.push({ fact: def.id, bound, implied: false });
  for (const derived of rs.derived) {
    const bound = impliedBound(derived);
    if (!bound || list.some((b) => b.fact === derived.fact && b.bound.kind === 'notAfterAsOf')) continue;
    list.push({ fact: derived.fact, implied: true, bound });
  }
  found = list;
  applied.set(rs, found);
  return found;
}

/** What a check is asked: field paths and, for a write that changes some facts, which. */
export interface FactBoundOptions {
  /** Field paths are `<path>.<fact>`; `facts` by default. */
  path?: string;
  /**
   * The facts a write changes: only bounds that read one of them are checked (a feed setting one fact
   * is not refused for another already on record). Every bound when absent.
   */
  changed?: Iterable<string>;
}

/**
 * The facts outside their bounds on `asOf`, one field error each, in Chinese and English with the bound,
 * its reason and reference. Values of the wrong type are left to `parseFacts`; a relation whose other fact
 * is absent cannot be checked and passes.
 *
 * @example
 * factBoundViolations(provincial, { birthDate: '2030-01-01' }, '2026-06-30');
 * // [{ path: 'facts.birthDate', message: 'must not be after the evaluation date 2026-06-30: …', messageZh: '不得晚于评估日期 2026-06-30：…', bound: {…} }]
 */
export function factBoundViolations(rs: ResolvedRuleSet, facts: Facts, asOf: string, options: FactBoundOptions = {}): FieldError[] {
  const path = options.path ?? 'facts';
  const changed = options.changed === undefined ? undefined : new Set(options.changed);
  const errors: FieldError[] = [];
  for (const { fact, bound } of factBounds(rs)) {
    if (changed && !changed.has(fact) && !(bound.kind === 'maxMonthsSince' && changed.has(bound.fact))) continue;
    if (!Object.hasOwn(facts, fact)) continue;
    const broken = violation(rs, bound, facts[fact], facts, asOf);
    if (!broken) continue;
    const ref = referenceText(bound.reference);
    errors.push({
      path: `${path}.${fact}`,
      message: `${broken.en}: ${bound.reason.en} (${ref})`,
      messageZh: `${broken.zh}：${bound.reason.zh}（依据：${ref}）`,
      bound: { kind: bound.kind, limit: broken.limit, reason: bound.reason, reference: bound.reference },
    });
  }
  return errors;
}

/**
 * `factBoundViolations`, refused: throws `validation_failed` (422) naming every fact out of its bounds.
 * Every path where facts enter calls this one function.
 *
 * @example
 * checkFactBounds(rs, parseFacts(rs, body.facts), body.asOf); // throws for { socialInsuranceMonths: 99999999 }
 */
export function checkFactBounds(rs: ResolvedRuleSet, facts: Facts, asOf: string, options: FactBoundOptions = {}): void {
  const errors = factBoundViolations(rs, facts, asOf, options);
  if (errors.length > 0) {
    throw new JifenError('validation_failed', { en: `Facts: ${errors.length === 1 ? 'a fact is' : `${errors.length} facts are`} out of bounds`, zh: `${errors.length === 1 ? '有一项信息' : `有 ${errors.length} 项信息`}超出允许范围` }, errors);
  }
}

interface Broken {
  limit: number | string;
  en: string;
  zh: string;
}

function violation(rs: ResolvedRuleSet, bound: FactBound, value: unknown, facts: Facts, asOf: string): Broken | undefined {
  switch (bound.kind) {
    case 'min':
      return typeof value === 'number' && value < bound.value ? { limit: bound.value, en: `must be at least ${bound.value}`, zh: `不得小于 ${bound.value}` } : undefined;
    case 'max':
      return typeof value === 'number' && value > bound.value ? { limit: bound.value, en: `must be at most ${bound.value}`, zh: `不得大于 ${bound.value}` } : undefined;
    case 'notAfterAsOf':
      return typeof value === 'string' && parseDate(value) && value > asOf
        ? { limit: asOf, en: `must not be after the evaluation date ${asOf}`, zh: `不得晚于评估日期 ${asOf}` }
        : undefined;
    case 'notBefore':
      return typeof value === 'string' && parseDate(value) && value < bound.date
        ? { limit: bound.date, en: `must not be before ${bound.date}`, zh: `不得早于 ${bound.date}` }
        : undefined;
    case 'maxMonthsSince': {
      const from = facts[bound.fact];
      if (typeof value !== 'number' || typeof from !== 'string') return undefined;
      // A date after asOf that its own bound refuses is the one error: no limit is counted from it.
      if (from > asOf && refusesAfterAsOf(rs, bound.fact)) return undefined;
      const months = fullMonthsBetween(from, asOf);
      if (months === undefined) return undefined;
      const years = bound.afterYears ?? 0;
      const limit = Math.max(0, months - 12 * years);
      if (value <= limit) return undefined;
      const title = titleOf(rs.facts.get(bound.fact), bound.fact);
      const since = years === 0 ? `${title.en} (${from})` : `${years} years after ${title.en} (${from})`;
      const sinceZh = years === 0 ? `${title.zh}（${from}）` : `${title.zh}（${from}）后满 ${years} 年`;
      return { limit, en: `must be at most ${limit}, the full months from ${since} to ${asOf}`, zh: `不得大于 ${limit}，即自${sinceZh}至 ${asOf} 的整月数` };
    }
  }
}

const refusesAfterAsOf = (rs: ResolvedRuleSet, fact: string) => factBounds(rs).some((b) => b.fact === fact && b.bound.kind === 'notAfterAsOf');
const titleOf = (def: FactDefinition | undefined, id: string): Text => def?.title ?? { zh: id, en: id };
const referenceText = (ref: Reference) => (ref.clause ? `${ref.document} ${ref.clause}` : ref.document);
