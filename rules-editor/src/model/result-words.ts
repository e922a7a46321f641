import type { Text } from '../../../server/src/domain/rule-set/schema';
import { formatPoints, type Lang } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';
import type { ScopeNames } from './case-scope';

/**
 * A test case's result paths in staff's words. The server names what a case asserts by a path
 * (`total`, `vetoed`, `groups.<id>`, `indicators.<id>`, `scenarios.<id>` or `scenarios.<id>.eligible`,
 * `shortBy.<id>` or `scenarios.<id>.shortBy`); every list that shows one — a failing case, the
 * 「采用新结果」 confirmation — says it through `describeResultPath`, with the rule set's own titles.
 */

/** What a result path names, and how its values read. */
export type ResultKind = 'points' | 'eligible' | 'flag' | 'unknown';

export interface ResultPlace {
  /** The place in the reader's language: 指标「纳税」得分, Indicator “Income tax paid” points. */
  where: string;
  kind: ResultKind;
}

/** One expectation that did not hold, as the server gives it. */
export interface ResultDifference {
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * The place a result path names, titled by the rule set (an id without a title is kept as it is; a path
 * of no known kind is shown as it is).
 *
 * @example
 * describeResultPath('indicators.tax', names, zh, 'zh'); // { where: '指标「纳税」得分', kind: 'points' }
 * describeResultPath('scenarios.school-enrollment.eligible', names, en, 'en'); // { where: 'Scenario “Schooling …” eligible', kind: 'eligible' }
 */
export function describeResultPath(path: string, names: ScopeNames, m: Messages, lang: Lang): ResultPlace {
  const name = (map: ReadonlyMap<string, Text>, id: string) => map.get(id)?.[lang] || map.get(id)?.zh || id;
  const [section, id, field, ...rest] = path.split('.');
  if (rest.length === 0 && id === undefined) {
    if (section === 'total') return { where: m.resultTotal, kind: 'points' };
    if (section === 'vetoed') return { where: m.resultVetoed, kind: 'flag' };
  }
  if (rest.length === 0 && id) {
    if (section === 'groups' && field === undefined) return { where: m.resultGroup(name(names.groups, id)), kind: 'points' };
    if (section === 'indicators' && field === undefined) return { where: m.resultIndicator(name(names.indicators, id)), kind: 'points' };
    if (section === 'shortBy' && field === undefined) return { where: m.resultShortBy(name(names.scenarios, id)), kind: 'points' };
    if (section === 'scenarios' && (field === undefined || field === 'eligible')) return { where: m.resultEligible(name(names.scenarios, id)), kind: 'eligible' };
    if (section === 'scenarios' && field === 'shortBy') return { where: m.resultShortBy(name(names.scenarios, id)), kind: 'points' };
  }
  return { where: path, kind: 'unknown' };
}

/** One value as it reads at its place: points with their unit, eligibility as 符合 / 不符合, a flag as 是 / 否. */
function valueWords(value: unknown, kind: ResultKind, m: Messages, unit: boolean): string {
  if (value === undefined || value === null) return m.absent;
  if (typeof value === 'number') return unit && kind === 'points' ? `${formatPoints(value)}${m.resultPointsUnit}` : formatPoints(value);
  if (typeof value === 'boolean') {
    if (kind === 'eligible') return value ? m.resultEligibleYes : m.resultEligibleNo;
    return value ? m.resultFlagYes : m.resultFlagNo;
  }
  return String(value);
}

/**
 * A failing expectation in words, for the case list and for the confirmation of 「采用新结果」.
 *
 * @example
 * describeDifference({ path: 'indicators.tax', expected: 3, actual: 6 }, names, zh, 'zh');
 * // { failure: '指标「纳税」得分：预期 3 分，实际 6 分', change: '指标「纳税」得分 3 → 6 分' }
 */
export function describeDifference(d: ResultDifference, names: ScopeNames, m: Messages, lang: Lang): { failure: string; change: string } {
  const { where, kind } = describeResultPath(d.path, names, m, lang);
  // 3 → 6 分: the unit once when both sides are points.
  const both = typeof d.expected === 'number' && typeof d.actual === 'number';
  const change = both
    ? `${valueWords(d.expected, kind, m, false)} → ${valueWords(d.actual, kind, m, true)}`
    : `${valueWords(d.expected, kind, m, true)} → ${valueWords(d.actual, kind, m, true)}`;
  return {
    failure: m.resultExpectedActual(where, valueWords(d.expected, kind, m, true), valueWords(d.actual, kind, m, true)),
    change: `${where} ${change}`,
  };
}
