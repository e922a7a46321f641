import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPartner, widgetApp } from '../../../../test/support/apps/widget';

type Env = Awaited<ReturnType<typeof widgetApp>>;

const SITE = 'https://school.example';
const SELF_CHECK = '/api/v1/widget/scenarios/school-enrollment/self-check';
const CJK = /[\u4e00-\u9fff]/;

interface Refusal {
  code: string;
  message: string;
  messageZh: string;
  fields: { path: string; message: string; messageZh: string }[];
}

describe("the widget's self-check refuses every wrong field in one answer", () => {
  let env: Env;
  let key: string;
  beforeEach(async () => {
    env = await widgetApp();
    ({ key } = await addPartner(env.client, { origins: [SITE] }));
  });
  afterEach(() => env.cleanup());

  async function selfCheck(body: string): Promise<{ status: number; error: Refusal }> {
    const res = await env.app.request(SELF_CHECK, { method: 'POST', headers: { origin: SITE, 'x-jifen-key': key, 'content-type': 'application/json' }, body });
    return { status: res.status, error: ((await res.json()) as { error: Refusal }).error };
  }

  it('names a wrong body shape and a wrong fact together, each in Chinese and English', async () => {
    const { status, error } = await selfCheck(JSON.stringify({ facts: { socialInsuranceMonths: -3, birthDate: '2030-01-01', shoeSize: 42 }, lang: 'zh' }));
    expect(status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.path).sort()).toEqual(['facts.birthDate', 'facts.shoeSize', 'facts.socialInsuranceMonths', 'lang']);
    expect(error.messageZh).toMatch(CJK);
    for (const f of error.fields) expect(f.messageZh, f.path).toMatch(CJK);
  });

  it('checks the bounds of well-typed facts in the same answer as the shape', async () => {
    const { error } = await selfCheck(JSON.stringify({ facts: { birthDate: '2030-01-01' }, extra: true }));
    expect(error.fields.map((f) => f.path).sort()).toEqual(['extra', 'facts.birthDate']);
    expect(error.fields.find((f) => f.path === 'facts.birthDate')?.messageZh).toContain('不得晚于评估日期');
  });

  it('answers the shape alone when the facts are not an object of values, without reading them', async () => {
    for (const facts of ['"birthDate=1990-01-01"', '[{"birthDate":"2030-01-01"}]', 'null']) {
      const { status, error } = await selfCheck(`{"facts":${facts},"extra":1}`);
      expect(status, facts).toBe(422);
      expect(error.fields.map((f) => f.path).sort(), facts).toEqual(['extra', 'facts']);
    }
  });

  it('answers a body that is not an object by its shape', async () => {
    const { status, error } = await selfCheck('[1,2]');
    expect(status).toBe(422);
    expect(error.fields.length).toBeGreaterThan(0);
    expect(error.fields.every((f) => !f.path.startsWith('facts.'))).toBe(true);
  });

  it('still refuses a partner that may not show the scenario before it reads any fact', async () => {
    const res = await env.app.request('/api/v1/widget/scenarios/housing-support/self-check', {
      method: 'POST',
      headers: { origin: SITE, 'x-jifen-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ facts: { birthDate: '2030-01-01' }, extra: 1 }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: Refusal }).error.code).toBe('scenario_forbidden');
  });
});
