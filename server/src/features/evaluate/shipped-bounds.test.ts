import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentApp } from '../../../../test/support/apps/resident-app';
import type { ErrorBody } from '../../platform/http/errors';

/**
 * The shipped rule sets' fact bounds (provincial-common 2, district-sample 2), as a resident meets them on
 * `POST /api/v1/evaluate` with the version in force: impossible values are refused with 422 naming the
 * field and the bound in Chinese and English, possible ones still score.
 */
const EVALUATE = '/api/v1/evaluate';
const ASOF = '2026-12-06';
const RESIDENT = { birthDate: '1990-05-01', education: 'bachelor', socialInsuranceMonths: 120, residenceMonths: 60 };
/** What the district rule set reads besides the provincial facts. */
const DISTRICT = { residenceRegistrationDate: '2020-01-01', annualTaxYuan: 5_000 };

type Env = Awaited<ReturnType<typeof residentApp>>;

describe('the shipped fact bounds on POST /api/v1/evaluate', () => {
  let env: Env;
  beforeEach(async () => (env = await residentApp('2026-12-06T02:00:00Z')));
  afterEach(() => env.cleanup());

  const evaluate = (ruleSetId: string, facts: Record<string, unknown>) =>
    env.asResident('res-000001', 'POST', EVALUATE, { ruleSetId, asOf: ASOF, facts: { ...RESIDENT, ...(ruleSetId === 'district-sample' ? DISTRICT : {}), ...facts } });

  /** The refusal's field errors (one per broken bound), all naming `path`. */
  async function refusedAll(res: Response, path: string) {
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields?.length).toBeGreaterThan(0);
    expect(new Set(body.error.fields?.map((f) => f.path))).toEqual(new Set([path]));
    return body.error.fields!;
  }
  /** The refusal's one field error. */
  async function refused(res: Response, path: string) {
    const fields = await refusedAll(res, path);
    expect(fields).toHaveLength(1);
    return fields[0]!;
  }

  it('scores possible facts with version 2, the version in force', async () => {
    for (const ruleSetId of ['provincial-common', 'district-sample']) {
      const res = await evaluate(ruleSetId, {});
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ruleSetId, version: 2, asOf: ASOF });
    }
  });

  it('refuses 99,999,999 months of social insurance, naming the field and the 1,200-month bound', async () => {
    // Both bounds it breaks are named: the 1,200-month maximum and the months since the 16th birthday.
    const fields = await refusedAll(await evaluate('provincial-common', { socialInsuranceMonths: 99_999_999 }), 'facts.socialInsuranceMonths');
    expect(fields.map((f) => f.bound?.kind)).toEqual(['max', 'maxMonthsSince']);
    expect(fields[0]).toMatchObject({
      message: expect.stringContaining('must be at most 1200'),
      messageZh: expect.stringContaining('不得大于 1200'),
      bound: { kind: 'max', limit: 1200, reason: { zh: expect.stringContaining('1200 个月'), en: expect.stringContaining('1,200 months') } },
    });
    // The same refusal through the district rule set, which includes the provincial one.
    await refusedAll(await evaluate('district-sample', { socialInsuranceMonths: 99_999_999 }), 'facts.socialInsuranceMonths');
  });

  it('refuses more months of insurance than have passed since the 16th birthday, citing the Labour Law', async () => {
    // Born 1990-05-01: 16 on 2006-05-01, 247 full months to 2026-12-06.
    expect((await evaluate('provincial-common', { socialInsuranceMonths: 247 })).status).toBe(200);
    const field = await refused(await evaluate('provincial-common', { socialInsuranceMonths: 248 }), 'facts.socialInsuranceMonths');
    expect(field).toMatchObject({
      message: expect.stringContaining('must be at most 247'),
      messageZh: expect.stringContaining('不得大于 247'),
      bound: { kind: 'maxMonthsSince', limit: 247, reference: { document: '中华人民共和国劳动法', clause: '第十五条' } },
    });
  });

  it('refuses 1e300 yuan of tax, naming the field and the bound', async () => {
    const field = await refused(await evaluate('district-sample', { annualTaxYuan: 1e300 }), 'facts.annualTaxYuan');
    expect(field).toMatchObject({
      message: expect.stringContaining('must be at most 10000000000'),
      messageZh: expect.stringContaining('不得大于 10000000000'),
      bound: {
        kind: 'max',
        limit: 10_000_000_000,
        reason: { zh: expect.stringContaining('100亿元'), en: expect.stringContaining('10 billion yuan') },
        reference: { clause: '一、正面评价（四）投资纳税' },
      },
    });
    expect((await evaluate('district-sample', { annualTaxYuan: 10_000_000_000 })).status).toBe(200);
  });

  it('still answers for version 1 when it is asked for by number, so a past decision replays exactly', async () => {
    const res = await env.asResident('res-000001', 'POST', EVALUATE, {
      ruleSetId: 'provincial-common',
      version: 1,
      asOf: ASOF,
      facts: { ...RESIDENT, socialInsuranceMonths: 1_000 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 1 });
  });
});
