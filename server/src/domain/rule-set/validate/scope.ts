import type { FactDefinition, FactType, Group, Indicator, RuleSet } from '../schema';
import type { Path, Problems } from './report';

/** What a condition may read: a fact of the rule set, one it includes, a derived fact, or a computed score. */
export interface FactInfo {
  id: string;
  type: FactType;
  /** Allowed values of enum and enum-list facts. */
  values?: ReadonlySet<string>;
  origin: 'input' | 'derived' | 'computed';
  /** The definition of an input fact. */
  definition?: FactDefinition;
}

/** Everything of a rule set and its includes that other parts refer to by id. */
export interface Scope {
  facts: Map<string, FactInfo>;
  groups: Map<string, Group>;
  indicators: Map<string, Indicator>;
  categories: Set<string>;
}

/** Facts computed at evaluation time that only scenario eligibility may read. */
export const VETOED_FACT = 'vetoed';
const SCORE_PREFIX = 'score.';

/**
 * Finds the included rule sets (each pinned to a version, searched in `pool`, transitively) and builds the
 * scope of ids the document may use. A missing include, or an id defined twice across includes, is
 * reported at `includes.N`.
 */
export function buildScope(doc: RuleSet, pool: readonly RuleSet[], report: Problems): Scope {
  const scope: Scope = { facts: new Map(), groups: new Map(), indicators: new Map(), categories: new Set() };
  const added = new Set<string>();
  doc.includes.forEach((inc, i) => {
    const found = pool.find((p) => p.id === inc.ruleSetId && p.version === inc.version);
    if (!found) {
      report.add(['includes', i], `rule set ${inc.ruleSetId} version ${inc.version} is not available`);
      return;
    }
    if (found.id === doc.id) {
      report.add(['includes', i], 'a rule set cannot include itself');
      return;
    }
    for (const part of withIncludes(found, pool)) {
      const key = `${part.id}@${part.version}`;
      if (added.has(key)) continue;
      added.add(key);
      addPart(scope, part, ['includes', i], report);
    }
  });
  return scope;
}

/** The rule set after everything it includes, depth first, stopping at cycles and missing parts. */
function withIncludes(doc: RuleSet, pool: readonly RuleSet[], seen = new Set<string>()): RuleSet[] {
  const key = `${doc.id}@${doc.version}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const parts: RuleSet[] = [];
  for (const inc of doc.includes) {
    const found = pool.find((p) => p.id === inc.ruleSetId && p.version === inc.version);
    if (found) parts.push(...withIncludes(found, pool, seen));
  }
  parts.push(doc);
  return parts;
}

function addPart(scope: Scope, part: RuleSet, at: Path, report: Problems): void {
  const clash = (what: string, id: string) =>
    report.add(at, `${part.id} defines ${what} "${id}" that another included rule set defines too`);
  for (const fact of part.facts) {
    if (scope.facts.has(fact.id)) clash('fact', fact.id);
    else scope.facts.set(fact.id, inputFact(fact));
  }
  for (const derived of part.derived) {
    if (scope.facts.has(derived.id)) clash('fact', derived.id);
    else scope.facts.set(derived.id, { id: derived.id, type: 'integer', origin: 'derived' });
  }
  for (const group of part.groups) {
    if (scope.groups.has(group.id)) clash('group', group.id);
    else scope.groups.set(group.id, group);
  }
  for (const ind of part.indicators) {
    if (scope.indicators.has(ind.id)) clash('indicator', ind.id);
    else scope.indicators.set(ind.id, ind);
    if (ind.category !== undefined) scope.categories.add(ind.category);
  }
}

/** The scope entry of an input fact definition. */
export function inputFact(fact: FactDefinition): FactInfo {
  return {
    id: fact.id,
    type: fact.type,
    values: fact.values ? new Set(fact.values.map((v) => v.id)) : undefined,
    origin: 'input',
    definition: fact,
  };
}

/**
 * Looks a fact up for a condition. `computed` allows the scores scenario eligibility may read:
 * `score.total`, `score.group.<id>`, `score.indicator.<id>`, `score.category.<id>` and `vetoed`.
 * Returns the fact, or why it is unknown.
 */
export function lookupFact(scope: Scope, id: string, computed: boolean): FactInfo | string {
  const fact = scope.facts.get(id);
  if (fact) return fact;
  if (!computed) {
    return id === VETOED_FACT || id.startsWith(SCORE_PREFIX)
      ? `"${id}" is a computed score; only scenario eligibility can read it`
      : `unknown fact "${id}"`;
  }
  if (id === VETOED_FACT) return { id, type: 'boolean', origin: 'computed' };
  if (id === 'score.total') return { id, type: 'number', origin: 'computed' };
  const m = /^score\.(group|indicator|category)\.(.+)$/.exec(id);
  if (!m) return `unknown fact "${id}"`;
  const kind = m[1];
  const ref = m[2] ?? '';
  const known = kind === 'group' ? scope.groups.has(ref) : kind === 'indicator' ? scope.indicators.has(ref) : scope.categories.has(ref);
  return known ? { id, type: 'number', origin: 'computed' } : `unknown ${kind} "${ref}" in "${id}"`;
}
