import { JifenError, type FieldError } from '../errors';
import type { Text } from '../rule-set/schema';
import type { CaseSummary } from './draft';

/**
 * A draft whose test cases fail can be neither submitted nor approved: the cases are the rule set's own
 * statement of what it must score, so a failing one means the rules or the case are wrong. The server's
 * refusals and the editor's submit dialog both say it from here.
 */

/**
 * What staff read when cases fail: how many, that the draft cannot go for approval, and what to do.
 *
 * @example
 * failingCasesText(2).zh; // '有 2 个测试用例未通过，测试用例全部通过后才能提交审批。…'
 */
export function failingCasesText(failed: number): Text {
  return {
    zh: `有 ${failed} 个测试用例未通过，测试用例全部通过后才能提交审批。请打开「测试用例」查看：修正规则，或核对后采用新结果。`,
    en: `${failed} test case${failed === 1 ? '' : 's'} fail${failed === 1 ? 's' : ''}; a draft can be submitted for approval only when every case passes. Open “Test cases”: correct the rules, or check the new results and take them.`,
  };
}

/**
 * One field error per failing case, naming the case by its title: the English says what differs (the result
 * paths an integrator reads), the Chinese how many results differ, keeping ids out of what staff read.
 */
export function failingCaseProblems(cases: CaseSummary): FieldError[] {
  return cases.results.flatMap((r) => {
    if (r.passed) return [];
    const what = r.error ?? r.differences.map((d) => `${d.path} ${d.expected} → ${d.actual ?? '—'}`).join('; ');
    const zh = r.error ? '无法计算' : `${r.differences.length} 项结果与预期不同`;
    return [{ path: `cases.${r.id}`, message: `test case “${r.title}” fails: ${what}`, messageZh: `测试用例「${r.title}」未通过：${zh}` }];
  });
}

/**
 * Throws `validation_failed` (422) naming every failing case unless all pass.
 *
 * @example
 * assertCasesPass(draft.cases, 'submitted');
 */
export function assertCasesPass(cases: CaseSummary, doing: 'submitted' | 'approved'): void {
  if (cases.failed === 0) return;
  const text = failingCasesText(cases.failed);
  throw new JifenError(
    'validation_failed',
    { en: `Drafts: ${cases.failed} test case(s) fail; a draft whose cases fail cannot be ${doing}. ${text.en} (${text.zh})`, zh: text.zh },
    failingCaseProblems(cases),
  );
}
