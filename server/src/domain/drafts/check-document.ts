import type { FieldError } from '../errors';
import { runCases, type CaseEvaluator } from '../rule-set/run-cases';
import { resolveRuleSet } from '../rule-set/resolve';
import type { RuleSet } from '../rule-set/schema';
import { validateRuleSet } from '../rule-set/validate';
import { evaluate } from '../scoring/evaluate';
import { summarizeCases, type CaseSummary } from './draft';

export type DocumentCheck = { ok: true; document: RuleSet; cases: CaseSummary } | { ok: false; errors: FieldError[] };

/**
 * Checks a rule-set document exactly as loading does (shape, meaning, pinned includes) and, when it is
 * valid, runs its test cases. With `expect`, the document must also be that rule set at that version.
 *
 * @example
 * const check = await checkDocument(json, [provincial], { expect: { id: 'district-sample', version: 4 } });
 * if (check.ok) check.cases.failed; // 0
 */
export async function checkDocument(
  json: unknown,
  includes: readonly RuleSet[],
  options: { expect?: { id: string; version: number }; evaluator?: CaseEvaluator } = {},
): Promise<DocumentCheck> {
  const result = validateRuleSet(json, includes);
  if (!result.ok) return { ok: false, errors: result.errors };
  const document = result.ruleSet;
  const identity: FieldError[] = [];
  if (options.expect && document.id !== options.expect.id) {
    identity.push({ path: 'id', message: `must be ${options.expect.id}: a draft stays with its rule set` });
  }
  if (options.expect && document.version !== options.expect.version) {
    identity.push({ path: 'version', message: `must be ${options.expect.version}: the number is assigned on publishing` });
  }
  if (identity.length > 0) return { ok: false, errors: identity };
  const rs = resolveRuleSet(document, includes);
  const results = await runCases(rs, options.evaluator ?? ((r, facts, asOf) => evaluate(r, facts, asOf)));
  return { ok: true, document, cases: summarizeCases(results) };
}
