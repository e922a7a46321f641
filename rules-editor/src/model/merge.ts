import { isObject, pathKey, type Path } from './edit';

/**
 * Three-way merge of a draft's document: what this page started from (`base`), what it holds now (`mine`)
 * and what the server holds now (`theirs`). A field changed on one side only takes that side's change; a
 * field both sides changed the same way is merged; a field both changed differently is a conflict, and
 * only those are asked about. Lists of items with ids (indicators, tiers, scenarios, cases …) are matched
 * by id, so an insertion on one side does not shift the other side's edits; other lists merge item by item
 * when no side changed their length.
 *
 * @example
 * const { merged, conflicts } = mergeDocuments(base, mine, theirs);
 * // conflicts: [{ path: ['scenarios', 0, 'bar'], base: 120, mine: 125, theirs: 121 }]
 */

export interface MergeConflict {
  path: Path;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export type Choice = 'mine' | 'theirs';

export interface Merged<T> {
  merged: T;
  conflicts: MergeConflict[];
}

export function mergeDocuments<T>(base: T, mine: T, theirs: T, choices: ReadonlyMap<string, Choice> = new Map()): Merged<T> {
  const conflicts: MergeConflict[] = [];
  const merged = merge(base, mine, theirs, [], { conflicts, choices }) as T;
  return { merged, conflicts };
}

interface Context {
  conflicts: MergeConflict[];
  choices: ReadonlyMap<string, Choice>;
}

function merge(b: unknown, m: unknown, t: unknown, path: Path, cx: Context): unknown {
  if (same(m, t) || same(t, b)) return m;
  if (same(m, b)) return t;
  if (isObject(b) && isObject(m) && isObject(t)) {
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(m), ...Object.keys(t), ...Object.keys(b)])) {
      const value = merge(b[key], m[key], t[key], [...path, key], cx);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (Array.isArray(b) && Array.isArray(m) && Array.isArray(t)) {
    if (keyed(b) && keyed(m) && keyed(t)) {
      const list = mergeById(b, m, t, path, cx);
      if (list) return list;
    } else if (b.length === m.length && m.length === t.length) {
      return m.map((item, i) => merge(b[i], item, t[i], [...path, i], cx));
    }
  }
  const choice = cx.choices.get(pathKey(path));
  if (!choice) cx.conflicts.push({ path, base: b, mine: m, theirs: t });
  return choice === 'theirs' ? t : m;
}

type Keyed = { id: string } & Record<string, unknown>;

/** Items matched by id; undefined when both sides reordered the list differently (a conflict on the list). */
function mergeById(b: Keyed[], m: Keyed[], t: Keyed[], path: Path, cx: Context): unknown[] | undefined {
  const ids = (list: Keyed[]) => list.map((x) => x.id);
  const kept = (list: Keyed[], other: Keyed[]) => ids(list).filter((id) => other.some((x) => x.id === id));
  // The order of the items both sides still have: whoever reordered wins; both reordering is a conflict.
  const mineMoved = !same(kept(m, b), kept(b, m));
  const theirsMoved = !same(kept(t, b), kept(b, t));
  if (mineMoved && theirsMoved && !same(kept(m, t), kept(t, m))) return undefined;
  const order = theirsMoved && !mineMoved ? interleave(ids(t), ids(m)) : interleave(ids(m), ids(t));
  const byId = (list: Keyed[], id: string) => list.find((x) => x.id === id);
  const out: unknown[] = [];
  for (const id of order) {
    const where = m.findIndex((x) => x.id === id);
    const value = merge(byId(b, id), byId(m, id), byId(t, id), [...path, where >= 0 ? where : t.findIndex((x) => x.id === id)], cx);
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** `primary`'s order, with each id only `secondary` has placed after its predecessor there. */
function interleave(primary: string[], secondary: string[]): string[] {
  const out = [...primary];
  secondary.forEach((id, i) => {
    if (out.includes(id)) return;
    const before = secondary.slice(0, i).reverse().find((x) => out.includes(x));
    out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, id);
  });
  return out;
}

function keyed(list: unknown[]): list is Keyed[] {
  const seen = new Set<string>();
  for (const x of list) {
    if (!isObject(x) || typeof x.id !== 'string' || seen.has(x.id)) return false;
    seen.add(x.id);
  }
  return true;
}

/** Deep equality of JSON values. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }
  return false;
}
