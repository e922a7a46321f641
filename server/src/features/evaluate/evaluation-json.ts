import { rememberedJson } from '../../domain/scoring/remembered-results';
import type { Evaluation } from '../../domain/scoring/types';
import { JsonBytes } from '../../platform/http/json-bytes';

/** Room for an evaluation of the shipped rule sets (about 12 KB); a larger one grows the buffer. */
const EXPECTED_BYTES = 16 * 1024;

/**
 * `JSON.stringify(evaluation)` as UTF-8, for an answer. Its indicators and scenarios, nine tenths of it, are
 * mostly results remembered with their JSON (remembered-results.ts): those bytes are copied, and only what
 * is this resident's own is serialised and encoded. evaluation-json.test.ts holds the bytes to
 * `JSON.stringify`.
 *
 * @example
 * return c.body(evaluationJson(await evaluate(rs, facts, asOf)), 200, { 'content-type': 'application/json' });
 */
export function evaluationJson(evaluation: Evaluation): Uint8Array<ArrayBuffer> {
  const out = new JsonBytes(EXPECTED_BYTES);
  writeEvaluationJson(out, evaluation);
  return out.bytes();
}

/**
 * `evaluationJson` written on at the end of `out` (a batch's answer holds thousands).
 *
 * @example
 * out.text(',"evaluation":');
 * writeEvaluationJson(out, evaluation);
 */
export function writeEvaluationJson(out: JsonBytes, evaluation: Evaluation): void {
  // Text not yet encoded: written out before each remembered piece, and at the end.
  let text = '{';
  let first = true;
  const keys = Object.keys(evaluation) as (keyof Evaluation)[];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const value = evaluation[key];
    if (value === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (key !== 'indicators' && key !== 'scenarios') {
      text += JSON.stringify(value);
      continue;
    }
    const items = value as readonly object[];
    text += '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) text += ',';
      const known = rememberedJson(items[i]!);
      if (!known) {
        text += JSON.stringify(items[i]);
        continue;
      }
      out.text(text);
      out.encoded(known);
      text = '';
    }
    text += ']';
  }
  out.text(`${text}}`);
}
