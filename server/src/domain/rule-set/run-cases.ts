import { JifenError } from '../errors';
import { toHundredths } from '../points';
import { parseFacts } from '../scoring/facts';
import type { Evaluation, Facts, ResolvedRuleSet } from '../scoring/types';
import type { Expectation, TestCase } from './schema';

/** One expectation that did not hold: `total`, `vetoed`, `groups.<id>`, `indicators.<id>` or `scenarios.<id>`. */
export interface CaseDifference {
  path: string;
  expected: number | boolean;
  /** What the evaluation gave; undefined when it has no such group, indicator or scenario. */
  actual: number | boolean | undefined;
}

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
 * compares every expectation each case gives. Never throws for a failing case: the result says why.
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
      const differences = compareExpectation(testCase.expect, evaluation);
      results.push({ ...base, passed: differences.length === 0, differences });
    } catch (error) {
      results.push({ ...base, passed: false, differences: [], error: describeError(error) });
    }
  }
  return results;
}

/**
 * Every expectation that the evaluation does not meet. Points are compared exactly, in hundredths.
 *
 * @example
 * compareExpectation({ total: 120 }, evaluation); // [] or [{ path: 'total', expected: 120, actual: 119.5 }]
 */
export function compareExpectation(expect: Expectation, evaluation: Evaluation): CaseDifference[] {
  const differences: CaseDifference[] = [];
  const points = (path: string, expected: number, actual: number | undefined) => {
    if (actual === undefined || toHundredths(actual) !== toHundredths(expected)) differences.push({ path, expected, actual });
  };
  const flag = (path: string, expected: boolean, actual: boolean | undefined) => {
    if (actual !== expected) differences.push({ path, expected, actual });
  };
  if (expect.total !== undefined) points('total', expect.total, evaluation.total);
  if (expect.vetoed !== undefined) flag('vetoed', expect.vetoed, evaluation.vetoed);
  for (const [id, expected] of Object.entries(expect.groups ?? {})) {
    points(`groups.${id}`, expected, evaluation.groups.find((g) => g.id === id)?.score);
  }
  for (const [id, expected] of Object.entries(expect.indicators ?? {})) {
    points(`indicators.${id}`, expected, evaluation.indicators.find((i) => i.id === id)?.points);
  }
  for (const [id, expected] of Object.entries(expect.scenarios ?? {})) {
    flag(`scenarios.${id}`, expected, evaluation.scenarios.find((s) => s.id === id)?.eligible);
  }
  return differences;
}

function describeError(error: unknown): string {
  if (error instanceof JifenError) {
    const fields = error.fields?.map((f) => `${f.path}: ${f.message}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
