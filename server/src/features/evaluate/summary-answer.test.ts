import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { thresholdResidents } from '../../../../test/support/data/threshold-residents';
import { turnsWhile } from '../../../../test/support/event-loop-turns';
import { summarizeEvaluation } from '../../domain/compiled';
import { evaluateCompiled } from '../../domain/compiled/evaluate-compiled';
import { parseFacts } from '../../domain/scoring/facts';
import { refusalOf } from './batch-answer';
import { summaryAnswer } from './summary-answer';

const ASOF = '2026-06-30';
const district = loadShippedRuleSets().get('district-sample@2')!;
const head = { ruleSetId: district.id, version: district.version, hash: district.hash, asOf: ASOF };

/** 4,500 residents (nine slices of 500), some refused for their own facts: the first and last of all, and either side of the first slice's end. */
function residents() {
  const list: { id: string; facts: Record<string, unknown> }[] = thresholdResidents(4_500, 43, ASOF, district).map((r, i) => ({ id: i % 9 === 0 ? `居民 "${r.id}"` : r.id, facts: r.facts }));
  for (const i of [0, 499, 500, 4_499]) list[i] = { id: `bad-${i}`, facts: { ...list[i]!.facts, employmentMonths: -3, shoeSize: 42 } };
  return list;
}

describe('the summary answer of the population path', () => {
  it('is byte for byte JSON.stringify of each resident on its own: its summary, or its refusal by index', async () => {
    const sent = residents();
    const results = sent.map((r, i) => {
      try {
        return { id: r.id, summary: summarizeEvaluation(evaluateCompiled(district, parseFacts(district, r.facts, `residents.${i}.facts`, ASOF), ASOF)) };
      } catch (error) {
        return { id: r.id, error: refusalOf(error) };
      }
    });
    const failed = results.filter((r) => 'error' in r).length;
    const text = Buffer.from(await summaryAnswer(district, head, sent)).toString('utf8');
    expect(text).toBe(JSON.stringify({ ...head, evaluated: sent.length - failed, failed, results }));
    // The refusals name the resident's place in the whole batch, not in its slice.
    const answer = JSON.parse(text) as { results: { error?: { fields: { path: string }[] } }[] };
    expect(answer.results[500]!.error!.fields.map((f) => f.path).sort()).toEqual(['residents.500.facts.employmentMonths', 'residents.500.facts.shoeSize']);
  });

  it('answers two batches made at once, their slices taking turns, as each is answered alone', async () => {
    const first = residents();
    const second = thresholdResidents(1_700, 47, ASOF, district).map((r) => ({ id: r.id, facts: r.facts }));
    const together = await Promise.all([summaryAnswer(district, head, first), summaryAnswer(district, head, second)]);
    expect(Buffer.from(together[0]).equals(Buffer.from(await summaryAnswer(district, head, first)))).toBe(true);
    expect(Buffer.from(together[1]).equals(Buffer.from(await summaryAnswer(district, head, second)))).toBe(true);
  });

  it('answers a batch whose every resident is refused, each with its own refusal', async () => {
    const sent = Array.from({ length: 700 }, (_, i) => ({ id: `r${i}`, facts: { shoeSize: i } }));
    const answer = JSON.parse(Buffer.from(await summaryAnswer(district, head, sent)).toString('utf8')) as { evaluated: number; failed: number; results: { id: string; error: { fields: { path: string }[] } }[] };
    expect(answer).toMatchObject({ evaluated: 0, failed: 700 });
    expect(answer.results.map((r) => r.error.fields[0]!.path)).toEqual(sent.map((_, i) => `residents.${i}.facts.shoeSize`));
  });

  it('lets other requests in between slices of residents', async () => {
    const sent = residents();
    // Nine slices checked, then nine scored and written, with a turn between each two of either pass.
    expect(await turnsWhile(() => summaryAnswer(district, head, sent))).toBeGreaterThanOrEqual(16);
  });
});
