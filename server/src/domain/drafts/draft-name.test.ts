import { describe, expect, it } from 'vitest';
import { JifenError } from '../errors';
import { DRAFT_NAME_MAX, draftName, draftNameProblems } from './draft-name';

describe('a draft’s name', () => {
  it('keeps what staff typed, without surrounding spaces', () => {
    expect(draftName('  2027年春季入学积分调整 ')).toBe('2027年春季入学积分调整');
    expect(draftName('Raise the bachelor tier · 本科 10 → 12')).toBe('Raise the bachelor tier · 本科 10 → 12');
    // A name of exactly the limit counts characters, not bytes or UTF-16 units.
    expect(draftName('积'.repeat(DRAFT_NAME_MAX))).toHaveLength(DRAFT_NAME_MAX);
    expect(draftNameProblems('😀'.repeat(DRAFT_NAME_MAX))).toEqual([]);
  });

  it('refuses a blank name, in English and Chinese', () => {
    for (const blank of ['', '   ', '\u3000']) {
      expect(draftNameProblems(blank)).toEqual([{ path: 'name', message: 'must not be blank', messageZh: '草稿名称不能为空' }]);
    }
  });

  it('refuses a name longer than the limit, saying how long it is', () => {
    const [problem] = draftNameProblems('积'.repeat(DRAFT_NAME_MAX + 5));
    expect(problem).toEqual({
      path: 'name',
      message: `must be at most ${DRAFT_NAME_MAX} characters (has ${DRAFT_NAME_MAX + 5})`,
      messageZh: `草稿名称最多 ${DRAFT_NAME_MAX} 个字符（现有 ${DRAFT_NAME_MAX + 5} 个）`,
    });
  });

  it('refuses line breaks, tabs, NUL and direction overrides inside the name', () => {
    for (const bad of ['春季\n调整', '春季\t调整', '春季\u0000调整', '春季\u202E整调', '春季\u2028调整', '春季\u0085调整']) {
      const problems = draftNameProblems(bad);
      expect(problems.map((p) => p.messageZh)).toEqual(['草稿名称须为一行文字，不能包含换行、制表符或文字方向控制符']);
    }
  });

  it('throws validation_failed naming the field, in English and Chinese', () => {
    const error = (() => {
      try {
        draftName(' ');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JifenError);
    expect(error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'name' }] });
    expect((error as JifenError).text).toEqual({ en: 'Drafts: the draft name must not be blank', zh: '草稿名称不能为空' });
  });
});
