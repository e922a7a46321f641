import { toHundredths } from '../points';
import { checkCase, scopeCovers } from '../rule-set/case-check';
import type { CaseScope, TestCase, Text } from '../rule-set/schema';
import type { Evaluation } from '../scoring/types';
import { matchBy } from './match';

/** One test case evaluated under one rule-set version (the evaluation is the caller's). */
export interface CaseOutcome {
  id: string;
  title?: string;
  /** Whether what the case asserts held (`checkCase`). */
  passed: boolean;
  /** What the case is about, when it says: only changes to that part of the result concern it. */
  scope?: CaseScope;
  /** What the evaluation gave; absent when the case could not be evaluated. */
  actual?: {
    total: number;
    vetoed: boolean;
    /** Scenario id → eligible. */
    scenarios: Readonly<Record<string, boolean>>;
    groups?: Readonly<Record<string, number>>;
    indicators?: Readonly<Record<string, number>>;
  };
}

/**
 * A test case's outcome under one version: whether it passes (`checkCase`, the rule every case run uses)
 * and, when it could be evaluated, what the evaluation gave. Without an evaluation it fails.
 *
 * @example
 * caseOutcome(testCase, evaluation); // { id: 'age-40', passed: true, actual: { total: 85, vetoed: false, scenarios: {…}, … } }
 */
export function caseOutcome(testCase: TestCase, evaluation?: Evaluation): CaseOutcome {
  const base = { id: testCase.id, title: testCase.title, ...(testCase.scope ? { scope: testCase.scope } : {}) };
  if (!evaluation) return { ...base, passed: false };
  return {
    ...base,
    passed: checkCase(testCase, evaluation).length === 0,
    actual: {
      total: evaluation.total,
      vetoed: evaluation.vetoed,
      scenarios: Object.fromEntries(evaluation.scenarios.map((s) => [s.id, s.eligible])),
      groups: Object.fromEntries(evaluation.groups.map((g) => [g.id, g.score])),
      indicators: Object.fromEntries(evaluation.indicators.map((i) => [i.id, i.points])),
    },
  };
}

export type CaseOutcomeChangeKind = 'now-fails' | 'now-passes' | 'result-changed' | 'case-added' | 'case-removed';

export interface OutcomeDifference {
  what: 'total' | 'vetoed' | 'scenario' | 'group' | 'indicator';
  /** The scenario, group or indicator. */
  id?: string;
  before: unknown;
  after: unknown;
}

export interface CaseOutcomeChange {
  id: string;
  title: string;
  kind: CaseOutcomeChangeKind;
  before?: CaseOutcome;
  after?: CaseOutcome;
  differences: OutcomeDifference[];
  text: Text;
}

/**
 * The test cases whose outcome differs between two rule-set versions: a pass that becomes a failure (or
 * the reverse), or the same verdict with another result (total, veto, a scenario's eligibility, a group's
 * or indicator's points). A case with a scope only counts changes to what it is about. Cases are matched
 * by id; unchanged cases are left out.
 *
 * @example
 * caseOutcomeChanges(underV3, underV4); // [{ id: 'age-40', kind: 'now-fails', text: { en: 'Test case "age 40": passed → fails; total 85 → 87' … } }]
 */
export function caseOutcomeChanges(before: readonly CaseOutcome[], after: readonly CaseOutcome[], scenarioTitles: ReadonlyMap<string, Text> = new Map()): CaseOutcomeChange[] {
  const m = matchBy(before, after);
  const out: CaseOutcomeChange[] = [];
  for (const { before: a, after: b } of m.kept) {
    const scope = b.scope ?? a.scope;
    const differences = compare(a.actual, b.actual).filter((d) => scopeCovers(scope, SECTION[d.what], d.id));
    if (a.passed === b.passed && differences.length === 0) continue;
    const kind = a.passed === b.passed ? 'result-changed' : b.passed ? 'now-passes' : 'now-fails';
    out.push({ id: b.id, title: b.title ?? b.id, kind, before: a, after: b, differences, text: sentence(b, a, differences, scenarioTitles) });
  }
  for (const { item } of m.added) {
    const verdict = item.passed ? { zh: '通过', en: 'passes' } : { zh: '不通过', en: 'fails' };
    out.push({ id: item.id, title: item.title ?? item.id, kind: 'case-added', after: item, differences: [], text: label(item, { zh: `新用例，${verdict.zh}`, en: `new case, ${verdict.en}` }) });
  }
  for (const { item } of m.removed) {
    out.push({ id: item.id, title: item.title ?? item.id, kind: 'case-removed', before: item, differences: [], text: label(item, { zh: '用例已删除', en: 'case removed' }) });
  }
  return out;
}

function compare(a: CaseOutcome['actual'], b: CaseOutcome['actual']): OutcomeDifference[] {
  const out: OutcomeDifference[] = [];
  if (!a || !b) return a === b ? out : [{ what: 'total', before: a?.total, after: b?.total }];
  if (!samePoints(a.total, b.total)) out.push({ what: 'total', before: a.total, after: b.total });
  if (a.vetoed !== b.vetoed) out.push({ what: 'vetoed', before: a.vetoed, after: b.vetoed });
  for (const [what, x, y] of [
    ['scenario', a.scenarios, b.scenarios],
    ['group', a.groups, b.groups],
    ['indicator', a.indicators, b.indicators],
  ] as const) {
    const ids = new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})]);
    for (const id of ids) {
      const before = x?.[id];
      const after = y?.[id];
      const equal = typeof before === 'number' && typeof after === 'number' ? samePoints(before, after) : before === after;
      if (!equal) out.push({ what, id, before, after });
    }
  }
  return out;
}

const SECTION = { total: 'total', vetoed: 'vetoed', scenario: 'scenarios', group: 'groups', indicator: 'indicators' } as const;

const samePoints = (a: number, b: number) => toHundredths(a) === toHundredths(b);

function sentence(b: CaseOutcome, a: CaseOutcome, differences: readonly OutcomeDifference[], titles: ReadonlyMap<string, Text>): Text {
  const zh: string[] = [];
  const en: string[] = [];
  if (a.passed !== b.passed) {
    zh.push(b.passed ? '原不通过，现通过' : '原通过，现不通过');
    en.push(b.passed ? 'failed → passes' : 'passed → fails');
  }
  for (const d of differences) {
    const [bz, be] = [value(d.before, 'zh'), value(d.before, 'en')];
    const [az, ae] = [value(d.after, 'zh'), value(d.after, 'en')];
    const name = titles.get(d.id ?? '') ?? { zh: d.id ?? '', en: d.id ?? '' };
    const names = {
      total: { zh: '总积分', en: 'total' },
      vetoed: { zh: '一票否决', en: 'vetoed' },
      scenario: { zh: `场景 ${name.zh} 资格`, en: `eligible for ${name.en}` },
      group: { zh: `分组 ${name.zh} 得分`, en: `group ${name.en}` },
      indicator: { zh: `指标 ${name.zh} 得分`, en: `indicator ${name.en}` },
    }[d.what];
    zh.push(`${names.zh} ${bz} → ${az}`);
    en.push(`${names.en} ${be} → ${ae}`);
  }
  return label(b, { zh: zh.join('；'), en: en.join('; ') });
}

function label(c: CaseOutcome, what: Text): Text {
  const title = c.title ?? c.id;
  return { zh: `测试用例「${title}」：${what.zh}`, en: `Test case "${title}": ${what.en}` };
}

function value(v: unknown, lang: 'zh' | 'en'): string {
  if (v === undefined) return lang === 'zh' ? '（无）' : '(none)';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  return String(v);
}
