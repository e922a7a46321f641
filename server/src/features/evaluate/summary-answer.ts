import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { factTableBuilder, summaryScorer } from '../../domain/compiled';
import { parseFacts } from '../../domain/scoring/facts';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { openSummaryAnswer, refusalOf, type BatchHead, type BatchRefusal } from './batch-answer';

/**
 * Residents a slice holds, for both passes: checking every resident's facts into the batch's fact table,
 * then scoring and writing. The event loop is free between two slices; another request needs a few turns
 * to be answered, and when ten thousand residents were scored at once, one of its turns waited for all of
 * that scoring.
 */
const SLICE = 500;

/** A resident of a batch as it was sent (the route has checked its shape). */
export interface BatchResident {
  id: string;
  facts: unknown;
}

/**
 * The batch's summary answer on the population path, as JSON bytes. Every resident's facts are checked on
 * their own (a refusal names `residents.<index>.facts…`) and the valid ones go into one fact table, 500
 * residents at a time; then 500 at a time are scored from that table and written from the scores'
 * columns. The event loop is free between slices. The head, which counts the refusals, is written last.
 *
 * @example
 * return c.body(await summaryAnswer(rs, head, body.residents), 200, { 'content-type': 'application/json' });
 */
export async function summaryAnswer(rs: ResolvedRuleSet, head: BatchHead, residents: readonly BatchResident[]): Promise<Uint8Array<ArrayBuffer>> {
  const n = residents.length;
  // Resident i's row in the table, or its refusal.
  const outcomes: (number | BatchRefusal)[] = new Array(n);
  const table = factTableBuilder();
  let rows = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToEventLoop();
    try {
      table.add(parseFacts(rs, residents[i]!.facts, `residents.${i}.facts`, head.asOf));
      outcomes[i] = rows++;
    } catch (error) {
      outcomes[i] = refusalOf(error);
    }
  }
  if (n > SLICE) await yieldToEventLoop();
  const summaries = summaryScorer(rs, table.finish(), head.asOf);
  const answer = openSummaryAnswer(rs, n);
  let failed = 0;
  for (let from = 0, row = 0; from < n; from += SLICE) {
    if (from > 0) await yieldToEventLoop();
    const to = Math.min(from + SLICE, n);
    // The slice's residents with a row hold the rows after those of every earlier slice, in order.
    const slice = outcomes.slice(from, to).map((o) => (typeof o === 'number' ? o - row : o));
    const scored = slice.reduce<number>((k, o) => k + (typeof o === 'number' ? 1 : 0), 0);
    const ids = residents.slice(from, to).map((r) => r.id);
    failed += answer.write(from, ids, slice, summaries(row, row + scored));
    row += scored;
  }
  return answer.close(head, failed);
}
