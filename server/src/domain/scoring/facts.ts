import { parseDate, fullMonthsBetween, fullYearsBetween } from '../dates';
import { JifenError, type FieldError } from '../errors';
import { keepsLedger, ledgerBalanceFact } from '../ledger/balance-fact';
import { checkFactBounds, factBoundViolations } from '../rule-set/fact-bounds';
import type { DerivedFact, FactDefinition } from '../rule-set/schema';
import type { FactValue, Facts, ResolvedRuleSet } from './types';

/**
 * Checks a resident's facts against the rule set's fact definitions and returns only known, well-typed
 * values. Every offending fact is named (`facts.birthDate`), not just the first. With `asOf`, the facts
 * must also lie within their bounds on that day (`checkFactBounds`). A list holding a value twice (two
 * level-4 certificates in different trades) is valid and comes back with each value once.
 *
 * @example
 * parseFacts(rs, { birthDate: '1990-05-01', socialInsuranceMonths: 59 }, 'facts', '2026-06-30');
 */
export function parseFacts(rs: ResolvedRuleSet, input: unknown, path = 'facts', asOf?: string): Facts {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new JifenError('validation_failed', { en: 'Facts: must be an object', zh: '填写的信息格式有误' }, [{ path, message: 'must be an object of fact values' }]);
  }
  const errors: FieldError[] = [];
  const out: Record<string, FactValue> = {};
  // Keys, not entries: a batch checks ten thousand residents, and entries make an array per fact.
  for (const id of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[id];
    const def = rs.facts.get(id);
    if (!def) {
      const derived = rs.derived.find((d) => d.id === id);
      errors.push({
        path: `${path}.${id}`,
        message: derived ? `is derived from ${derived.fact}; send ${derived.fact} instead` : `unknown fact for rule set ${rs.id}`,
      });
      continue;
    }
    const problem = checkValue(def, value);
    if (problem) errors.push({ path: `${path}.${id}`, message: problem });
    else out[id] = Array.isArray(value) ? distinct(value as string[]) : (value as FactValue);
  }
  if (errors.length > 0) {
    // The well-typed facts' bounds in the same answer, so that a person corrects every fact at once.
    if (asOf !== undefined) errors.push(...factBoundViolations(rs, out, asOf, { path }));
    throw new JifenError('validation_failed', { en: 'Facts: invalid facts', zh: '填写的信息有误，请按每一项的提示修改' }, errors);
  }
  if (asOf !== undefined) checkFactBounds(rs, out, asOf, { path });
  return out;
}

/** A list's values, each once, in the order first given. */
function distinct(values: readonly string[]): string[] {
  if (values.length < 2) return values.slice();
  return new Set(values).size === values.length ? values.slice() : [...new Set(values)];
}

/** Why `value` is not a valid value of the fact, or undefined when it is. */
export function checkValue(def: FactDefinition, value: unknown): string | undefined {
  switch (def.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number`;
      if (def.type === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
      if (def.min !== undefined && value < def.min) return `must be ≥ ${def.min}`;
      if (def.max !== undefined && value > def.max) return `must be ≤ ${def.max}`;
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && parseDate(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string':
      return typeof value === 'string' && value.length <= 200 ? undefined : 'must be a string of at most 200 characters';
    case 'enum': {
      const allowed = allowedValues(def);
      return typeof value === 'string' && allowed.has(value) ? undefined : `must be one of ${[...allowed].join(', ')}`;
    }
    case 'enum-list': {
      const allowed = allowedValues(def);
      if (!Array.isArray(value)) return `must be a list of ${[...allowed].join(', ')}`;
      // Repeated values are valid (every credential held is listed) and count once.
      return value.every((v) => typeof v === 'string' && allowed.has(v)) ? undefined : `has unknown values; allowed: ${[...allowed].join(', ')}`;
    }
  }
}

const allowedByFact = new WeakMap<FactDefinition, ReadonlySet<string>>();

/** An enum fact's value ids, in the rule set's order; worked out once per definition (a batch checks thousands of residents). */
function allowedValues(def: FactDefinition): ReadonlySet<string> {
  let allowed = allowedByFact.get(def);
  if (!allowed) allowedByFact.set(def, (allowed = new Set((def.values ?? []).map((v) => v.id))));
  return allowed;
}

/** Input facts with defaults filled in and derived facts computed at `asOf`: what conditions read. */
export type PreparedFacts = Record<string, FactValue | undefined>;

/**
 * @example
 * prepareFacts(rs, { birthDate: '1986-07-01' }, '2026-06-30').age; // 39
 */
export function prepareFacts(rs: ResolvedRuleSet, facts: Facts, asOf: string): PreparedFacts {
  const prepared: PreparedFacts = Object.create(null);
  for (const def of rs.facts.values()) {
    const value = Object.hasOwn(facts, def.id) ? facts[def.id] : def.default;
    if (value !== undefined) prepared[def.id] = value;
  }
  for (const derived of rs.derived) prepared[derived.id] = derive(derived, prepared, asOf);
  // A resident's ledger balances, put there by `scoringFacts`, travel with the facts.
  for (const key of balanceFacts(rs)) if (Object.hasOwn(facts, key)) prepared[key] = facts[key];
  return prepared;
}

const balanceKeys = new WeakMap<ResolvedRuleSet, readonly string[]>();
function balanceFacts(rs: ResolvedRuleSet): readonly string[] {
  let keys = balanceKeys.get(rs);
  if (!keys) balanceKeys.set(rs, (keys = rs.indicators.filter(keepsLedger).map((i) => ledgerBalanceFact(i.id))));
  return keys;
}

/** One derived fact from the fixed library; undefined when its inputs are absent or unusable. */
export function derive(derived: DerivedFact, facts: PreparedFacts, asOf: string): number | undefined {
  const input = facts[derived.fact];
  switch (derived.derivation) {
    case 'fullYearsSince':
      return typeof input === 'string' ? nonNegative(fullYearsBetween(input, asOf)) : undefined;
    case 'fullMonthsSince':
      return typeof input === 'string' ? nonNegative(fullMonthsBetween(input, asOf)) : undefined;
    case 'fullMonthsBetween': {
      const until = derived.until === undefined ? undefined : facts[derived.until];
      return typeof input === 'string' && typeof until === 'string' ? nonNegative(fullMonthsBetween(input, until)) : undefined;
    }
    case 'count':
      // A value listed twice is one item (two level-4 certificates are one level 4).
      return Array.isArray(input) ? new Set(input).size : undefined;
  }
}

// A date after asOf (a birth date in the future) gives no value rather than a negative age.
const nonNegative = (n: number | undefined) => (n === undefined || n < 0 ? undefined : n);
