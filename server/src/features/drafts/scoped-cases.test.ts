import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../domain/drafts/draft';
import type { RuleSet, TestCase } from '../../domain/rule-set/schema';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

/** The shipped typical resident at the school bar (120), who also acted as a good Samaritan (10 more). */
function samaritanCases(doc: RuleSet): TestCase[] {
  const typical = doc.cases.find((c) => c.id === 'typical-at-school-bar')!;
  const base = { asOf: typical.asOf, facts: { ...typical.facts, goodSamaritan: true } };
  return [
    { ...base, id: 'samaritan-points', title: '见义勇为得10分', scope: { about: 'indicator', indicator: 'goodSamaritan' }, expect: { indicators: { goodSamaritan: 10 } } },
    { ...base, id: 'samaritan-volunteering', title: '志愿服务4分', scope: { about: 'indicator', indicator: 'volunteerService' }, expect: { indicators: { volunteerService: 4 } } },
    { ...base, id: 'samaritan-district', title: '区个性指标65分', scope: { about: 'group', group: 'district' }, expect: { groups: { district: 65 } } },
    { ...base, id: 'samaritan-schooling', title: '符合入学条件', scope: { about: 'eligibility', scenarios: ['school-enrollment'] }, expect: { scenarios: { 'school-enrollment': true } } },
    { ...base, id: 'samaritan-total', title: '总积分130分', scope: { about: 'total' }, expect: { total: 130 } },
  ];
}

describe('scoped test cases on a draft', () => {
  let env: Env;
  let zhang: Browser;

  beforeEach(async () => {
    env = await lifecycleApp();
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    zhang = await signIn(env.app, 'zhang', editor.password);
  });
  afterEach(() => env.cleanup());

  async function startDraft(): Promise<{ draft: Draft; etag: string }> {
    const res = await zhang.call('POST', DRAFTS, { body: {} });
    expect(res.status).toBe(201);
    return { draft: await res.json(), etag: res.headers.get('etag')! };
  }

  const save = (draft: Draft, etag: string, document: unknown) => zhang.call('PUT', `${DRAFTS}/${draft.id}`, { body: { document }, headers: { 'if-match': etag } });
  const verdicts = (saved: Draft) => Object.fromEntries(saved.cases.results.filter((r) => r.id.startsWith('samaritan-')).map((r) => [r.id, r.passed]));

  it('are run on save; a weight change fails only the cases about what it changes', async () => {
    const { draft, etag } = await startDraft();
    const withCases = { ...draft.document, cases: [...draft.document.cases, ...samaritanCases(draft.document)] };
    const first = await save(draft, etag, withCases);
    expect(first.status).toBe(200);
    const saved: Draft = await first.json();
    expect(saved.document.cases.at(-1)).toMatchObject({ scope: { about: 'total' } });
    expect(Object.values(verdicts(saved)).every(Boolean)).toBe(true);

    const raised = structuredClone(saved.document);
    const samaritan = raised.indicators.find((i) => i.id === 'goodSamaritan');
    if (samaritan?.kind !== 'fixed') throw new Error('goodSamaritan is a fixed indicator');
    samaritan.points = 12;
    const second = await save(saved, first.headers.get('etag')!, raised);
    expect(second.status).toBe(200);
    const after: Draft = await second.json();
    expect(verdicts(after)).toEqual({
      'samaritan-points': false,
      'samaritan-volunteering': true,
      'samaritan-district': false,
      'samaritan-schooling': true,
      'samaritan-total': false,
    });
    expect(after.cases.results.find((r) => r.id === 'samaritan-points')!.differences).toEqual([{ path: 'indicators.goodSamaritan', expected: 10, actual: 12 }]);
    expect(after.cases.results.find((r) => r.id === 'samaritan-total')!.differences).toEqual([{ path: 'total', expected: 130, actual: 132 }]);
  });

  it('the same rule when a document is validated without saving', async () => {
    const { draft } = await startDraft();
    const document = { ...draft.document, cases: samaritanCases(draft.document) };
    const res = await zhang.call('POST', '/api/v1/rule-sets/validate', { body: { document } });
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.cases).toMatchObject({ passed: 5, failed: 0 });
  });

  it('a scope naming an unknown indicator or scenario is refused at that field, in Chinese and English', async () => {
    const { draft, etag } = await startDraft();
    const [points, , , schooling] = samaritanCases(draft.document);
    const broken = [
      { ...points!, scope: { about: 'indicator', indicator: 'goodSamaritans' } },
      { ...schooling!, scope: { about: 'eligibility', scenarios: ['school-enrolment'] } },
    ];
    const res = await save(draft, etag, { ...draft.document, cases: [...draft.document.cases, ...broken] });
    expect(res.status).toBe(422);
    const n = draft.document.cases.length;
    const fields = (await res.json()).error.fields;
    expect(fields).toContainEqual({ path: `cases.${n}.scope.indicator`, message: 'unknown indicator "goodSamaritans"', messageZh: '没有指标 “goodSamaritans”' });
    expect(fields).toContainEqual({ path: `cases.${n + 1}.scope.scenarios.0`, message: 'unknown scenario "school-enrolment"', messageZh: '没有场景 “school-enrolment”' });
    const stored = await (await zhang.call('GET', `${DRAFTS}/${draft.id}`)).json();
    expect(stored.revision).toBe(1);
  });
});
