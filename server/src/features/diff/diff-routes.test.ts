import { applyPatch } from 'rfc6902';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../domain/drafts/draft';
import { acceptActuals, addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;
const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

describe('GET /api/v1/rule-sets/{id}/diff', () => {
  let env: Env;
  let zhang: Browser;
  let wang: Browser;
  let draft: Draft;
  let etag: string;

  beforeEach(async () => {
    env = await lifecycleApp();
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const auditor = await addStaff(env.ctx, 'wang', ['auditor']);
    zhang = await signIn(env.app, 'zhang', editor.password);
    wang = await signIn(env.app, 'wang', auditor.password);
    const created = await zhang.call('POST', DRAFTS, { body: {} });
    draft = await created.json();
    const raised = structuredClone(draft.document);
    const samaritan = raised.indicators.find((i) => i.id === 'goodSamaritan');
    if (samaritan?.kind !== 'fixed') throw new Error('goodSamaritan is a fixed indicator');
    samaritan.points = 12;
    const saved = await zhang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: raised }, headers: { 'if-match': created.headers.get('etag')! } });
    draft = await saved.json();
    etag = saved.headers.get('etag')!;
  });
  afterEach(() => env.cleanup());

  it('names a changed weight in policy terms, in Chinese and English, with the JSON Patch and the cases it changes', async () => {
    const res = await wang.call('GET', `/api/v1/rule-sets/district-sample/diff?from=2&to=draft:${draft.id}`);
    expect(res.status).toBe(200);
    const diff = await res.json();
    expect(diff.from).toMatchObject({ ref: '2', version: 2 });
    expect(diff.to).toMatchObject({ ref: `draft:${draft.id}`, draftId: draft.id });

    const weight = diff.changes.find((c: { kind: string }) => c.kind === 'points-changed');
    expect(weight).toMatchObject({ target: 'indicator:goodSamaritan', before: 10, after: 12, targetTitle: { zh: '见义勇为' } });
    expect(weight.text.zh).toContain('见义勇为');
    expect(weight.text.zh).toContain('10 → 12');
    expect(weight.text.en).toContain('Bravery for others');
    expect(weight.text.en).toContain('10 → 12');
    expect(diff.changes.map((c: { kind: string }) => c.kind)).toEqual(['points-changed']);

    const base = (await (await env.app.request('/api/v1/rule-sets/district-sample/versions/2')).json()).document;
    expect(applyPatch(base, diff.patch).every((r) => r === null)).toBe(true);
    expect(base).toEqual(draft.document);
    const index = draft.document.indicators.findIndex((i) => i.id === 'goodSamaritan');
    expect(diff.patch).toContainEqual({ op: 'replace', path: `/indicators/${index}/points`, value: 12 });

    // Every case with a good Samaritan gets 2 more points: those whose total it changes now fail; those
    // already at the district cap keep their total and pass, with another result for the indicator.
    expect(diff.cases.length).toBeGreaterThan(0);
    for (const c of diff.cases) expect(c.differences).toContainEqual({ what: 'indicator', id: 'goodSamaritan', before: 10, after: 12 });
    const failing = diff.cases.filter((c: { kind: string }) => c.kind === 'now-fails');
    expect(failing.map((c: { id: string }) => c.id)).toEqual(draft.cases.results.filter((r) => !r.passed).map((r) => r.id));
    expect(failing[0].text.en).toMatch(/passed → fails; total 22 → 24/);
    expect(diff.cases.filter((c: { kind: string }) => c.kind !== 'now-fails').every((c: { kind: string }) => c.kind === 'result-changed')).toBe(true);
  });

  it('compares two published versions once the draft is approved', async () => {
    const fixed = acceptActuals(draft.document, draft.cases.results);
    await zhang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document: fixed }, headers: { 'if-match': etag } });
    await zhang.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: '见义勇为 10 → 12' } });
    const approver = await addStaff(env.ctx, 'li', ['approver']);
    const li = await signIn(env.app, 'li', approver.password);
    expect((await li.call('POST', `${DRAFTS}/${draft.id}/approve`, { body: { effectiveFrom: '2026-07-01' } })).status).toBe(201);

    const diff = await (await wang.call('GET', '/api/v1/rule-sets/district-sample/diff?from=2&to=3')).json();
    expect(diff.changes.map((c: { kind: string }) => c.kind)).toContain('points-changed');
    // The cases whose expectations were updated would fail under version 2's rules and pass under version 3's.
    const updated = diff.changes.filter((c: { kind: string }) => c.kind === 'case-changed').map((c: { target: string }) => c.target);
    expect(updated.length).toBeGreaterThan(0);
    const passing = diff.cases.filter((c: { kind: string }) => c.kind === 'now-passes').map((c: { id: string }) => `case:${c.id}`);
    expect(passing).toEqual(updated);
  });

  it('refuses a reference that is neither a version nor a draft, and names an unknown one', async () => {
    const bad = await wang.call('GET', '/api/v1/rule-sets/district-sample/diff?from=latest&to=1');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toEqual([{ path: 'from', message: expect.any(String), messageZh: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    const missing = await wang.call('GET', '/api/v1/rule-sets/district-sample/diff?from=1&to=9');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.fields).toEqual([{ path: 'to', message: 'no such version', messageZh: '没有这个版本' }]);
  });
});
