import type { Diff, PolicyChange } from '../api/types';
import type { Messages } from '../i18n/zh';
import { showValue } from './describe';
import { simpleSheet, type Sheet } from './export-file';

/** Test-case edits are reported apart from policy changes: they change the checks, not the policy. */
export const isCaseRewrite = (c: PolicyChange) => c.kind === 'case-added' || c.kind === 'case-removed' || c.kind === 'case-changed';

const targetOf = (c: PolicyChange) => (typeof c.target === 'string' ? c.target : `${c.target.type}:${c.target.id}${c.target.part ? ` › ${c.target.part.id}` : ''}`);

/**
 * A diff as workbook sheets for the record: policy changes first, then test-case rewrites, then the cases
 * whose outcome changes.
 *
 * @example
 * await downloadXlsx(m.diffFileName('district-sample', '1', '2'), diffSheets(diff, m));
 */
export function diffSheets(diff: Diff, m: Messages): Sheet[] {
  const rows = (changes: PolicyChange[]) =>
    changes.map((c) => [c.text.zh, c.text.en, m.changeKinds[c.kind] ?? c.kind, targetOf(c), showValue(c.before), showValue(c.after)]);
  const widths = [60, 60, 14, 30, 24, 24];
  const outcome = (v: unknown) => (v && typeof v === 'object' && 'passed' in v ? ((v as { passed: boolean }).passed ? m.passed : m.failed) : showValue(v));
  return [
    simpleSheet(m.diffSheets.policy, m.diffColumns, rows(diff.changes.filter((c) => !isCaseRewrite(c))), widths),
    simpleSheet(m.diffSheets.cases, m.diffColumns, rows(diff.changes.filter(isCaseRewrite)), widths),
    simpleSheet(m.diffSheets.outcomes, m.outcomeColumns, diff.cases.map((c) => [c.title, c.text?.zh ?? '', outcome(c.before), outcome(c.after)]), [40, 60, 12, 12]),
  ];
}
