import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../domain/drafts/draft';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';
const SPRING = '2027年春季入学积分调整';

describe('staff name their drafts and rename them while they are drafts', () => {
  let env: Env;
  let zhang: Browser;
  let wang: Browser;
  let li: Browser;
  let auditor: Browser;
  let outsider: Browser;

  beforeEach(async () => {
    env = await lifecycleApp();
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const colleague = await addStaff(env.ctx, 'wang', ['editor'], ['XX区']);
    const approver = await addStaff(env.ctx, 'li', ['approver']);
    const reader = await addStaff(env.ctx, 'zhao', ['auditor']);
    const elsewhere = await addStaff(env.ctx, 'sun', ['editor'], ['YY区']);
    zhang = await signIn(env.app, 'zhang', editor.password);
    wang = await signIn(env.app, 'wang', colleague.password);
    li = await signIn(env.app, 'li', approver.password);
    auditor = await signIn(env.app, 'zhao', reader.password);
    outsider = await signIn(env.app, 'sun', elsewhere.password);
  });
  afterEach(() => env.cleanup());

  async function start(body: Record<string, unknown> = {}): Promise<{ draft: Draft; etag: string }> {
    const res = await zhang.call('POST', DRAFTS, { body });
    expect(res.status).toBe(201);
    return { draft: await res.json(), etag: res.headers.get('etag')! };
  }

  const rename = (who: Browser, id: string, name: unknown, etag?: string) =>
    who.call('PUT', `${DRAFTS}/${id}/name`, { body: { name }, ...(etag ? { headers: { 'if-match': etag } } : {}) });

  const audit = async (action: string) =>
    (await (await auditor.call('GET', `/api/v1/audit?action=${action}`)).json()).entries as { actor: string; target: string; details: Record<string, unknown> }[];

  const stored = async (id: string): Promise<Draft> => (await zhang.call('GET', `${DRAFTS}/${id}`)).json();

  it('starts a draft with a name, trimmed, shown in the list and recorded with its creation', async () => {
    const { draft } = await start({ name: `  ${SPRING} ` });
    expect(draft.name).toBe(SPRING);
    const unnamed = (await start()).draft;
    expect(unnamed).not.toHaveProperty('name');

    const list = (await (await li.call('GET', DRAFTS)).json()).drafts as Draft[];
    expect(list.map((d) => [d.id, d.name])).toEqual([
      [unnamed.id, undefined],
      [draft.id, SPRING],
    ]);
    const created = await audit('draft-created');
    expect(created.find((e) => e.target.endsWith(draft.id))?.details).toMatchObject({ name: SPRING });
    expect(created.find((e) => e.target.endsWith(unnamed.id))?.details).not.toHaveProperty('name');
  });

  it('renames with If-Match: a new revision, the same document, and the old → new name on record', async () => {
    const { draft, etag } = await start();
    const first = await rename(zhang, draft.id, SPRING, etag);
    expect(first.status).toBe(200);
    const named: Draft = await first.json();
    expect(named).toMatchObject({ name: SPRING, revision: 2, status: 'editing' });
    expect(named.document).toEqual(draft.document);
    expect(first.headers.get('etag')).toBe(`"${draft.id}-2"`);

    const second = await rename(wang, draft.id, '2027年秋季入学积分调整', first.headers.get('etag')!);
    expect(second.status).toBe(200);
    // Whoever renames a draft has written on it: four eyes counts them.
    expect(await second.json()).toMatchObject({ name: '2027年秋季入学积分调整', revision: 3, contributors: ['zhang', 'wang'] });

    const same = await rename(wang, draft.id, ' 2027年秋季入学积分调整 ', second.headers.get('etag')!);
    expect(same.status).toBe(200);
    expect((await same.json()).revision).toBe(3);

    const entries = await audit('draft-renamed');
    expect(entries.map((e) => [e.actor, e.target, e.details.from, e.details.to])).toEqual([
      ['wang', `rule-set:district-sample/draft:${draft.id}`, SPRING, '2027年秋季入学积分调整'],
      ['zhang', `rule-set:district-sample/draft:${draft.id}`, null, SPRING],
    ]);
  });

  it('never lets a rename and another change overwrite each other: 428 without If-Match, 412 when stale', async () => {
    const { draft, etag } = await start();
    const missing = await rename(zhang, draft.id, SPRING);
    expect(missing.status).toBe(428);
    expect((await missing.json()).error.code).toBe('precondition_required');

    // Wang saves the document first; Zhang's rename based on what she read is refused with the draft as it is.
    const bar = structuredClone(draft.document);
    bar.scenarios[0]!.bar = 125;
    const saved = await wang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: bar }, headers: { 'if-match': etag } });
    expect(saved.status).toBe(200);
    const stale = await rename(zhang, draft.id, SPRING, etag);
    expect(stale.status).toBe(412);
    const body = await stale.json();
    expect(body.error.code).toBe('precondition_failed');
    expect(body.current).toMatchObject({ revision: 2 });
    expect(body.current.document.scenarios[0].bar).toBe(125);
    expect(stale.headers.get('etag')).toBe(`"${draft.id}-2"`);

    // Renamed on the current ETag; now a save from a tab that read revision 2 is refused in turn.
    const renamed = await rename(zhang, draft.id, SPRING, stale.headers.get('etag')!);
    expect(renamed.status).toBe(200);
    const late = await wang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: draft.document }, headers: { 'if-match': saved.headers.get('etag')! } });
    expect(late.status).toBe(412);
    expect((await late.json()).current).toMatchObject({ name: SPRING, revision: 3 });

    // Two renames of the same revision: exactly one wins; the other is told.
    const both = await Promise.all(['甲', '乙'].map((name) => rename(zhang, draft.id, name, renamed.headers.get('etag')!)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    const now = await stored(draft.id);
    expect(now.revision).toBe(4);
    expect(await (both.find((r) => r.status === 200)!).json()).toMatchObject({ name: now.name });
    expect(await audit('draft-renamed')).toHaveLength(2);
  });

  it('refuses a blank, too long or multi-line name with 422 naming the field in Chinese and English, writing nothing', async () => {
    const created = await zhang.call('POST', DRAFTS, { body: { name: '   ' } });
    expect(created.status).toBe(422);
    const refusal = await created.json();
    expect(refusal.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'name', message: 'must not be blank', messageZh: '草稿名称不能为空' }] });
    expect(refusal.error.messageZh).toBe('草稿名称不能为空');
    expect((await (await zhang.call('GET', DRAFTS)).json()).drafts).toEqual([]);
    expect(await audit('draft-created')).toEqual([]);

    const { draft, etag } = await start({ name: SPRING });
    const cases: [unknown, string][] = [
      ['', '草稿名称不能为空'],
      ['积'.repeat(61), '草稿名称最多 60 个字符（现有 61 个）'],
      ['春季\n调整', '草稿名称须为一行文字，不能包含换行、制表符或文字方向控制符'],
      ['春季\u202E整调', '草稿名称须为一行文字，不能包含换行、制表符或文字方向控制符'],
    ];
    for (const [name, zh] of cases) {
      const res = await rename(zhang, draft.id, name, etag);
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.fields).toEqual([expect.objectContaining({ path: 'name', messageZh: zh })]);
    }
    const wrongType = await rename(zhang, draft.id, 2027, etag);
    expect(wrongType.status).toBe(422);
    expect((await wrongType.json()).error.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    const noName = await zhang.call('PUT', `${DRAFTS}/${draft.id}/name`, { body: {}, headers: { 'if-match': etag } });
    expect(noName.status).toBe(422);
    expect((await noName.json()).error.fields).toEqual([expect.objectContaining({ path: 'name' })]);

    expect(await stored(draft.id)).toMatchObject({ name: SPRING, revision: 1 });
    expect(await audit('draft-renamed')).toEqual([]);
  });

  it('renames only while the draft can be edited, and only for its department’s editors', async () => {
    const { draft, etag } = await start({ name: SPRING });
    expect((await rename(outsider, draft.id, '别处', etag)).status).toBe(403);
    expect((await rename(li, draft.id, '审批人', etag)).status).toBe(403);

    const submitted = await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: '分数线不变' } });
    const underReview = await rename(zhang, draft.id, '改名', submitted.headers.get('etag')!);
    expect(underReview.status).toBe(409);
    const refused = (await underReview.json()).error;
    expect(refused.messageZh).toBe('草稿已提交审批，撤回提交后才能改名');
    expect(refused.fields).toEqual([
      { path: 'status', message: 'is submitted for approval: withdraw it to rename it', messageZh: '草稿已提交审批，撤回提交后才能改名' },
    ]);

    const withdrawn = await zhang.call('POST', `${DRAFTS}/${draft.id}/withdraw`);
    const again = await rename(zhang, draft.id, '2027年春季入学积分调整（修订）', withdrawn.headers.get('etag')!);
    expect(again.status).toBe(200);

    await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: '分数线不变' } });
    const approved = await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } });
    expect(approved.status).toBe(201);
    const published = await stored(draft.id);
    const afterPublish = await rename(zhang, draft.id, '改名', `"${draft.id}-${published.revision}"`);
    expect(afterPublish.status).toBe(409);
    expect((await afterPublish.json()).error.fields[0].messageZh).toBe('草稿已发布为第 3 版，名称随该版本记录，不能再改');
    expect(published.name).toBe('2027年春季入学积分调整（修订）');

    // The published version's history keeps the name staff knew the change by.
    const [entry] = await audit('version-published');
    expect(entry?.details).toMatchObject({ draft: draft.id, draftName: '2027年春季入学积分调整（修订）' });
  });
});
