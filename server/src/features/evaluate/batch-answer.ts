import type { SummaryColumns } from '../../domain/compiled';
import { shortOfBar } from '../../domain/points';
import { JsonBytes } from '../../platform/http/json-bytes';

/** A resident refused on its own, as the batch answers it. */
export interface BatchRefusal {
  code: string;
  message: string;
  messageZh?: string;
  fields?: { path: string; message: string; messageZh?: string }[];
}

/** What the answer says of the batch as a whole. */
export interface BatchHead {
  ruleSetId: string;
  version: number;
  hash: string;
  asOf: string;
}

/**
 * The batch's summary answer as JSON bytes (`BatchEvaluateResponse`, each result `{id, summary}` or
 * `{id, error}`), written straight from the scored columns: ten thousand summaries are some ten
 * megabytes, and an object per resident only for `JSON.stringify` to walk it again would cost more than
 * scoring them. `outcomes[i]` is resident i's row in `columns`, or its refusal. The bytes are exactly
 * what `JSON.stringify` makes of the same answer (batch-answer.test.ts compares them).
 *
 * @example
 * return c.body(summaryAnswerJson(head, ids, outcomes, scoreSummaryColumns(rs, facts, asOf)), 200, { 'content-type': 'application/json' });
 */
export function summaryAnswerJson(
  head: BatchHead,
  ids: readonly string[],
  outcomes: readonly (number | BatchRefusal)[],
  columns: SummaryColumns,
): Uint8Array<ArrayBuffer> {
  const keysOf = (ids: readonly string[], after: string) =>
    ids.map((id, k) => JsonBytes.fixed(`${k === 0 ? '' : ','}${JSON.stringify(id)}:${after}`));
  const groupKeys = keysOf(columns.groupIds, '');
  const indicatorKeys = keysOf(columns.indicatorIds, '');
  const scenarioKeys = keysOf(columns.scenarioIds, '{"eligible":');
  const fixed = {
    total: JsonBytes.fixed(',"summary":{"total":'),
    vetoed: JsonBytes.fixed(',"vetoed":'),
    groups: JsonBytes.fixed(',"groups":{'),
    indicators: JsonBytes.fixed('},"indicators":{'),
    scenarios: JsonBytes.fixed('},"scenarios":{'),
    score: JsonBytes.fixed(',"score":'),
    shortBy: JsonBytes.fixed(',"shortBy":'),
    end: JsonBytes.fixed('}}}'),
  };
  // Room for one resident's summary: every key, and at most 24 bytes for each number or word.
  const perResident =
    [...Object.values(fixed), ...groupKeys, ...indicatorKeys, ...scenarioKeys].reduce((n, key) => n + key.length, 0) +
    fixed.score.length * scenarioKeys.length + fixed.shortBy.length * scenarioKeys.length +
    24 * (2 + groupKeys.length + indicatorKeys.length + 3 * scenarioKeys.length) + 8;
  const nGroups = groupKeys.length;
  const nIndicators = indicatorKeys.length;
  const nScenarios = scenarioKeys.length;
  const failed = outcomes.reduce<number>((n, o) => n + (typeof o === 'number' ? 0 : 1), 0);

  const out = new JsonBytes(256 + outcomes.length * perResident);
  const { ruleSetId, version, hash, asOf } = head;
  out.text(JSON.stringify({ ruleSetId, version, hash, asOf, evaluated: outcomes.length - failed, failed }).slice(0, -1));
  out.text(',"results":[');
  for (let i = 0; i < outcomes.length; i++) {
    if (i > 0) out.text(',');
    out.text('{"id":');
    out.value(ids[i]);
    const outcome = outcomes[i]!;
    if (typeof outcome !== 'number') {
      out.text(',"error":');
      out.value(outcome);
      out.text('}');
      continue;
    }
    const r = outcome;
    out.reserve(perResident);
    out.raw(fixed.total);
    out.hundredths(columns.total[r]!);
    out.raw(fixed.vetoed);
    out.ascii(columns.vetoedBy[r]! >= 0 ? 'true' : 'false');
    out.raw(fixed.groups);
    for (let g = 0; g < nGroups; g++) {
      out.raw(groupKeys[g]!);
      out.hundredths(columns.groups[r * nGroups + g]!);
    }
    out.raw(fixed.indicators);
    for (let k = 0; k < nIndicators; k++) {
      out.raw(indicatorKeys[k]!);
      out.hundredths(columns.indicators[r * nIndicators + k]!);
    }
    out.raw(fixed.scenarios);
    for (let k = 0; k < nScenarios; k++) {
      const score = columns.scenarioScores[r * nScenarios + k]!;
      out.raw(scenarioKeys[k]!);
      out.ascii(columns.eligible[r * nScenarios + k] === 1 ? 'true' : 'false');
      out.raw(fixed.score);
      out.hundredths(score);
      out.raw(fixed.shortBy);
      out.hundredths(shortOfBar(columns.bars[k]!, score));
      out.ascii('}');
    }
    out.raw(fixed.end);
  }
  out.text(']}');
  return out.bytes();
}
