import { diffRefs } from '../features/diff';
import { withDatabase, type CliCommand } from './context';

export const DIFF_USAGE =
  'npm run jifen -- diff <ruleSetId> <from> <to>\n  <from>, <to>: a version number or draft:<id>. Prints the changes in policy terms (中文 / English), the test cases whose outcome changes, and the JSON Patch.';

/** `diff <ruleSetId> <from> <to>`: what `GET /rule-sets/{id}/diff` answers, as text. */
export const diffCommand: CliCommand = async (args, io) => {
  const [ruleSetId, from, to, ...extra] = args;
  if (!ruleSetId || !from || !to || extra.length > 0) {
    io.err(DIFF_USAGE);
    return 2;
  }
  const diff = await withDatabase(io.env, (ctx) => diffRefs(ctx, ruleSetId, from, to));
  const side = (s: typeof diff.from) => `${s.version !== undefined ? `version ${s.version}` : `draft ${s.draftId}`} (from ${s.effectiveFrom}, ${s.hash.slice(0, 12)}…)`;
  io.out(`${ruleSetId}: ${side(diff.from)} → ${side(diff.to)}`);
  io.out('');
  io.out(`Changes / 变更 (${diff.changes.length}):`);
  if (diff.changes.length === 0) io.out('  (none / 无)');
  for (const change of diff.changes) {
    io.out(`  - ${change.text.zh}`);
    io.out(`    ${change.text.en}`);
  }
  io.out('');
  io.out(`Test cases with another outcome / 结果变化的测试用例 (${diff.cases.length}):`);
  if (diff.cases.length === 0) io.out('  (none / 无)');
  for (const c of diff.cases) {
    io.out(`  - ${c.text.zh}`);
    io.out(`    ${c.text.en}`);
  }
  io.out('');
  io.out('JSON Patch (RFC 6902):');
  io.out(JSON.stringify(diff.patch, null, 2));
  return 0;
};
