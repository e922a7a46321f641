import { JifenError, type FieldError } from '../errors';
import type { FactDefinition, RuleSet } from './schema';
import type { ResolvedRuleSet } from '../scoring/types';
import { contentHash } from './hash';

/**
 * Merges a rule set with the rule sets it includes (pinned by version) into what the evaluators run.
 * Included facts, derived facts, groups and indicators come first; scenarios, benefits and cases are the
 * root's own. Includes are one level deep: an included rule set's own includes must be supplied too.
 *
 * @example
 * const district = resolveRuleSet(districtDoc, [provincialDoc]);
 */
export function resolveRuleSet(root: RuleSet, includes: readonly RuleSet[]): ResolvedRuleSet {
  const parts = collect(root, includes, [], new Set());
  const facts = new Map<string, FactDefinition>();
  for (const part of parts) for (const fact of part.facts) facts.set(fact.id, fact);
  return {
    id: root.id,
    version: root.version,
    hash: contentHash(root),
    effectiveFrom: root.effectiveFrom,
    title: root.title,
    root,
    includes: parts.slice(0, -1).map((p) => ({ ruleSetId: p.id, version: p.version, hash: contentHash(p) })),
    facts,
    derived: parts.flatMap((p) => p.derived),
    groups: parts.flatMap((p) => p.groups),
    indicators: parts.flatMap((p) => p.indicators),
    scenarios: root.scenarios,
    benefits: root.benefits,
  };
}

/** Depth-first: includes before the document that includes them, each once. */
function collect(doc: RuleSet, pool: readonly RuleSet[], out: RuleSet[], seen: Set<string>): RuleSet[] {
  const errors: FieldError[] = [];
  doc.includes.forEach((inc, i) => {
    const key = `${inc.ruleSetId}@${inc.version}`;
    if (seen.has(key)) return;
    const found = pool.find((p) => p.id === inc.ruleSetId && p.version === inc.version);
    if (!found) {
      errors.push({ path: `includes.${i}`, message: `included rule set ${key} is not available` });
      return;
    }
    if (found.id === doc.id) {
      errors.push({ path: `includes.${i}`, message: 'a rule set cannot include itself' });
      return;
    }
    seen.add(key);
    collect(found, pool, out, seen);
  });
  if (errors.length > 0) throw new JifenError('invalid_rule_set', { en: `RuleSet: ${doc.id} has unresolved includes`, zh: '规则集引用的其他规则集无法找到' }, errors);
  out.push(doc);
  return out;
}
