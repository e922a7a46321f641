import { JifenError } from '../errors';
import { parseFacts } from '../scoring/facts';
import type { Evaluation, Facts, ResolvedRuleSet } from '../scoring/types';
import { checkCase, type CaseDifference } from './case-check';
import type { TestCase } from './schema';

export type { CaseDifference } from './case-check';

export interface CaseResult {
  id: string;
  title: string;
  passed: boolean;
  differences: CaseDifference[];
  /** Set when the case could not be evaluated at all (e.g. its facts are invalid for the rule set). */
  error?: string;
}

/** Any evaluator: the json-rules-engine reference or a compiled one. */
export type CaseEvaluator = (rs: ResolvedRuleSet, facts: Facts, asOf: string) => Evaluation | Promise<Evaluation>;

/**
 * Runs a rule set's test cases (the root document's, unless others are given) through an evaluator and
 * checks what each case asserts (`checkCase`: its scope, or every expectation it gives). Never throws for
 * a failing case: the result says why.
 *
 * @example
 * const results = await runCases(resolveRuleSet(doc, includes), evaluate);
 * results.filter((r) => !r.passed); // [{ id: 'age-41', differences: [{ path: 'indicators.age', expected: 19, actual: 20 }] }]
 */
export async function runCases(
  rs: ResolvedRuleSet,
  evaluate: CaseEvaluator,
  cases: readonly TestCase[] = rs.root.cases,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const testCase of cases) {
    const base = { id: testCase.id, title: testCase.title };
    try {
      const evaluation = await evaluate(rs, parseFacts(rs, testCase.facts, 'facts', testCase.asOf), testCase.asOf);
      const differences = checkCase(testCase, evaluation);
      results.push({ ...base, passed: differences.length === 0, differences });
    } catch (error) {
      results.push({ ...base, passed: false, differences: [], error: describeError(error) });
    }
  }
  return results;
}

function describeError(error: unknown): string {
  if (error instanceof JifenError) {
    const fields = error.fields?.map((f) => `${f.path}: ${f.message}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
