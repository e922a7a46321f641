import { checkValue } from '../../scoring/facts';
import type { RuleSet } from '../schema';
import { checkUniqueIds, type Problems } from './report';
import type { Scope } from './scope';

/**
 * Checks the test cases: unique ids, input facts that exist and fit their definitions, and expectations
 * that name known indicators, groups and (the document's own) scenarios.
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
    for (const id of Object.keys(expect.scenarios ?? {})) {
      if (!scenarios.has(id)) report.add([...at, 'expect', 'scenarios', id], `unknown scenario "${id}"`);
    }
  });
}
