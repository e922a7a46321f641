import { applyPatch, type Operation } from 'rfc6902';
import { diffAny } from 'rfc6902/diff';
import { Pointer } from 'rfc6902/pointer';

type Diff = (input: unknown, output: unknown, ptr: Pointer) => Operation[];
type Keyed = { id: string };

/**
 * The RFC 6902 JSON Patch from one rule-set document to another. Lists whose items carry unique `id`s
 * (indicators, tiers, scenarios, facts, cases…) are matched by id: a change to one indicator is a change at
 * its path, not a cascade of replacements after an insertion. Other values use rfc6902's own diff.
 *
 * @example
 * ruleSetPatch(v1, v2); // [{ op: 'replace', path: '/indicators/0/tiers/1/points', value: 12 }]
 */
export function ruleSetPatch(from: unknown, to: unknown): Operation[] {
  const diff: Diff = (input, output, ptr) =>
    idKeyed(input) && idKeyed(output) ? diffById(input, output, ptr, diff) : diffAny(input, output, ptr, diff);
  return diff(from, to, new Pointer());
}

/**
 * `patch` with each replaced plain value (a number, text, true/false, null) kept beside its operation as
 * `was`, read just before that operation applies, so a record of the save reads 120 → 125. RFC 6902
 * ignores members it does not define, so the patch still applies as it is.
 *
 * @example
 * withReplacedValues(v1, [{ op: 'replace', path: '/scenarios/0/bar', value: 125 }]); // [{ …, value: 125, was: 120 }]
 */
export function withReplacedValues(from: unknown, patch: readonly Operation[]): (Operation & { was?: unknown })[] {
  const doc = structuredClone(from);
  return patch.map((op) => {
    const was: unknown = op.op === 'replace' && op.path !== '' ? Pointer.fromJSON(op.path).get(doc) : undefined;
    applyPatch(doc, [op]);
    return was === undefined || (was !== null && typeof was === 'object') ? op : { ...op, was };
  });
}

function idKeyed(value: unknown): value is Keyed[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item) || typeof item.id !== 'string') return false;
    if (ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

// Removals (last first), then the fewest moves into the new relative order, then additions in the new order, then
// changes inside kept items at their new index: each operation's index is right when it is applied.
function diffById(input: Keyed[], output: Keyed[], ptr: Pointer, diff: Diff): Operation[] {
  const at = (i: number) => ptr.add(String(i)).toString();
  const ops: Operation[] = [];
  const outIds = new Set(output.map((item) => item.id));
  const inIds = new Set(input.map((item) => item.id));
  const current = [...input];
  for (let i = current.length - 1; i >= 0; i--) {
    if (!outIds.has(current[i]!.id)) {
      ops.push({ op: 'remove', path: at(i) });
      current.splice(i, 1);
    }
  }
  // Items in the longest run already in the new order stay; each other one moves to just after its new
  // predecessor, so a single moved item is a single move.
  const order = output.filter((item) => inIds.has(item.id));
  const newIndex = new Map(order.map((item, j) => [item.id, j]));
  const stay = new Set(longestIncreasing(current.map((item) => newIndex.get(item.id)!)).map((i) => current[i]!.id));
  order.forEach((item, j) => {
    if (stay.has(item.id)) return;
    const k = current.findIndex((c) => c.id === item.id);
    const [moved] = current.splice(k, 1);
    const p = j === 0 ? 0 : current.findIndex((c) => c.id === order[j - 1]!.id) + 1;
    current.splice(p, 0, moved!);
    if (p !== k) ops.push({ op: 'move', from: at(k), path: at(p) });
  });
  output.forEach((item, i) => {
    if (!inIds.has(item.id)) {
      ops.push({ op: 'add', path: at(i), value: item });
      current.splice(i, 0, item);
    }
  });
  output.forEach((item, i) => {
    if (inIds.has(item.id)) ops.push(...diff(current[i], item, ptr.add(String(i))));
  });
  return ops;
}

/** Indices of a longest strictly increasing subsequence of `values` (patience sorting). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const run: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) run.push(i);
  return run.reverse();
}
