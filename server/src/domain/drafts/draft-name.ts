import { JifenError, type FieldError } from '../errors';
import type { Draft } from './draft';

/**
 * A draft's name (草稿名称): the label policy staff give a draft ("2027年春季入学积分调整") so that lists,
 * the approval queue and the trail read in their words instead of a random id. Optional: a draft without
 * one is shown by when it was created.
 */

/** The longest name, in characters (code points): a heading, not a change note. */
export const DRAFT_NAME_MAX = 60;

// C0 and C1 controls (line breaks, tabs, NUL …), line and paragraph separators, and the bidirectional
// overrides and isolates that can make a name read differently from what it holds.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * The problems of a proposed name, each naming the field `path`, in English and Chinese; none when it can
 * be used. The one rule every path (create, rename) calls.
 *
 * @example
 * draftNameProblems('  '); // [{ path: 'name', message: 'must not be blank', messageZh: '草稿名称不能为空' }]
 */
export function draftNameProblems(raw: string, path = 'name'): FieldError[] {
  const name = raw.normalize('NFC').trim();
  const problems: FieldError[] = [];
  if (name === '') problems.push({ path, message: 'must not be blank', messageZh: '草稿名称不能为空' });
  const length = [...name].length;
  if (length > DRAFT_NAME_MAX) {
    problems.push({
      path,
      message: `must be at most ${DRAFT_NAME_MAX} characters (has ${length})`,
      messageZh: `草稿名称最多 ${DRAFT_NAME_MAX} 个字符（现有 ${length} 个）`,
    });
  }
  if (FORBIDDEN.test(name)) {
    problems.push({
      path,
      message: 'must be one line without control characters (line breaks, tabs, direction marks)',
      messageZh: '草稿名称须为一行文字，不能包含换行、制表符或文字方向控制符',
    });
  }
  return problems;
}

/**
 * The name as stored: NFC, without surrounding spaces. Throws `validation_failed` naming the field when
 * it cannot be used.
 *
 * @example
 * draftName(' 2027年春季入学积分调整 '); // '2027年春季入学积分调整'
 */
export function draftName(raw: string, path = 'name'): string {
  const problems = draftNameProblems(raw, path);
  if (problems.length > 0) {
    throw new JifenError(
      'validation_failed',
      { en: `Drafts: the draft name ${problems.map((p) => p.message).join('; ')}`, zh: problems.map((p) => p.messageZh).join('；') },
      problems,
    );
  }
  return raw.normalize('NFC').trim();
}

/**
 * Checks that the draft may be renamed: while it can be edited (editing, or rejected and being reworked).
 * A submitted draft is what the approver is reading: its author withdraws it first. A published draft's
 * name is part of its version's history and stays. Throws `conflict` naming `status`, in both languages.
 *
 * @example
 * assertRenamable({ id: 'k3x9', status: 'submitted' }); // throws: withdraw it to rename it
 */
export function assertRenamable(draft: Pick<Draft, 'id' | 'status' | 'publishedVersion'>): void {
  if (draft.status === 'editing' || draft.status === 'rejected') return;
  const [message, messageZh] =
    draft.status === 'submitted'
      ? ['is submitted for approval: withdraw it to rename it', '草稿已提交审批，撤回提交后才能改名']
      : [
          `is published as version ${draft.publishedVersion ?? '?'}: its name stays with that version's history`,
          `草稿已发布为第 ${draft.publishedVersion ?? '?'} 版，名称随该版本记录，不能再改`,
        ];
  throw new JifenError('conflict', { en: `Drafts: draft ${draft.id} ${message}`, zh: messageZh }, [{ path: 'status', message, messageZh }]);
}
