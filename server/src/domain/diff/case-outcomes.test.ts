import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { resolveRuleSet } from '../rule-set/resolve';
import type { RuleSet } from '../rule-set/schema';
import { parseFacts } from '../scoring/facts';
import { evaluateReference } from '../scoring/reference-evaluator';
import type { ResolvedRuleSet } from '../scoring/types';
import { caseOutcome, caseOutcomeChanges, type CaseOutcome } from './case-outcomes';

const outcome = (id: string, passed: boolean, total: number, school: boolean, extra: Partial<CaseOutcome['actual']> = {}): CaseOutcome => ({
  id,
  title: id.replace(/-/g, ' '),
  passed,
  actual: { total, vetoed: false, scenarios: { 'school-enrollment': school, healthcare: true }, ...extra },
});

describe('caseOutcomeChanges', () => {
  const titles = new Map([['school-enrollment', { zh: '随迁子女教育', en: 'Schooling for accompanying children' }]]);

  it('lists only the cases whose verdict or result changes, saying how', () => {
    const before = [outcome('at-bar', true, 120, true), outcome('below-bar', true, 119.5, false), outcome('unchanged', true, 80, false), outcome('veto', false, 90, false)];
    const after = [outcome('at-bar', false, 118, false), outcome('below-bar', true, 121.5, false), outcome('unchanged', true, 80, false), outcome('veto', true, 90, false)];
    const changes = caseOutcomeChanges(before, after, titles);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      ['at-bar', 'now-fails'],
      ['below-bar', 'result-changed'],
      ['veto', 'now-passes'],
    ]);
    expect(changes[0]!.differences).toEqual([
      { what: 'total', before: 120, after: 118 },
      { what: 'scenario', id: 'school-enrollment', before: true, after: false },
    ]);
    expect(changes[0]!.text).toEqual({
      zh: '测试用例「at bar」：原通过，现不通过；总积分 120 → 118；场景 随迁子女教育 资格 是 → 否',
      en: 'Test case "at bar": passed → fails; total 120 → 118; eligible for Schooling for accompanying children yes → no',
    });
    expect(changes[1]!.text.en).toBe('Test case "below bar": total 119.5 → 121.5');
  });

  it('compares indicator and group points when given, and lists added and removed cases', () => {
    const before = [outcome('a', true, 50, false, { indicators: { education: 10 } }), outcome('gone', true, 1, false)];
    const after = [outcome('a', true, 50, false, { indicators: { education: 12 } }), outcome('new', false, 2, false)];
    const changes = caseOutcomeChanges(before, after);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      ['a', 'result-changed'],
      ['new', 'case-added'],
      ['gone', 'case-removed'],
    ]);
    expect(changes[0]!.differences).toEqual([{ what: 'indicator', id: 'education', before: 10, after: 12 }]);
    expect(changes[1]!.text.en).toBe('Test case "new": new case, fails');
  });
});

describe('case outcomes of a real change', () => {
  it('finds the shipped cases that a higher school bar turns from eligible to not', async () => {
    const shipped = loadShippedRuleSets();
    const v1 = shipped.get('district-sample@1')!;
    const provincial = shipped.get('provincial-common@1')!.root;
    const draft: RuleSet = structuredClone(v1.root);
    draft.scenarios.find((s) => s.id === 'school-enrollment')!.bar = 125;
    const v2 = resolveRuleSet(draft, [provincial]);
    const outcomes = async (rs: ResolvedRuleSet) =>
      Promise.all(
        v1.root.cases.map(async (c) => {
          const evaluation = await evaluateReference(rs, parseFacts(rs, c.facts), c.asOf);
          return caseOutcome(c, evaluation);
        }),
      );
    const changes = caseOutcomeChanges(await outcomes(v1), await outcomes(v2));
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.kind).toBe('now-fails');
      expect(change.differences).toEqual([{ what: 'scenario', id: 'school-enrollment', before: true, after: false }]);
      const total = change.after!.actual!.total;
      expect(total >= 120 && total < 125).toBe(true);
    }
    expect(changes.map((c) => c.id)).toContain('typical-at-school-bar');
  });
});
