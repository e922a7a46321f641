import { JifenError, type FieldError } from '../errors';
import { ruleSetSchema, type RuleSet } from './schema';
import { checkCases } from './validate/check-cases';
import { checkFacts } from './validate/check-facts';
import { checkIndicators } from './validate/check-indicators';
import { checkScenarios } from './validate/check-scenarios';
import { checkJsonLimits } from './validate/json-limits';
import { bilingual, problems } from './validate/report';
import { buildScope } from './validate/scope';
import { zodFieldErrors } from './validate/zod-issues';

export type RuleSetValidation = { ok: true; ruleSet: RuleSet } | { ok: false; errors: FieldError[] };

/**
 * Validates a rule-set document completely, collecting every problem with its JSON path: first its size
 * and nesting (so hostile input cannot exhaust the stack), then its shape (zod), then its meaning —
 * known facts and ids, operators that suit their facts, ordered tiers and bands, caps that fit.
 * `includes` supplies the rule sets it includes, each matched by id and version.
 *
 * @example
 * const result = validateRuleSet(JSON.parse(text), [provincial]);
 * if (!result.ok) console.log(result.errors); // [{ path: 'indicators.3.tiers.0.points', message: '…' }]
 */
export function validateRuleSet(json: unknown, includes: readonly RuleSet[] = []): RuleSetValidation {
  const limit = checkJsonLimits(json);
  if (limit) return { ok: false, errors: [bilingual(limit)] };
  const parsed = ruleSetSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error.issues) };
  const errors = checkRuleSet(parsed.data, includes);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ruleSet: parsed.data };
}

/**
 * The semantic checks alone, for a document that already has the rule-set shape.
 *
 * @example
 * checkRuleSet(district, [provincial]); // [] when it is valid
 */
export function checkRuleSet(doc: RuleSet, includes: readonly RuleSet[] = []): FieldError[] {
  const report = problems();
  const scope = buildScope(doc, includes, report);
  checkFacts(doc, scope, report);
  checkIndicators(doc, scope, report);
  checkScenarios(doc, scope, report);
  checkCases(doc, scope, report);
  return report.list;
}

/**
 * Parses and validates a rule-set document; throws `invalid_rule_set` listing every problem.
 *
 * @example
 * const district = parseRuleSet(JSON.parse(text), [provincial]);
 */
export function parseRuleSet(json: unknown, includes: readonly RuleSet[] = []): RuleSet {
  const result = validateRuleSet(json, includes);
  if (result.ok) return result.ruleSet;
  const [first, ...rest] = result.errors;
  const name = ruleSetName(json);
  const summary = first ? `${first.path || 'document'} ${first.message}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}` : 'invalid';
  throw new JifenError('invalid_rule_set', { en: `RuleSet: ${name}invalid: ${summary}`, zh: '规则内容有误，请按提示修改' }, result.errors);
}

function ruleSetName(json: unknown): string {
  if (json === null || typeof json !== 'object' || !('id' in json)) return '';
  const id = json.id;
  return typeof id === 'string' && id.length <= 64 ? `${JSON.stringify(id)} is ` : '';
}
