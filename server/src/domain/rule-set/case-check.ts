import { toHundredths } from '../points';
import type { CaseScope, Expectation, TestCase } from './schema';

/**
 * The one rule for what a test case asserts and whether it holds. Every path that runs cases (a save, a
 * validation, the diff's outcome changes, the workbook's upload) decides pass or fail here. This file reads
 * no schema library, so the editor can use it to build and update scoped expectations too.
 */

/** One expectation that did not hold: `total`, `vetoed`, `groups.<id>`, `indicators.<id>`, `scenarios.<id>` or `shortBy.<id>`. */
export interface CaseDifference {
  path: string;
  expected: number | boolean;
  /** What the evaluation gave; undefined when it has no such group, indicator or scenario. */
  actual: number | boolean | undefined;
}

/** One thing a case asserts: a part of its expectation, with the id of its group, indicator or scenario. */
export interface Assertion {
  section: 'total' | 'vetoed' | 'groups' | 'indicators' | 'scenarios' | 'shortBy';
  id?: string;
}

/** The figures of an evaluation a case can assert (the domain's `Evaluation` has them all). */
export interface AssertableResult {
  total: number;
  vetoed: boolean;
  groups: readonly { id: string; score: number }[];
  indicators: readonly { id: string; points: number }[];
  scenarios: readonly { id: string; eligible: boolean; shortBy: number }[];
}

type Assertable = Pick<TestCase, 'expect'> & { scope?: CaseScope | undefined };

/** `indicators.age` for an assertion on the indicator `age`. */
export const assertionPath = (a: Assertion): string => (a.id === undefined ? a.section : `${a.section}.${a.id}`);

/**
 * What a case asserts. A case with a scope asserts what its scope names (the total also asserts the veto,
 * and eligibility how far short of the bar, when the expectation gives it); a case without one asserts every expectation it gives, as it always has.
 *
 * @example
 * caseAssertions({ scope: { about: 'indicator', indicator: 'age' }, expect: { indicators: { age: 19 } } }); // [{ section: 'indicators', id: 'age' }]
 */
export function caseAssertions(c: Assertable): Assertion[] {
  const e = c.expect;
  const scope = c.scope;
  if (!scope) {
    return [
      ...(e.total !== undefined ? [{ section: 'total' as const }] : []),
      ...(e.vetoed !== undefined ? [{ section: 'vetoed' as const }] : []),
      ...Object.keys(e.groups ?? {}).map((id) => ({ section: 'groups' as const, id })),
      ...Object.keys(e.indicators ?? {}).map((id) => ({ section: 'indicators' as const, id })),
      ...Object.keys(e.scenarios ?? {}).map((id) => ({ section: 'scenarios' as const, id })),
      ...Object.keys(e.shortBy ?? {}).map((id) => ({ section: 'shortBy' as const, id })),
    ];
  }
  switch (scope.about) {
    case 'total':
      return [{ section: 'total' }, ...(e.vetoed !== undefined ? [{ section: 'vetoed' as const }] : [])];
    case 'indicator':
      return [{ section: 'indicators', id: scope.indicator }];
    case 'group':
      return [{ section: 'groups', id: scope.group }];
    case 'eligibility': {
      const ids = [...new Set(scope.scenarios)];
      return [
        ...ids.map((id) => ({ section: 'scenarios' as const, id })),
        ...ids.filter((id) => e.shortBy?.[id] !== undefined).map((id) => ({ section: 'shortBy' as const, id })),
      ];
    }
  }
}

/** The value a case's expectation gives for one assertion; undefined when it gives none. */
export function expectedValue(expect: Expectation, a: Assertion): number | boolean | undefined {
  if (a.section === 'total' || a.section === 'vetoed') return expect[a.section];
  return expect[a.section]?.[a.id ?? ''];
}

/** What an evaluation gives for one assertion; undefined when it has no such group, indicator or scenario. */
export function actualValue(result: AssertableResult, a: Assertion): number | boolean | undefined {
  switch (a.section) {
    case 'total':
      return result.total;
    case 'vetoed':
      return result.vetoed;
    case 'groups':
      return result.groups.find((g) => g.id === a.id)?.score;
    case 'indicators':
      return result.indicators.find((i) => i.id === a.id)?.points;
    case 'scenarios':
      return result.scenarios.find((s) => s.id === a.id)?.eligible;
    case 'shortBy':
      return result.scenarios.find((s) => s.id === a.id)?.shortBy;
  }
}

/**
 * Every assertion of the case that the evaluation does not meet; the case passes when there is none.
 * Points are compared exactly, in hundredths. An assertion without an expected value is left to
 * validation, which refuses it.
 *
 * @example
 * checkCase({ scope: { about: 'total' }, expect: { total: 120, indicators: {} } }, evaluation); // [{ path: 'total', expected: 120, actual: 119.5 }]
 */
export function checkCase(c: Assertable, result: AssertableResult): CaseDifference[] {
  const differences: CaseDifference[] = [];
  for (const a of caseAssertions(c)) {
    const expected = expectedValue(c.expect, a);
    if (expected === undefined) continue;
    const actual = actualValue(result, a);
    const same = typeof expected === 'number'
      ? typeof actual === 'number' && toHundredths(actual) === toHundredths(expected)
      : actual === expected;
    if (!same) differences.push({ path: assertionPath(a), expected, actual });
  }
  return differences;
}

/**
 * The expectation of a case about `scope`, read off an evaluation: what saving a sample as a scoped case
 * writes. The total carries the veto only when the resident is vetoed; eligibility carries how far short of
 * each bar only when asked (`shortBy`), since that moves with any weight the scenario counts.
 *
 * @example
 * expectationFor({ about: 'group', group: 'district' }, evaluation); // { groups: { district: 42 } }
 */
export function expectationFor(scope: CaseScope, result: AssertableResult, options: { shortBy?: boolean } = {}): Expectation {
  const value = (a: Assertion) => actualValue(result, a);
  switch (scope.about) {
    case 'total':
      return { total: result.total, ...(result.vetoed ? { vetoed: true } : {}) };
    case 'indicator': {
      const points = value({ section: 'indicators', id: scope.indicator });
      return { indicators: typeof points === 'number' ? { [scope.indicator]: points } : {} };
    }
    case 'group': {
      const score = value({ section: 'groups', id: scope.group });
      return { groups: typeof score === 'number' ? { [scope.group]: score } : {} };
    }
    case 'eligibility': {
      const found = result.scenarios.filter((s) => scope.scenarios.includes(s.id));
      const scenarios = Object.fromEntries(found.map((s) => [s.id, s.eligible]));
      return options.shortBy ? { scenarios, shortBy: Object.fromEntries(found.map((s) => [s.id, s.shortBy])) } : { scenarios };
    }
  }
}

/**
 * Whether a change of one part of a result concerns the case: anything for a case without a scope (as
 * before), only what its scope names for one with a scope (the total's scope includes the veto).
 *
 * @example
 * scopeCovers({ about: 'indicator', indicator: 'age' }, 'indicators', 'education'); // false
 */
export function scopeCovers(scope: CaseScope | undefined, section: Assertion['section'], id?: string): boolean {
  if (!scope) return true;
  switch (scope.about) {
    case 'total':
      return section === 'total' || section === 'vetoed';
    case 'indicator':
      return section === 'indicators' && id === scope.indicator;
    case 'group':
      return section === 'groups' && id === scope.group;
    case 'eligibility':
      return (section === 'scenarios' || section === 'shortBy') && id !== undefined && scope.scenarios.includes(id);
  }
}
