import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { postJson, publishInput } from '../../../../test/support/apps/test-app';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { createApp } from '../../app';
import { summarizeEvaluation } from '../../domain/compiled/summaries';
import type { Evaluation } from '../../domain/scoring/types';
import { createMemoryRuleSetRepository } from '../rule-sets/memory-rule-set-repository';
import type { FactDefinition } from '../../domain/rule-set/schema';
import type { PrincipalResolver } from '../../platform/http/access';
import type { ErrorBody } from '../../platform/http/errors';
import { MAX_MEMBERS } from '../../platform/http/json-body';
import { BATCH_MAX_BYTES } from './evaluate-routes';
import { population, POPULATION_AS_OF } from '../../../../test/support/data/population';

const ASOF = '2026-06-30';
const shipped = loadShippedRuleSets();
const district = shipped.get('district-sample@1')!;

/** The shipped rule sets; a request with `X-Test-Service` comes from a department system with a credential. */
async function shippedApp() {
  const repo = createMemoryRuleSetRepository();
  await publishInput(repo, shipped.get('provincial-common@1')!.root);
  await publishInput(repo, district.root);
  const service: PrincipalResolver = async (c) => (c.req.header('x-test-service') ? { kind: 'service', id: 'hospital-nightly' } : undefined);
  return createApp({ ruleSets: repo, principalResolvers: [service], log: (_message, error) => { throw error; } });
}

/** Members and items of a JSON value, as the body guard counts them: every key and every list item. */
function members(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + 1 + members(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce<number>((n, v) => n + 1 + members(v), 0);
  return 0;
}

describe('POST /api/v1/evaluate/batch on the population path', () => {
  it('answers every resident exactly as /evaluate does, and a bad resident on its own', async () => {
    const app = await shippedApp();
    const residents: { id: string; facts: Record<string, unknown> }[] = thresholdResidents(2_500, 13, ASOF, district).map((r) => ({ ...r }));
    // A department's batch, answered a slice of residents at a time: every 100th resident (the first of all,
    // and the first of several slices) is refused for its own reasons, the others are still scored.
    for (let i = 0; i < residents.length; i += 100) residents[i] = { id: `bad-${i}`, facts: { ...residents[i]!.facts, socialInsuranceMonths: 'many', shoeSize: 42 } };
    const asService = (body: unknown) => postJson(body, { 'x-test-service': '1' });
    const res = await app.request('/api/v1/evaluate/batch', asService({ ruleSetId: 'district-sample', asOf: ASOF, residents }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { evaluated: number; failed: number; results: { id: string; summary?: unknown; error?: { fields: { path: string }[] } }[] };
    // Residents generated with a birth or registration date after asOf are impossible: refused by the fact bounds.
    const future = residents.flatMap((r, i) => (!r.id.startsWith('bad-') && ['birthDate', 'residenceRegistrationDate'].some((f) => String(r.facts[f] ?? '') > ASOF) ? [i] : []));
    expect(body).toMatchObject({ evaluated: 2_475 - future.length, failed: 25 + future.length });
    expect(body.results.map((r) => r.id)).toEqual(residents.map((r) => r.id));

    for (const [i, resident] of residents.entries()) {
      const result = body.results[i]!;
      if (resident.id.startsWith('bad-')) {
        expect(result.error?.fields.map((f) => f.path).sort()).toEqual([`residents.${i}.facts.shoeSize`, `residents.${i}.facts.socialInsuranceMonths`]);
        continue;
      }
      if (future.includes(i)) {
        expect(result.error?.fields.every((f) => /^residents\.\d+\.facts\.(birthDate|residenceRegistrationDate)$/.test(f.path))).toBe(true);
        continue;
      }
      // /evaluate for a sample (each a request), the same evaluation in-process for the rest.
      if (i % 15 === 0) {
        const single = await app.request('/api/v1/evaluate', postJson({ ruleSetId: 'district-sample', asOf: ASOF, facts: resident.facts }));
        expect(result.summary, resident.id).toEqual(summarizeEvaluation((await single.json()) as Evaluation));
      }
    }
    const full = await app.request('/api/v1/evaluate/batch', asService({ ruleSetId: 'district-sample', asOf: ASOF, detail: 'full', residents }));
    const explained = (await full.json()) as { results: { evaluation?: Evaluation }[] };
    explained.results.forEach((r, i) => {
      if (r.evaluation) expect(body.results[i]!.summary, residents[i]!.id).toEqual(summarizeEvaluation(r.evaluation));
      else expect(body.results[i]!.error).toBeDefined();
    });
  });

  it('takes 10,000 complete records from a department system, and tells an anonymous caller what a credential allows', async () => {
    const app = await shippedApp();
    const rs = shipped.get('district-sample@2')!;
    // Every fact of the rule set filled in, every list with every value: a record as complete as a department keeps.
    const filler = (def: FactDefinition): unknown =>
      ({ integer: 0, number: 0, boolean: false, date: '2020-01-01', string: 'x', enum: def.values?.[0]?.id, 'enum-list': def.values?.map((v) => v.id) })[def.type];
    const residents = population(10_000, 41).map(({ id, facts }) => ({
      id,
      facts: Object.fromEntries([...rs.facts.values()].map((def) => [def.id, facts[def.id] ?? filler(def)])),
    }));
    const body = JSON.stringify({ ruleSetId: 'district-sample', asOf: POPULATION_AS_OF, residents });
    // More than any other body may hold, well within a batch's own limits.
    expect(members(JSON.parse(body))).toBeGreaterThan(MAX_MEMBERS);
    expect(body.length).toBeLessThan(BATCH_MAX_BYTES);

    const res = await app.request('/api/v1/evaluate/batch', { ...postJson(body), headers: { 'content-type': 'application/json', 'x-test-service': '1' } });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { evaluated: number; failed: number; results: { id: string }[] };
    expect(answer.evaluated + answer.failed).toBe(10_000);
    expect(answer.evaluated).toBeGreaterThan(9_000);
    expect(answer.results.map((r) => r.id)).toEqual(residents.map((r) => r.id));

    const anonymous = await app.request('/api/v1/evaluate/batch', postJson(body));
    expect(anonymous.status).toBe(413);
    const refusal = ((await anonymous.json()) as ErrorBody).error;
    expect(refusal.message).toContain('service credential to send up to 16 MB');
    expect(refusal.messageZh).toContain('请分批提交');
  });
});
