import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../domain/drafts/draft';
import { contentHash } from '../../domain/rule-set/hash';
import type { RuleSet } from '../../domain/rule-set/schema';
import { acceptActuals, addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';
/** A resident who acted as a good Samaritan (见义勇为), 10 points in the shipped versions 1 and 2. */
const SAMARITAN = { residenceRegistrationDate: '2020-01-01', goodSamaritan: true };

function withSamaritanPoints(doc: RuleSet, points: number): RuleSet {
  const copy = structuredClone(doc);
  const indicator = copy.indicators.find((i) => i.id === 'goodSamaritan');
  if (indicator?.kind !== 'fixed') throw new Error('goodSamaritan is a fixed indicator');
  indicator.points = points;
  return copy;
}

describe('drafts and four-eyes publishing', () => {
  let env: Env;
  let zhang: Browser;
  let li: Browser;

  beforeEach(async () => {
    env = await lifecycleApp(); // 2026-06-30 10:00 China time
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const approver = await addStaff(env.ctx, 'li', ['approver']);
    zhang = await signIn(env.app, 'zhang', editor.password);
    li = await signIn(env.app, 'li', approver.password);
  });
  afterEach(() => env.cleanup());

  async function startDraft(body: Record<string, unknown> = {}): Promise<{ draft: Draft; etag: string }> {
    const res = await zhang.call('POST', DRAFTS, { body });
    expect(res.status).toBe(201);
    return { draft: await res.json(), etag: res.headers.get('etag')! };
  }

  async function save(draft: Draft, etag: string, document: unknown, who = zhang) {
    return who.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document }, headers: { 'if-match': etag } });
  }

  /** A draft raising 见义勇为 to `points` with the cases brought in line, saved and submitted. */
  async function submittedRaise(points: number): Promise<Draft> {
    const { draft, etag } = await startDraft();
    const raised = withSamaritanPoints(draft.document, points);
    let res = await save(draft, etag, raised);
    let saved: Draft = await res.json();
    res = await save(saved, res.headers.get('etag')!, acceptActuals(saved.document, saved.cases.results));
    saved = await res.json();
    expect(saved.cases.failed).toBe(0);
    const submitted = await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: `见义勇为 10 → ${points}` } });
    expect(submitted.status).toBe(200);
    return submitted.json();
  }

  const evaluate = async (asOf: string) => {
    const res = await env.app.request('/api/v1/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ruleSetId: 'district-sample', asOf, facts: SAMARITAN }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    return { version: body.version as number, points: body.indicators.find((i: { id: string }) => i.id === 'goodSamaritan').points as number };
  };

  it('starts a draft from the latest version, numbered as the next one, with its cases run', async () => {
    const { draft, etag } = await startDraft({ note: 'raise 见义勇为' });
    expect(etag).toBe(`"${draft.id}-1"`);
    expect(draft).toMatchObject({ ruleSetId: 'district-sample', baseVersion: 2, status: 'editing', author: 'zhang', revision: 1 });
    expect(draft.document.version).toBe(3);
    expect(draft.validation).toEqual({ ok: true, errors: [] });
    expect(draft.cases.failed).toBe(0);
    expect(draft.cases.passed).toBe(draft.document.cases.length);

    const read = await li.call('GET', `${DRAFTS}/${draft.id}`);
    expect(read.headers.get('etag')).toBe(etag);
    const list = await li.call('GET', DRAFTS);
    expect((await list.json()).drafts.map((d: Draft) => d.id)).toEqual([draft.id]);
  });

  it('answers 412 with the current draft to a stale write, and 428 without If-Match; never overwrites silently', async () => {
    const { draft, etag } = await startDraft();
    const first = await save(draft, etag, withSamaritanPoints(draft.document, 12));
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${draft.id}-2"`);

    const stale = await save(draft, etag, withSamaritanPoints(draft.document, 15));
    expect(stale.status).toBe(412);
    const body = await stale.json();
    expect(body.error.code).toBe('precondition_failed');
    expect(body.current.revision).toBe(2);
    expect(body.current.document.indicators.find((i: { id: string }) => i.id === 'goodSamaritan').points).toBe(12);
    expect(stale.headers.get('etag')).toBe(`"${draft.id}-2"`);

    const missing = await zhang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: draft.document } });
    expect(missing.status).toBe(428);
    expect((await missing.json()).error.code).toBe('precondition_required');

    const stored = await (await li.call('GET', `${DRAFTS}/${draft.id}`)).json();
    expect(stored.revision).toBe(2);
    expect(stored.document.indicators.find((i: { id: string }) => i.id === 'goodSamaritan').points).toBe(12);
  });

  it('lets exactly one of two simultaneous saves of the same revision win', async () => {
    const { draft, etag } = await startDraft();
    const results = await Promise.all([12, 15].map((points) => save(draft, etag, withSamaritanPoints(draft.document, points))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner: Draft = await results.find((r) => r.status === 200)!.json();
    const stored = await (await zhang.call('GET', `${DRAFTS}/${draft.id}`)).json();
    expect(stored.revision).toBe(2);
    expect(stored.document).toEqual(winner.document);
  });

  it('validates a save exactly as loading does: field errors inside the document, nothing written', async () => {
    const { draft, etag } = await startDraft();
    const broken = structuredClone(draft.document) as RuleSet & Record<string, unknown>;
    const tiers = broken.indicators.find((i) => i.kind === 'tiers');
    if (tiers?.kind !== 'tiers') throw new Error('expected a tiers indicator');
    tiers.tiers[0]!.conditions = { all: [{ fact: 'noSuchFact', operator: 'equal', value: 1 }] };
    const res = await save(draft, etag, broken);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_rule_set');
    const index = broken.indicators.indexOf(tiers);
    expect(body.error.fields.map((f: { path: string }) => f.path)).toContain(`indicators.${index}.tiers.0.conditions.all.0.fact`);

    const renumbered = await save(draft, etag, { ...draft.document, version: 7 });
    expect(renumbered.status).toBe(422);
    expect((await renumbered.json()).error.fields).toEqual([{ path: 'version', message: expect.stringContaining('must be 3'), messageZh: expect.stringContaining('必须是 3') }]);

    const stored = await (await zhang.call('GET', `${DRAFTS}/${draft.id}`)).json();
    expect(stored.revision).toBe(1);
  });

  it('applies an RFC 6902 JSON Patch, runs the cases, and names an operation that does not apply', async () => {
    const { draft, etag } = await startDraft();
    const index = draft.document.indicators.findIndex((i) => i.id === 'goodSamaritan');
    const patch = [{ op: 'replace', path: `/indicators/${index}/points`, value: 12 }];
    const res = await zhang.call('PATCH', `${DRAFTS}/${draft.id}`, { body: patch, contentType: 'application/json-patch+json', headers: { 'if-match': etag } });
    expect(res.status).toBe(200);
    const patched: Draft = await res.json();
    expect(patched.document.indicators[index]).toMatchObject({ id: 'goodSamaritan', points: 12 });
    // The shipped cases expect 10 for a good Samaritan: they now fail, and say where.
    expect(patched.cases.failed).toBeGreaterThan(0);
    expect(patched.cases.results.find((r) => !r.passed)!.differences).toContainEqual({ path: 'indicators.goodSamaritan', expected: 10, actual: 12 });

    const bad = await zhang.call('PATCH', `${DRAFTS}/${draft.id}`, {
      body: [{ op: 'remove', path: '/indicators/999' }],
      contentType: 'application/json-patch+json',
      headers: { 'if-match': res.headers.get('etag')! },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].path).toBe('0');
  });

  it('lets editors work only for their own department', async () => {
    const other = await addStaff(env.ctx, 'wang', ['editor'], ['浙江省']);
    const wang = await signIn(env.app, 'wang', other.password);
    const res = await wang.call('POST', DRAFTS, { body: {} });
    expect(res.status).toBe(403);
    expect((await wang.call('POST', '/api/v1/rule-sets/provincial-common/drafts', { body: {} })).status).toBe(201);
  });

  it('refuses self-approval (four eyes), also by someone who only edited the draft', async () => {
    const both = await addStaff(env.ctx, 'chen', ['editor', 'approver'], ['XX区']);
    const chen = await signIn(env.app, 'chen', both.password);
    const res = await chen.call('POST', DRAFTS, { body: {} });
    const own: Draft = await res.json();
    await chen.call('POST', `${DRAFTS}/${own.id}/submit`, { body: { note: 'no change' } });
    const selfApproval = await chen.call('POST', `${DRAFTS}/${own.id}/approve`, { body: { effectiveFrom: '2026-07-01' } });
    expect(selfApproval.status).toBe(403);
    const refusal = (await selfApproval.json()).error;
    expect(refusal.message).toMatch(/four eyes/);
    expect(refusal.messageZh).toBe('双人审核：您参与编写了这份草稿，不能批准它，请由另一位审批人决定');

    const zhangs = await startDraft();
    const retitled = { ...zhangs.draft.document, title: { ...zhangs.draft.document.title, en: `${zhangs.draft.document.title.en} (chen)` } };
    const edited = await save(zhangs.draft, zhangs.etag, retitled, chen);
    expect(edited.status).toBe(200);
    await zhang.call('POST', `${DRAFTS}/${zhangs.draft.id}/submit`, { body: { note: 'no change' } });
    expect((await chen.call('POST', `${DRAFTS}/${zhangs.draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } })).status).toBe(403);
    const ownReject = await chen.call('POST', `${DRAFTS}/${zhangs.draft.id}/reject`, { body: { reason: 'mine' } });
    expect(ownReject.status).toBe(403);
    expect((await ownReject.json()).error.messageZh).toBe('双人审核：您参与编写了这份草稿，不能退回它，请由另一位审批人决定');
    expect((await env.client.execute("SELECT count(*) AS n FROM rule_set_versions WHERE rule_set_id = 'district-sample'")).rows[0]!.n).toBe(2);

    // Each attempt is in the trail, with who tried, on which draft, and what they were told.
    const refused = await env.client.execute("SELECT actor, target, details FROM audit_log WHERE action = 'draft-decision-refused' ORDER BY seq");
    expect(refused.rows.map((r) => [r.actor, r.target, JSON.parse(String(r.details)).decision])).toEqual([
      ['chen', `rule-set:district-sample/draft:${own.id}`, 'approve'],
      ['chen', `rule-set:district-sample/draft:${zhangs.draft.id}`, 'approve'],
      ['chen', `rule-set:district-sample/draft:${zhangs.draft.id}`, 'reject'],
    ]);
    expect(JSON.parse(String(refused.rows[2]!.details)).reasonZh).toBe('双人审核：您参与编写了这份草稿，不能退回它，请由另一位审批人决定');
  });

  it('refuses to submit a draft whose test cases fail, naming each case in Chinese and English, so it never waits for an approval it cannot get', async () => {
    const { draft, etag } = await startDraft();
    const saved: Draft = await (await save(draft, etag, withSamaritanPoints(draft.document, 12))).json();
    expect(saved.cases.failed).toBeGreaterThan(0);
    const res = await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: '见义勇为 10 → 12' } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.message).toMatch(/test case/);
    expect(body.error.message).toContain('测试用例全部通过后才能提交审批');
    expect(body.error.fields.length).toBe(saved.cases.failed);
    const failing = saved.cases.results.find((r) => !r.passed)!;
    expect(body.error.fields).toContainEqual(expect.objectContaining({ path: `cases.${failing.id}`, messageZh: expect.stringContaining(`测试用例「${failing.title}」未通过`) }));
    expect((await zhang.call('GET', `${DRAFTS}/${draft.id}`).then((r) => r.json())).status).toBe('editing');
    expect((await env.client.execute("SELECT count(*) AS n FROM rule_set_versions WHERE rule_set_id = 'district-sample'")).rows[0]!.n).toBe(2);
  });

  it('publishes an approved draft as an immutable version with its content hash, and audits it in the same chain', async () => {
    const draft = await submittedRaise(12);
    const res = await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-06-30', note: 'per notice 2026-7' } });
    expect(res.status).toBe(201);
    const { draft: published, version } = await res.json();
    expect(published).toMatchObject({ status: 'published', publishedVersion: 3, decidedBy: 'li', decisionReason: 'per notice 2026-7' });
    expect(version).toMatchObject({ ruleSetId: 'district-sample', version: 3, effectiveFrom: '2026-06-30', publishedBy: 'zhang', approvedBy: 'li', note: '见义勇为 10 → 12' });

    const stored = await (await env.app.request('/api/v1/rule-sets/district-sample/versions/3')).json();
    expect(stored.hash).toBe(version.hash);
    expect(contentHash(stored.document)).toBe(version.hash);
    expect(stored.document).toEqual(published.document);
    expect(await evaluate('2026-06-30')).toEqual({ version: 3, points: 12 });

    await expect(env.client.execute("UPDATE rule_set_versions SET note = 'x' WHERE rule_set_id = 'district-sample' AND version = 3")).rejects.toThrow(/immutable/);
    expect((await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } })).status).toBe(409);

    const audit = await env.client.execute("SELECT action, actor, target, before, after FROM audit_log WHERE action IN ('draft-approved', 'version-published') ORDER BY seq");
    expect(audit.rows.map((r) => [r.action, r.actor, r.target, r.after])).toEqual([
      ['draft-approved', 'li', `rule-set:district-sample/draft:${draft.id}`, version.hash],
      ['version-published', 'li', 'rule-set:district-sample/version:3', version.hash],
    ]);
    const shipped = await env.client.execute("SELECT hash FROM rule_set_versions WHERE rule_set_id = 'district-sample' AND version = 2");
    expect(audit.rows[1]!.before).toBe(shipped.rows[0]!.hash);
  });

  it('lets a scheduled version take over on its date, by asOf, with no action', async () => {
    const draft = await submittedRaise(12);
    const yesterday = await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-06-29' } });
    expect(yesterday.status).toBe(422);
    expect((await yesterday.json()).error.fields[0]).toMatchObject({ path: 'effectiveFrom' });

    expect((await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-09-01' } })).status).toBe(201);
    expect(await evaluate('2026-06-30')).toEqual({ version: 2, points: 10 });
    expect(await evaluate('2026-08-31')).toEqual({ version: 2, points: 10 });
    expect(await evaluate('2026-09-01')).toEqual({ version: 3, points: 12 });
    expect(await evaluate('2027-03-01')).toEqual({ version: 3, points: 12 });
  });

  it('rolls back by publishing an earlier version\'s content as a new version', async () => {
    const raise = await submittedRaise(12);
    await li.call('POST', `${DRAFTS}/${raise.id}/approve`, { body: { effectiveFrom: '2026-06-30' } });
    expect(await evaluate('2026-07-01')).toEqual({ version: 3, points: 12 });

    const { draft } = await startDraft({ fromVersion: 2, note: 'roll back to version 2' });
    expect(draft).toMatchObject({ baseVersion: 2 });
    expect(draft.document.version).toBe(4);
    await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: 'roll back to version 2' } });
    const res = await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } });
    expect(res.status).toBe(201);
    expect((await res.json()).version.version).toBe(4);

    const v2 = (await (await env.app.request('/api/v1/rule-sets/district-sample/versions/2')).json()).document;
    const v4 = (await (await env.app.request('/api/v1/rule-sets/district-sample/versions/4')).json()).document;
    expect({ ...v4, version: 2, effectiveFrom: v2.effectiveFrom }).toEqual(v2);
    expect(v4).toMatchObject({ version: 4, effectiveFrom: '2026-07-01' });
    expect(await evaluate('2026-06-30')).toEqual({ version: 3, points: 12 });
    expect(await evaluate('2026-07-01')).toEqual({ version: 4, points: 10 });
  });

  it('refuses to approve a draft started before another version was published', async () => {
    const early = await startDraft();
    const raise = await submittedRaise(12);
    await li.call('POST', `${DRAFTS}/${raise.id}/approve`, { body: { effectiveFrom: '2026-07-01' } });
    await zhang.call('POST', `${DRAFTS}/${early.draft.id}/submit`, { body: { note: 'stale' } });
    const res = await li.call('POST', `${DRAFTS}/${early.draft.id}/approve`, { body: { effectiveFrom: '2026-07-02' } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/version 3 .* was published after/);
  });

  it('rejects with a reason; the author edits and submits again', async () => {
    const draft = await submittedRaise(12);
    const rejected = await li.call('POST', `${DRAFTS}/${draft.id}/reject`, { body: { reason: 'cite the notice' } });
    expect(rejected.status).toBe(200);
    const body: Draft = await rejected.json();
    expect(body).toMatchObject({ status: 'rejected', decidedBy: 'li', decisionReason: 'cite the notice' });
    expect((await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } })).status).toBe(409);

    // A save that changes nothing writes nothing; a real change takes the draft back to editing.
    const same = await save(body, rejected.headers.get('etag')!, body.document);
    expect((await same.json()).status).toBe('rejected');
    const edited = await save(body, rejected.headers.get('etag')!, { ...body.document, title: { ...body.document.title, en: `${body.document.title.en} (notice 2026-7)` } });
    expect((await edited.json()).status).toBe('editing');
    expect((await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: 'cites notice 2026-7' } })).status).toBe(200);
    expect((await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } })).status).toBe(201);
  });

  it('validates a document live, writing nothing', async () => {
    const { draft } = await startDraft();
    const valid = await (await zhang.call('POST', '/api/v1/rule-sets/validate', { body: { document: withSamaritanPoints(draft.document, 12) } })).json();
    expect(valid.ok).toBe(true);
    expect(valid.errors).toEqual([]);
    expect(valid.cases.failed).toBeGreaterThan(0);
    const invalid = await (await zhang.call('POST', '/api/v1/rule-sets/validate', { body: { document: { ...draft.document, groups: 'none' } } })).json();
    expect(invalid).toEqual({ ok: false, errors: [{ path: 'groups', message: 'must be an array', messageZh: '必须是列表' }] });
    expect((await zhang.call('GET', `${DRAFTS}/${draft.id}`)).headers.get('etag')).toBe(`"${draft.id}-1"`);
  });

  it('previews an evaluation on the draft', async () => {
    const { draft, etag } = await startDraft();
    await save(draft, etag, withSamaritanPoints(draft.document, 14));
    const res = await zhang.call('POST', `${DRAFTS}/${draft.id}/evaluate`, { body: { asOf: '2026-06-30', facts: SAMARITAN } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe(3);
    expect(body.indicators.find((i: { id: string }) => i.id === 'goodSamaritan').points).toBe(14);
    expect(await evaluate('2026-06-30')).toEqual({ version: 2, points: 10 });
  });
});
