import { checkValue } from '../../scoring/facts';
import type { FactDefinition, RuleSet } from '../schema';
import { describeType } from './check-condition';
import { checkUniqueIds, type Path, type Problems } from './report';
import { inputFact, VETOED_FACT, type Scope } from './scope';

/**
 * Checks the document's input and derived facts and adds them to the scope: ids unique across the rule
 * set and its includes, enum values listed, bounds and defaults that fit the type, derivations whose
 * inputs have the right type.
 */
export function checkFacts(doc: RuleSet, scope: Scope, report: Problems): void {
  const taken = new Map([...scope.facts.keys()].map((id) => [id, 'by an included rule set']));
  const reserved = new Map([[VETOED_FACT, 'as a computed score']]);
  checkUniqueIds(doc.facts, ['facts'], 'fact', report, new Map([...taken, ...reserved]));
  doc.facts.forEach((fact, i) => {
    checkDefinition(fact, ['facts', i], report);
    if (!scope.facts.has(fact.id) && fact.id !== VETOED_FACT) scope.facts.set(fact.id, inputFact(fact));
  });

  doc.facts.forEach((fact, i) => checkBounds(fact, ['facts', i, 'bounds'], scope, report));

  const factIds = new Map([...taken, ...doc.facts.map((f, i): [string, string] => [f.id, `at facts.${i}`]), ...reserved]);
  checkUniqueIds(doc.derived, ['derived'], 'fact', report, factIds);
  doc.derived.forEach((derived, i) => {
    const at: Path = ['derived', i];
    const needs = derived.derivation === 'count' ? 'enum-list' : 'date';
    const input = scope.facts.get(derived.fact);
    if (!input || input.origin !== 'input') {
      report.add([...at, 'fact'], input ? `"${derived.fact}" is itself derived; derive from an input fact` : `unknown fact "${derived.fact}"`);
    } else if (input.type !== needs) {
      report.add([...at, 'fact'], `${derived.derivation} needs ${needs === 'date' ? 'a date' : 'a list'} fact; "${derived.fact}" is ${describeType(input)}`);
    }
    if (derived.derivation === 'fullMonthsBetween') {
      const until = derived.until === undefined ? undefined : scope.facts.get(derived.until);
      if (derived.until === undefined) report.add([...at, 'until'], 'is required for fullMonthsBetween');
      else if (!until || until.origin !== 'input') report.add([...at, 'until'], `unknown fact "${derived.until}"`);
      else if (until.type !== 'date') report.add([...at, 'until'], `fullMonthsBetween needs a date fact; "${derived.until}" is ${describeType(until)}`);
    } else if (derived.until !== undefined) {
      report.add([...at, 'until'], `only fullMonthsBetween takes "until"`);
    }
  });
  doc.derived.forEach((derived) => {
    if (!scope.facts.has(derived.id) && derived.id !== VETOED_FACT) {
      scope.facts.set(derived.id, { id: derived.id, type: 'integer', origin: 'derived' });
    }
  });
}

function checkDefinition(fact: FactDefinition, at: Path, report: Problems): void {
  const listed = fact.type === 'enum' || fact.type === 'enum-list';
  if (listed && !fact.values) report.add([...at, 'values'], `is required for ${fact.type} facts`);
  if (!listed && fact.values) report.add([...at, 'values'], 'only enum and enum-list facts list values');
  if (fact.values) checkUniqueIds(fact.values, [...at, 'values'], 'value', report);

  const numeric = fact.type === 'integer' || fact.type === 'number';
  for (const bound of ['min', 'max'] as const) {
    if (fact[bound] !== undefined && !numeric) report.add([...at, bound], 'only number and integer facts have bounds');
  }
  if (numeric && fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) {
    report.add([...at, 'max'], `is below min ${fact.min}`);
  }
  if (fact.default !== undefined) {
    const problem = checkValue(fact, fact.default);
    if (problem) report.add([...at, 'default'], problem);
  }
}

const NUMERIC_BOUNDS = new Set(['min', 'max', 'maxMonthsSince']);
const DATE_BOUNDS = new Set(['notAfterAsOf', 'notBefore']);

/** Bounds that suit the fact's type, name a date fact to count from, and leave room for some value. */
function checkBounds(fact: FactDefinition, at: Path, scope: Scope, report: Problems): void {
  const bounds = fact.bounds ?? [];
  const numeric = fact.type === 'integer' || fact.type === 'number';
  bounds.forEach((bound, b) => {
    if (NUMERIC_BOUNDS.has(bound.kind) && !numeric) report.add([...at, b, 'kind'], `${bound.kind} bounds only number and integer facts; "${fact.id}" is ${fact.type}`);
    if (DATE_BOUNDS.has(bound.kind) && fact.type !== 'date') report.add([...at, b, 'kind'], `${bound.kind} bounds only date facts; "${fact.id}" is ${fact.type}`);
    if (bound.kind === 'maxMonthsSince') {
      const from = scope.facts.get(bound.fact);
      if (!from || from.origin !== 'input') report.add([...at, b, 'fact'], `unknown input fact "${bound.fact}"`);
      else if (from.type !== 'date') report.add([...at, b, 'fact'], `months are counted from a date fact; "${bound.fact}" is ${describeType(from)}`);
    }
  });
  const lows = [fact.min, ...bounds.flatMap((x) => (x.kind === 'min' ? [x.value] : []))].filter((n) => n !== undefined);
  const highs = [fact.max, ...bounds.flatMap((x) => (x.kind === 'max' ? [x.value] : []))].filter((n) => n !== undefined);
  if (lows.length > 0 && highs.length > 0 && Math.max(...lows) > Math.min(...highs)) {
    report.add(at, `leave no value: at least ${Math.max(...lows)} and at most ${Math.min(...highs)}`);
  }
  const fallback = fact.default;
  if (typeof fallback === 'number' && (lows.some((low) => fallback < low) || highs.some((high) => fallback > high))) {
    report.add([...at.slice(0, -1), 'default'], 'is outside the bounds');
  }
}
