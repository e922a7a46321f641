import { afterEach, describe, expect, it } from 'vitest';
import { formatInstant, setLang } from '../i18n/i18n';
import { draftLabel, nameRefusal } from './draft-label';

const CREATED = '2026-06-30T02:00:00Z';

describe('what a draft is called on screen', () => {
  afterEach(() => setLang('zh'));

  it('is its name, or when it was created for one never named', () => {
    expect(draftLabel({ name: '2027年春季入学积分调整', createdAt: CREATED })).toBe('2027年春季入学积分调整');
    expect(draftLabel({ createdAt: CREATED })).toBe(`草稿 · 创建于 ${formatInstant(CREATED)}`);
    setLang('en');
    expect(draftLabel({ createdAt: CREATED })).toBe(`Draft · created ${formatInstant(CREATED)}`);
  });

  it('says a refused name as a sentence in the UI’s language', () => {
    const blank = { message: 'Drafts: the draft name must not be blank', fields: [{ path: 'name', message: 'must not be blank', messageZh: '草稿名称不能为空' }] };
    const submitted = {
      message: 'Drafts: draft k3x9 is submitted for approval: withdraw it to rename it',
      fields: [{ path: 'status', message: 'is submitted for approval: withdraw it to rename it', messageZh: '草稿已提交审批，撤回提交后才能改名' }],
    };
    const forbidden = { message: 'Drafts: zhang does not edit for YY区', fields: [], body: { error: { messageZh: '你不负责 YY区 的规则' } } };
    expect([blank, submitted, forbidden].map(nameRefusal)).toEqual(['草稿名称不能为空', '草稿已提交审批，撤回提交后才能改名', '你不负责 YY区 的规则']);
    setLang('en');
    expect([blank, submitted, forbidden].map(nameRefusal)).toEqual([
      'The draft name must not be blank.',
      'This draft is submitted for approval: withdraw it to rename it.',
      'Drafts: zhang does not edit for YY区',
    ]);
  });
});
