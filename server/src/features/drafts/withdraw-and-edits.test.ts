import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../domain/drafts/draft';
import type { RuleSet } from '../../domain/rule-set/schema';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

function withBar(doc: RuleSet, bar: number): RuleSet {
  const copy = structuredClone(doc);
  copy.scenarios[0]!.bar = bar;
  return copy;
}

describe('a draft’s author withdraws a submission; each save’s change is on record', () => {
  let env: Env;
  let zhang: Browser;
  let wang: Browser;
  let li: Browser;
  let auditor: Browser;

  beforeEach(async () => {
    env = await lifecycleApp();
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const other = await addStaff(env.ctx, 'wang', ['editor'], ['XX区']);
    const approver = await addStaff(env.ctx, 'li', ['approver']);
    const reader = await addStaff(env.ctx, 'zhao', ['auditor']);
    zhang = await signIn(env.app, 'zhang', editor.password);
    wang = await signIn(env.app, 'wang', other.password);
    li = await signIn(env.app, 'li', approver.password);
    auditor = await signIn(env.app, 'zhao', reader.password);
  });
  afterEach(() => env.cleanup());

  async function started(): Promise<{ draft: Draft; etag: string }> {
    const res = await zhang.call('POST', DRAFTS, { body: {} });
    expect(res.status).toBe(201);
    return { draft: await res.json(), etag: res.headers.get('etag')! };
  }

  const audit = async (action: string) => (await (await auditor.call('GET', `/api/v1/audit?action=${action}`)).json()).entries as { actor: string; details: Record<string, unknown> }[];

  it('lets the author withdraw a submission back to editing, and no one else', async () => {
    const { draft } = await started();
    expect((await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: '分数线调整' } })).status).toBe(200);

    expect((await li.call('POST', `${DRAFTS}/${draft.id}/withdraw`)).status).toBe(403);
    expect((await wang.call('POST', `${DRAFTS}/${draft.id}/withdraw`)).status).toBe(403);
    const res = await zhang.call('POST', `${DRAFTS}/${draft.id}/withdraw`);
    expect(res.status).toBe(200);
    const withdrawn: Draft = await res.json();
    expect(withdrawn).toMatchObject({ status: 'editing', revision: draft.revision + 2, contributors: ['zhang'] });
    expect(withdrawn.submittedAt).toBeUndefined();
    expect(res.headers.get('etag')).toBe(`"${draft.id}-${draft.revision + 2}"`);
    expect((await zhang.call('POST', `${DRAFTS}/${draft.id}/withdraw`)).status).toBe(409);
    expect((await li.call('POST', `${DRAFTS}/${draft.id}/reject`, { body: { reason: '无' } })).status).toBe(409);
    expect(await audit('draft-withdrawn')).toMatchObject([{ actor: 'zhang', details: { note: '分数线调整' } }]);
  });

  it('records which field each save changed, and writes nothing for a save that changes nothing', async () => {
    const { draft, etag } = await started();
    const first = await zhang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: withBar(draft.document, 125) }, headers: { 'if-match': etag } });
    expect(first.status).toBe(200);
    const saved: Draft = await first.json();
    const [entry] = await audit('draft-edited');
    expect(entry).toMatchObject({ actor: 'zhang', details: { revision: 2, patch: [{ op: 'replace', path: '/scenarios/0/bar', value: 125, was: draft.document.scenarios[0]!.bar }] } });

    const again = await zhang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: saved.document }, headers: { 'if-match': first.headers.get('etag')! } });
    expect(again.status).toBe(200);
    expect((await again.json()).revision).toBe(saved.revision);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await audit('draft-edited')).toHaveLength(1);
  });
});
