import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFacts, arbitraryRuleSet } from '../../../../test/support/data/arbitrary-rule-set';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { turnsWhile } from '../../../../test/support/event-loop-turns';
import { scoreSummaryColumns, summarizeEvaluation, summaryAt, type SummaryColumns } from '../../domain/compiled';
import { evaluateCompiled } from '../../domain/compiled/evaluate-compiled';
import { writeHundredths } from '../../platform/http/json-bytes';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { explainedAnswerJson, openSummaryAnswer, type BatchHead, type BatchRefusal, type ExplainedResult } from './batch-answer';

const ASOF = '2026-06-30';
const district = loadShippedRuleSets().get('district-sample@2')!;
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** A summary answer written in one slice from columns already scored. */
function summaryAnswerJson(rs: ResolvedRuleSet, head: BatchHead, ids: readonly string[], outcomes: readonly (number | BatchRefusal)[], columns: SummaryColumns) {
  const answer = openSummaryAnswer(rs, ids.length);
  return answer.close(head, answer.write(0, ids, outcomes, columns));
}

describe('the batch summary answer written as bytes', () => {
  it('is byte for byte what JSON.stringify makes of the same summaries and refusals', async () => {
    const residents = thresholdResidents(3_000, 29, ASOF, district).filter((r) => String(r.facts.birthDate ?? '') <= ASOF);
    const columns = scoreSummaryColumns(district, residents.map((r) => r.facts), ASOF);
    // Ids a caller may choose (quotes, Chinese, an emoji) and refusals in Chinese among the scored.
    const ids = residents.map((r, i) => (i % 7 === 0 ? `居民 "${r.id}" 😀\\` : r.id));
    const refusal: BatchRefusal = { code: 'validation_failed', message: 'Facts: invalid facts', fields: [{ path: 'residents.3.facts.x', message: '不是已知事实 "x"' }] };
    const outcomes = residents.map((_, r) => (r % 50 === 3 ? refusal : r));
    const head = { ruleSetId: district.id, version: district.version, hash: district.hash, asOf: ASOF };
    const failed = outcomes.filter((o) => typeof o !== 'number').length;
    const expected = {
      ...head,
      evaluated: outcomes.length - failed,
      failed,
      results: outcomes.map((o, i) => (typeof o === 'number' ? { id: ids[i], summary: summaryAt(columns, o) } : { id: ids[i], error: o })),
    };
    expect(text(summaryAnswerJson(district, head, ids, outcomes, columns))).toBe(JSON.stringify(expected));
  });

  it('is byte for byte JSON.stringify for any rule set, with scenarios or none', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRuleSet, fc.array(arbitraryFacts, { minLength: 1, maxLength: 8 }), async (rs, residents) => {
        const columns = scoreSummaryColumns(rs, residents, ASOF);
        const head = { ruleSetId: rs.id, version: rs.version, hash: rs.hash, asOf: ASOF };
        const ids = residents.map((_, i) => `r${i}`);
        const expected = { ...head, evaluated: residents.length, failed: 0, results: ids.map((id, r) => ({ id, summary: summaryAt(columns, r) })) };
        expect(text(summaryAnswerJson(rs, head, ids, ids.map((_, r) => r), columns))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 150, seed: PROPERTY_SEED },
    );
  });

  it('answers a batch explained resident by resident as JSON.stringify would: evaluations, summaries and refusals', async () => {
    const residents = thresholdResidents(600, 37, ASOF, district).filter((r) => String(r.facts.birthDate ?? '') <= ASOF);
    const refusal: BatchRefusal = { code: 'validation_failed', message: 'Facts: invalid facts', messageZh: '填写的信息有误', fields: [{ path: 'residents.2.facts.x', message: 'unknown fact' }] };
    const results: ExplainedResult[] = residents.map((r, i) => {
      const id = i % 5 === 0 ? `居民 "${r.id}" 😀\\` : r.id;
      if (i % 40 === 2) return { id, error: refusal };
      const evaluation = evaluateCompiled(district, r.facts, ASOF);
      return i % 3 === 0 ? { id, summary: summarizeEvaluation(evaluation) } : { id, evaluation };
    });
    const head = { ruleSetId: district.id, version: district.version, hash: district.hash, asOf: ASOF };
    const failed = results.filter((r) => 'error' in r).length;
    const expected = { ...head, evaluated: results.length - failed, failed, results };
    expect(text(await explainedAnswerJson(head, results))).toBe(JSON.stringify(expected));
  });

  it('lets other requests in while it writes a large explained answer, a hundred residents at a time', async () => {
    // (Summaries are made a slice at a time by summary-answer.ts; its test counts those turns.)
    const residents = thresholdResidents(4_500, 41, ASOF, district).filter((r) => String(r.facts.birthDate ?? '') <= ASOF);
    const head = { ruleSetId: district.id, version: district.version, hash: district.hash, asOf: ASOF };
    const evaluated = residents.slice(0, 450).map((r) => ({ id: r.id, evaluation: evaluateCompiled(district, r.facts, ASOF) }));
    expect(await turnsWhile(() => explainedAnswerJson(head, evaluated))).toBeGreaterThanOrEqual(4);
  });

  it('gives each resident the summary of its full evaluation', () => {
    const residents = thresholdResidents(500, 31, ASOF, district).filter((r) => String(r.facts.birthDate ?? '') <= ASOF);
    const columns = scoreSummaryColumns(district, residents.map((r) => r.facts), ASOF);
    residents.forEach((r, i) => expect(summaryAt(columns, i), r.id).toEqual(summarizeEvaluation(evaluateCompiled(district, r.facts, ASOF))));
  });

  it('writes any amount of hundredths as JSON.stringify writes the points', () => {
    const buffer = new Uint8Array(32);
    const written = (h: number) => text(buffer.subarray(0, writeHundredths(buffer, 0, h)));
    const edges = [0, -0, 5, -5, 10, 50, 99, 100, 101, 110, 1250, -1250, 10_750, 999_999_999, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 40, 0.5, -12.25];
    for (const h of edges) expect(written(h), String(h)).toBe(JSON.stringify(h / 100));
    // Points as they come (32 bits, integer arithmetic only) and far beyond.
    for (const range of [{ min: -(2 ** 31), max: 2 ** 31 - 1 }, { min: -(2 ** 46), max: 2 ** 46 }]) {
      fc.assert(
        fc.property(fc.integer(range), (h) => written(h) === JSON.stringify(h / 100)),
        { numRuns: 20_000, seed: PROPERTY_SEED },
      );
    }
  });
});
