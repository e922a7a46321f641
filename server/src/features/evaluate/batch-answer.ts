import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ScoreSummary, SummaryColumns } from '../../domain/compiled';
import { JifenError } from '../../domain/errors';
import { shortOfBar } from '../../domain/points';
import type { Evaluation, ResolvedRuleSet } from '../../domain/scoring/types';
import { errorDetail } from '../../platform/http/errors';
import { JsonBytes, writeHundredths } from '../../platform/http/json-bytes';
import { writeEvaluationJson } from './evaluation-json';

/** An evaluation of the shipped rule sets is about 11.3 KB: room for ten thousand without growing, and not much more. */
const EVALUATION_BYTES = 12 * 1024;

/**
 * Evaluations written between two turns of the event loop: a full answer of ten thousand residents is a
 * hundred megabytes, and written in one go it would hold every other request for a second. (Summaries are
 * written a slice at a time by summary-answer.ts.)
 */
const WRITE_SLICE = 100;

/** A resident refused on its own, as the batch answers it. */
export interface BatchRefusal {
  code: string;
  message: string;
  messageZh?: string;
  fields?: { path: string; message: string; messageZh?: string }[];
}

/**
 * A resident's own refusal; anything but a refusal of its facts is the server's fault and propagates.
 *
 * @example
 * try { parseFacts(rs, facts, 'residents.3.facts', asOf) } catch (error) { results[3] = { id, error: refusalOf(error) } }
 */
export function refusalOf(error: unknown): BatchRefusal {
  if (!(error instanceof JifenError)) throw error;
  return errorDetail(error);
}

/** What the answer says of the batch as a whole. */
export interface BatchHead {
  ruleSetId: string;
  version: number;
  hash: string;
  asOf: string;
}

/** Room kept before the results for the answer's head: it counts the refusals, known only once every slice is written. */
const HEAD_ROOM = 1024;

/** A summary answer being written, a slice of residents at a time. */
export interface SummaryAnswerWriter {
  /**
   * The results of residents `first`, `first + 1`, … (`ids` and `outcomes` from index 0), each
   * `{id, summary}` or `{id, error}` with a comma before all but the batch's first, so that slices written
   * one after the other make one list. `outcomes[i]` is the resident's row in `columns`, or its refusal.
   * Answers how many were refused.
   */
  write(first: number, ids: readonly string[], outcomes: readonly (number | BatchRefusal)[], columns: SummaryColumns): number;
  /** The answer: the head (with how many were evaluated and refused) before the results, the brackets after. */
  close(head: BatchHead, failed: number): Uint8Array<ArrayBuffer>;
}

/**
 * A summary answer (`BatchEvaluateResponse`) of `residents` residents of `rs`, written as JSON bytes
 * straight from the scored columns: ten thousand summaries are some ten megabytes, and an object per
 * resident only for `JSON.stringify` to walk it again would cost more than scoring them. The keys of a
 * summary are encoded once per answer; the head, which counts the refusals, is written last into room kept
 * before the results. The bytes are exactly what `JSON.stringify` makes of the same answer
 * (batch-answer.test.ts and summary-answer.test.ts compare them).
 *
 * @example
 * const answer = openSummaryAnswer(rs, 10_000);
 * let failed = answer.write(0, ids, outcomes, columns); // and the next slices
 * return c.body(answer.close(head, failed), 200, { 'content-type': 'application/json' });
 */
export function openSummaryAnswer(rs: ResolvedRuleSet, residents: number): SummaryAnswerWriter {
  // Room for every resident without growing (each id at up to 256 bytes; it grows if they are longer).
  const keys = [...rs.groups, ...rs.indicators, ...rs.scenarios].reduce((n, x) => n + Buffer.byteLength(JSON.stringify(x.id)) + 1, 0);
  const figures = 2 + rs.groups.length + rs.indicators.length + 3 * rs.scenarios.length;
  const out = new JsonBytes(HEAD_ROOM + residents * (256 + keys + 24 * figures + 40 * rs.scenarios.length), HEAD_ROOM);
  // Every slice's columns come from the same rule set: the same keys in the same order.
  let layout: SummaryLayout | undefined;
  return {
    write(first, ids, outcomes, columns) {
      const keys = (layout ??= summaryLayout(columns));
      let failed = 0;
      for (let i = 0; i < outcomes.length; i++) {
        openResult(out, first + i, ids[i]!);
        const outcome = outcomes[i]!;
        if (typeof outcome !== 'number') {
          failed += 1;
          out.text(',"error":');
          out.value(outcome);
          out.text('}');
          continue;
        }
        out.fill(keys.room, (buffer, at) => writeSummary(buffer, at, keys, columns, outcome));
      }
      return failed;
    },
    close(head, failed) {
      out.text(']}');
      out.prefix(headJson(head, residents, failed));
      return out.bytes();
    },
  };
}

/** One resident of an explained batch, as the answer gives it. */
export type ExplainedResult = { id: string; evaluation: Evaluation } | { id: string; summary: ScoreSummary } | { id: string; error: BatchRefusal };

/**
 * The answer of a batch evaluated one resident at a time (`detail: "full"`, or the reference engine) as
 * JSON bytes: exactly `JSON.stringify` of `{...head, evaluated, failed, results}` (batch-answer.test.ts),
 * each evaluation written from its remembered results (evaluation-json.ts), and the event loop free between
 * slices of residents.
 *
 * @example
 * return c.body(await explainedAnswerJson(head, [{ id: 'r1', evaluation }, { id: 'r2', error }]), 200, { 'content-type': 'application/json' });
 */
export async function explainedAnswerJson(head: BatchHead, results: readonly ExplainedResult[]): Promise<Uint8Array<ArrayBuffer>> {
  const failed = results.reduce((n, r) => n + ('error' in r ? 1 : 0), 0);
  const full = results.some((r) => 'evaluation' in r);
  const out = new JsonBytes(256 + results.length * (full ? EVALUATION_BYTES : 1024));
  out.text(headJson(head, results.length, failed));
  for (let i = 0; i < results.length; i++) {
    if (i > 0 && i % WRITE_SLICE === 0) await yieldToEventLoop();
    const result = results[i]!;
    openResult(out, i, result.id);
    if ('evaluation' in result) {
      out.text(',"evaluation":');
      writeEvaluationJson(out, result.evaluation);
    } else if ('summary' in result) {
      out.text(',"summary":');
      out.value(result.summary);
    } else {
      out.text(',"error":');
      out.value(result.error);
    }
    out.text('}');
  }
  out.text(']}');
  return out.bytes();
}

/** `{...head, evaluated, failed, "results": [` — every batch answer starts so. */
function headJson(head: BatchHead, residents: number, failed: number): string {
  const { ruleSetId, version, hash, asOf } = head;
  return `${JSON.stringify({ ruleSetId, version, hash, asOf, evaluated: residents - failed, failed }).slice(0, -1)},"results":[`;
}

/** `{"id": …` — the start of result `i`, its other members to follow. */
function openResult(out: JsonBytes, i: number, id: string): void {
  out.text(i > 0 ? ',{"id":' : '{"id":');
  out.value(id);
}

/**
 * Every summary has the same keys in the same order: the text between two figures is the same for every
 * resident. It is encoded once, as one run of bytes, with where each piece starts.
 */
interface SummaryLayout {
  /** Piece p is `bytes[start[p]] … bytes[start[p + 1] - 1]`; a figure follows each piece but the last. */
  bytes: Uint8Array;
  start: Int32Array;
  /** Most bytes one summary takes (every figure at its longest). */
  room: number;
}

const TRUE = JsonBytes.fixed('true');
const FALSE = JsonBytes.fixed('false');

function summaryLayout(columns: SummaryColumns): SummaryLayout {
  const pieces: string[] = [];
  let text = '';
  // Ends the piece before a figure.
  const figure = () => {
    pieces.push(text);
    text = '';
  };
  const members = (ids: readonly string[], each: () => void) =>
    ids.forEach((id, k) => {
      text += `${k > 0 ? ',' : ''}${JSON.stringify(id)}:`;
      each();
    });
  text += ',"summary":{"total":';
  figure();
  text += ',"vetoed":';
  figure();
  text += ',"groups":{';
  members(columns.groupIds, figure);
  text += '},"indicators":{';
  members(columns.indicatorIds, figure);
  text += '},"scenarios":{';
  members(columns.scenarioIds, () => {
    text += '{"eligible":';
    figure();
    text += ',"score":';
    figure();
    text += ',"shortBy":';
    figure();
    text += '}';
  });
  text += '}}}';
  pieces.push(text);
  const encoded = pieces.map((piece) => JsonBytes.fixed(piece));
  const start = new Int32Array(encoded.length + 1);
  encoded.forEach((piece, p) => (start[p + 1] = start[p]! + piece.length));
  const bytes = new Uint8Array(start[encoded.length]!);
  encoded.forEach((piece, p) => bytes.set(piece, start[p]!));
  return { bytes, start, room: bytes.length + 24 * pieces.length };
}

/**
 * Resident row `r`'s summary written at `at`, figures in the layout's order: total, vetoed, each group,
 * each indicator, then each scenario's eligibility, score and shortfall. Answers the position after it.
 * Pieces are a few dozen bytes, copied by hand: shorter than a call to `set` is worth. The copies are
 * written out rather than put in a helper closure, which would keep `at` off the registers.
 */
function writeSummary(buffer: Buffer, at: number, layout: SummaryLayout, columns: SummaryColumns, r: number): number {
  const { bytes, start } = layout;
  const { total, vetoedBy, groups, indicators, eligible, scenarioScores, bars } = columns;
  const nGroups = columns.groupIds.length;
  const nIndicators = columns.indicatorIds.length;
  const nScenarios = columns.scenarioIds.length;
  let p = 0;
  for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
  at = writeHundredths(buffer, at, total[r]!);
  for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
  at = writeWord(buffer, at, vetoedBy[r]! >= 0);
  for (let g = 0; g < nGroups; g++) {
    for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
    at = writeHundredths(buffer, at, groups[r * nGroups + g]!);
  }
  for (let k = 0; k < nIndicators; k++) {
    for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
    at = writeHundredths(buffer, at, indicators[r * nIndicators + k]!);
  }
  for (let k = 0; k < nScenarios; k++) {
    const score = scenarioScores[r * nScenarios + k]!;
    for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
    at = writeWord(buffer, at, eligible[r * nScenarios + k] === 1);
    for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
    at = writeHundredths(buffer, at, score);
    for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
    at = writeHundredths(buffer, at, shortOfBar(bars[k]!, score));
  }
  for (let b = start[p]!, end = start[++p]!; b < end; b++) buffer[at++] = bytes[b]!;
  return at;
}

function writeWord(buffer: Buffer, at: number, yes: boolean): number {
  const word = yes ? TRUE : FALSE;
  for (let b = 0; b < word.length; b++) buffer[at++] = word[b]!;
  return at;
}
