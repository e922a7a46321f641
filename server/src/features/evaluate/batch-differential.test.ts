import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { postJson, publishInput } from '../../../../test/support/apps/test-app';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { createApp } from '../../app';
import { summarizeEvaluation } from '../../domain/compiled/summaries';
import type { Evaluation } from '../../domain/scoring/types';
import { createMemoryRuleSetRepository } from '../rule-sets/memory-rule-set-repository';

const ASOF = '2026-06-30';
const shipped = loadShippedRuleSets();
const district = shipped.get('district-sample@1')!;

async function shippedApp() {
  const repo = createMemoryRuleSetRepository();
  await publishInput(repo, shipped.get('provincial-common@1')!.root);
  await publishInput(repo, district.root);
  return createApp({ ruleSets: repo, log: (_message, error) => { throw error; } });
}

describe('POST /api/v1/evaluate/batch on the population path', () => {
  it('answers every resident exactly as /evaluate does, and a bad resident on its own', async () => {
    const app = await shippedApp();
    const residents: { id: string; facts: Record<string, unknown> }[] = thresholdResidents(1_500, 13, ASOF, district).map((r) => ({ ...r }));
    // An anonymous caller's batch (under 1 MB): every 100th resident is refused for its own reasons, the others are still scored.
    for (let i = 50; i < residents.length; i += 100) residents[i] = { id: `bad-${i}`, facts: { ...residents[i]!.facts, socialInsuranceMonths: 'many', shoeSize: 42 } };
    const res = await app.request('/api/v1/evaluate/batch', postJson({ ruleSetId: 'district-sample', asOf: ASOF, residents }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { evaluated: number; failed: number; results: { id: string; summary?: unknown; error?: { fields: { path: string }[] } }[] };
    // Residents generated with a birth or registration date after asOf are impossible: refused by the fact bounds.
    const future = residents.flatMap((r, i) => (!r.id.startsWith('bad-') && ['birthDate', 'residenceRegistrationDate'].some((f) => String(r.facts[f] ?? '') > ASOF) ? [i] : []));
    expect(body).toMatchObject({ evaluated: 1_485 - future.length, failed: 15 + future.length });
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
    const full = await app.request('/api/v1/evaluate/batch', postJson({ ruleSetId: 'district-sample', asOf: ASOF, detail: 'full', residents }));
    const explained = (await full.json()) as { results: { evaluation?: Evaluation }[] };
    explained.results.forEach((r, i) => {
      if (r.evaluation) expect(body.results[i]!.summary, residents[i]!.id).toEqual(summarizeEvaluation(r.evaluation));
      else expect(body.results[i]!.error).toBeDefined();
    });
  });
});
