import type { Band, Indicator, RuleSet } from '../schema';
import { checkCondition, describeType } from './check-condition';
import { checkUniqueIds, type Path, type Problems } from './report';
import type { Scope } from './scope';
import { unreachable } from '../../unreachable';

/**
 * Checks groups and indicators and adds them to the scope: unique ids, known groups, conditions, tiers from
 * highest to lowest, caps that a single tier or unit fits under, ordered bands, numeric inputs.
 */
export function checkIndicators(doc: RuleSet, scope: Scope, report: Problems): void {
  checkUniqueIds(doc.groups, ['groups'], 'group', report, fromIncludes(scope.groups));
  for (const group of doc.groups) if (!scope.groups.has(group.id)) scope.groups.set(group.id, group);

  checkUniqueIds(doc.indicators, ['indicators'], 'indicator', report, fromIncludes(scope.indicators));
  doc.indicators.forEach((ind, i) => checkIndicator(ind, ['indicators', i], scope, report));
  for (const ind of doc.indicators) {
    if (!scope.indicators.has(ind.id)) scope.indicators.set(ind.id, ind);
    if (ind.category !== undefined) scope.categories.add(ind.category);
  }
}

const fromIncludes = (m: ReadonlyMap<string, unknown>) => new Map([...m.keys()].map((id) => [id, 'by an included rule set']));

function checkIndicator(ind: Indicator, at: Path, scope: Scope, report: Problems): void {
  const group = scope.groups.get(ind.group);
  if (!group) report.add([...at, 'group'], `unknown group "${ind.group}"`);
  if (ind.conditions) checkCondition(ind.conditions, [...at, 'conditions'], scope, report);
  if (ind.ledger && (ind.kind === 'deduction' || ind.kind === 'veto')) {
    report.add([...at, 'ledger'], `a ${ind.kind} earns no points to keep in a ledger`);
  }
  const capAbove = (points: number, path: Path, what: string) => {
    if (group && points > group.cap) report.add(path, `${what} ${points} is above the cap ${group.cap} of group "${group.id}"`);
  };
  const notNegative = (points: number, path: Path) => {
    if (points < 0) report.add(path, 'must be ≥ 0; take points away with a deduction');
  };

  switch (ind.kind) {
    case 'fixed':
      notNegative(ind.points, [...at, 'points']);
      capAbove(ind.points, [...at, 'points'], 'points');
      return;
    case 'tiers': {
      checkUniqueIds(ind.tiers, [...at, 'tiers'], 'tier', report);
      ind.tiers.forEach((tier, t) => {
        const path: Path = [...at, 'tiers', t];
        checkCondition(tier.conditions, [...path, 'conditions'], scope, report);
        notNegative(tier.points, [...path, 'points']);
        capAbove(tier.points, [...path, 'points'], 'tier points');
        const previous = ind.tiers[t - 1];
        if (previous && tier.points > previous.points) {
          report.add([...path, 'points'], `${tier.points} is above the previous tier's ${previous.points}; list tiers from the highest points down`);
        }
      });
      return;
    }
    case 'rate':
      checkNumericFact(ind.fact, [...at, 'fact'], scope, report);
      if (ind.cap < ind.points) report.add([...at, 'cap'], `${ind.cap} is below the ${ind.points} points of one unit`);
      return;
    case 'bands':
      checkNumericFact(ind.fact, [...at, 'fact'], scope, report);
      checkBands(ind.bands, [...at, 'bands'], report);
      ind.bands.forEach((band, b) => {
        notNegative(band.points, [...at, 'bands', b, 'points']);
        capAbove(Math.max(band.points, bandEnd(band)), [...at, 'bands', b, 'points'], 'band points');
      });
      return;
    case 'deduction':
      if (ind.fact !== undefined) checkNumericFact(ind.fact, [...at, 'fact'], scope, report);
      else if (!ind.conditions) report.add([...at, 'conditions'], 'is required for a deduction without a fact that counts occurrences');
      if (ind.cap < ind.points) report.add([...at, 'cap'], `${ind.cap} is below the ${ind.points} points of one occurrence`);
      return;
    case 'veto':
      return;
    default:
      unreachable(ind, 'Rule set');
  }
}

function checkNumericFact(id: string, at: Path, scope: Scope, report: Problems): void {
  const fact = scope.facts.get(id);
  if (!fact) report.add(at, `unknown fact "${id}"`);
  else if (fact.type !== 'integer' && fact.type !== 'number') report.add(at, `must be a number fact; "${id}" is ${describeType(fact)}`);
}

/** Bands ascend without overlapping (both ends are inclusive) and without a gap between integers. */
function checkBands(bands: readonly Band[], at: Path, report: Problems): void {
  bands.forEach((band, b) => {
    const path: Path = [...at, b];
    if (band.min !== undefined && band.max !== undefined && band.max < band.min) report.add([...path, 'max'], `is below min ${band.min}`);
    if (band.step !== undefined && band.min === undefined) report.add([...path, 'step'], 'needs a min to count steps from');
    if (b > 0 && band.min === undefined) report.add([...path, 'min'], 'is required: only the first band is open below');
    if (b < bands.length - 1 && band.max === undefined) report.add([...path, 'max'], 'is required: only the last band is open above');
    const previous = bands[b - 1];
    if (!previous || previous.max === undefined || band.min === undefined) return;
    if (band.min <= previous.max) {
      report.add([...path, 'min'], `${band.min} overlaps the previous band, which ends at ${previous.max}; list bands in ascending order without overlaps`);
    } else if (band.min > previous.max + 1) {
      report.add([...path, 'min'], `${band.min} leaves a gap after the previous band, which ends at ${previous.max}`);
    }
  });
}

/** Points at a band's upper end, when it has one and counts upwards. */
function bandEnd(band: Band): number {
  if (band.step === undefined || band.min === undefined || band.max === undefined) return band.points;
  return band.points + band.step * (band.max - band.min);
}
