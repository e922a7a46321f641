import { checkValue } from '../../scoring/facts';
import { caseAssertions, expectedValue, scopeCovers, type Assertion } from '../case-check';
import type { RuleSet, TestCase } from '../schema';
import { checkUniqueIds, type Problems } from './report';
import type { Scope } from './scope';

/**
 * Checks the test cases: unique ids, input facts that exist and fit their definitions, expectations
 * that name known indicators, groups and (the document's own) scenarios, and a scope that names known
 * ones, with an expected value for what it asserts and nothing expected beyond it.
 */
export function checkCases(doc: RuleSet, scope: Scope, report: Problems): void {
  checkUniqueIds(doc.cases, ['cases'], 'test case', report);
  const scenarios = new Set(doc.scenarios.map((s) => s.id));
  doc.cases.forEach((testCase, c) => {
    const at = ['cases', c] as const;
    for (const [id, value] of Object.entries(testCase.facts)) {
      const fact = scope.facts.get(id);
      const def = fact?.definition;
      if (fact?.origin === 'derived') report.add([...at, 'facts', id], `is derived; give the facts it is derived from`);
      else if (!fact || !def) report.add([...at, 'facts', id], `unknown fact "${id}"`);
      else {
        const problem = checkValue(def, value);
        if (problem) report.add([...at, 'facts', id], problem);
      }
    }
    const expect = testCase.expect;
    for (const id of Object.keys(expect.indicators ?? {})) {
      if (!scope.indicators.has(id)) report.add([...at, 'expect', 'indicators', id], `unknown indicator "${id}"`);
    }
    for (const id of Object.keys(expect.groups ?? {})) {
      if (!scope.groups.has(id)) report.add([...at, 'expect', 'groups', id], `unknown group "${id}"`);
    }
    for (const section of ['scenarios', 'shortBy'] as const) {
      for (const id of Object.keys(expect[section] ?? {})) {
        if (!scenarios.has(id)) report.add([...at, 'expect', section, id], `unknown scenario "${id}"`);
      }
    }
    if (testCase.scope) checkScope(testCase, at, { indicators: scope.indicators, groups: scope.groups, scenarios }, report);
  });
}

type Known = { indicators: ReadonlyMap<string, unknown>; groups: ReadonlyMap<string, unknown>; scenarios: ReadonlySet<string> };

const NAMES: Record<Assertion['section'], string> = {
  total: 'total',
  vetoed: 'veto',
  groups: 'score for group',
  indicators: 'points for indicator',
  scenarios: 'eligibility for scenario',
  shortBy: 'points short of the bar of scenario',
};

function checkScope(testCase: TestCase, at: readonly (string | number)[], known: Known, report: Problems): void {
  const scope = testCase.scope!;
  const where = [...at, 'scope'];
  if (scope.about === 'indicator' && !known.indicators.has(scope.indicator)) report.add([...where, 'indicator'], `unknown indicator "${scope.indicator}"`);
  if (scope.about === 'group' && !known.groups.has(scope.group)) report.add([...where, 'group'], `unknown group "${scope.group}"`);
  if (scope.about === 'eligibility') {
    scope.scenarios.forEach((id, i) => {
      if (!known.scenarios.has(id)) report.add([...where, 'scenarios', i], `unknown scenario "${id}"`);
      else if (scope.scenarios.indexOf(id) < i) report.add([...where, 'scenarios', i], `scenario "${id}" is listed twice`);
    });
  }
  for (const a of caseAssertions(testCase)) {
    if (expectedValue(testCase.expect, a) === undefined) {
      report.add([...at, 'expect'], `gives no expected ${NAMES[a.section]}${a.id ? ` "${a.id}"` : ''}, which the case's scope asserts`);
    }
  }
  const e = testCase.expect;
  const given: [Assertion['section'], string | undefined][] = [
    ...(e.total !== undefined ? [['total', undefined] as [Assertion['section'], undefined]] : []),
    ...(e.vetoed !== undefined ? [['vetoed', undefined] as [Assertion['section'], undefined]] : []),
    ...(['groups', 'indicators', 'scenarios', 'shortBy'] as const).flatMap((section) => Object.keys(e[section] ?? {}).map((id) => [section, id] as [Assertion['section'], string])),
  ];
  for (const [section, id] of given) {
    if (!scopeCovers(scope, section, id)) report.add([...at, 'expect', section, ...(id ? [id] : [])], `is not what the case's scope asserts; remove it or change the scope`);
  }
}
