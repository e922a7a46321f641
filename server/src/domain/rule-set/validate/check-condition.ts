import { MAX_CONDITION_DEPTH, type Condition, type FactCondition, type Operator } from '../condition';
import { parseDate } from '../../dates';
import { LIST_OPERATORS, OPERATORS_BY_TYPE } from '../operators-by-type';
import type { Path, Problems } from './report';
import { lookupFact, type FactInfo, type Scope } from './scope';

/**
 * Checks a condition tree: nesting depth, that every fact exists, that each operator suits its fact's
 * type, and that each value is of that type. `computed` lets scenario eligibility read computed scores.
 */
export function checkCondition(condition: Condition, at: Path, scope: Scope, report: Problems, computed = false): void {
  if (conditionDepth(condition) > MAX_CONDITION_DEPTH) {
    report.add(at, `nests all/any/not more than ${MAX_CONDITION_DEPTH} levels deep`);
    return;
  }
  walk(condition, at, (leaf, path) => checkLeaf(leaf, path, scope, report, computed));
}

/** How many all/any/not levels a condition nests; a leaf is 0. Iterative, for hostile input. */
export function conditionDepth(condition: Condition): number {
  let deepest = 0;
  const stack: [Condition, number][] = [[condition, 0]];
  while (stack.length > 0) {
    const [c, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    if ('all' in c) for (const x of c.all) stack.push([x, d + 1]);
    else if ('any' in c) for (const x of c.any) stack.push([x, d + 1]);
    else if ('not' in c) stack.push([c.not, d + 1]);
  }
  return deepest;
}

function walk(c: Condition, path: Path, visit: (leaf: FactCondition, path: Path) => void): void {
  if ('all' in c) c.all.forEach((x, i) => walk(x, [...path, 'all', i], visit));
  else if ('any' in c) c.any.forEach((x, i) => walk(x, [...path, 'any', i], visit));
  else if ('not' in c) walk(c.not, [...path, 'not'], visit);
  else visit(c, path);
}

function checkLeaf(leaf: FactCondition, at: Path, scope: Scope, report: Problems, computed: boolean): void {
  const fact = lookupFact(scope, leaf.fact, computed);
  if (typeof fact === 'string') {
    report.add([...at, 'fact'], fact);
    return;
  }
  if (leaf.path !== undefined) {
    report.add([...at, 'path'], `fact "${fact.id}" is ${describeType(fact)} and has no fields to select`);
  }
  const allowed = OPERATORS_BY_TYPE[fact.type];
  if (!allowed.includes(leaf.operator)) {
    report.add([...at, 'operator'], `"${leaf.operator}" does not apply to ${describeType(fact)} fact "${fact.id}"; use one of ${allowed.join(', ')}`);
    return;
  }
  const value = leaf.value;
  if (LIST_OPERATORS.has(leaf.operator)) {
    if (!Array.isArray(value)) {
      report.add([...at, 'value'], `must be a list for "${leaf.operator}"`);
      return;
    }
    if (value.length === 0) report.add([...at, 'value'], `must list at least one value for "${leaf.operator}"`);
    value.forEach((item, i) => {
      const problem = scalarProblem(fact, item, leaf.operator);
      if (problem) report.add([...at, 'value', i], problem);
    });
    return;
  }
  if (Array.isArray(value)) {
    report.add([...at, 'value'], `must be a single value for "${leaf.operator}", not a list`);
    return;
  }
  const problem = scalarProblem(fact, value, leaf.operator);
  if (problem) report.add([...at, 'value'], problem);
}

/** Why `value` cannot be compared with the fact, or undefined when it can. */
function scalarProblem(fact: FactInfo, value: string | number | boolean, operator: Operator): string | undefined {
  switch (fact.type) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number') return `must be a number: "${fact.id}" is ${describeType(fact)}`;
      if (fact.type === 'integer' && !Number.isInteger(value) && (operator === 'equal' || operator === 'in' || operator === 'notEqual' || operator === 'notIn')) {
        return `must be a whole number: "${fact.id}" is an integer`;
      }
      return undefined;
    case 'date':
      return typeof value === 'string' && parseDate(value) ? undefined : `must be a date YYYY-MM-DD: "${fact.id}" is a date`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false: "${fact.id}" is a boolean`;
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string: "${fact.id}" is a string`;
    case 'enum':
    case 'enum-list': {
      const values = fact.values ?? new Set<string>();
      if (typeof value === 'string' && values.has(value)) return undefined;
      return `${JSON.stringify(value)} is not a value of "${fact.id}"; use one of ${[...values].join(', ')}`;
    }
  }
}

/** "an integer", "a date", "a list"…: a fact's type as messages name it. */
export function describeType(fact: Pick<FactInfo, 'type'>): string {
  if (fact.type === 'enum-list') return 'a list';
  return fact.type === 'integer' || fact.type === 'enum' ? `an ${fact.type}` : `a ${fact.type}`;
}
