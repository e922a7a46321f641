import { describePath, pointerToPath, type Naming } from './describe';
import { getAt, type Path } from './edit';

/**
 * A draft save's JSON Patch in staff's words for the audit trail: `/indicators/12/points` reads
 * 指标「志愿服务」 › 分值. Places are named by `describePath` (the one naming of document fields) in the
 * document the pointer's indexes refer to; a pointer is only named when that document is known to be the
 * one of that save, or no later save could have moved or renamed what it points at — otherwise it stays
 * a raw pointer rather than risk a wrong title.
 */

/** One operation of a recorded patch (RFC 6902). */
export interface PatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

/** A `draft-edited` entry as far as naming needs it: its order, hashes and patch (`complete` when not cut short). */
export interface RecordedSave {
  seq: number;
  before?: string | null;
  after?: string | null;
  patch: readonly PatchOperation[];
  complete: boolean;
}

const isIndex = (key: string | number | undefined) => typeof key === 'number' || (typeof key === 'string' && /^(\d+|-)$/.test(key));
const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((k, i) => String(k) === String(path[i]));

/**
 * The patches of every save after `save` of the same draft, oldest first, when the trail holds them all:
 * `saves` are that draft's `draft-edited` entries (any order) and the newest of them is the draft's
 * latest save. Undefined when `save` itself is not among them (the trail is newer than what was read), a
 * later save is missing (its `before` is not the previous `after`) or was recorded cut short.
 */
export function savesAfter(save: RecordedSave, saves: readonly RecordedSave[]): (readonly PatchOperation[])[] | undefined {
  if (!saves.some((s) => s.seq === save.seq)) return undefined;
  const later = saves.filter((s) => s.seq > save.seq).sort((a, b) => a.seq - b.seq);
  let hash = save.after;
  for (const s of later) {
    if (!hash || s.before !== hash || !s.complete) return undefined;
    hash = s.after;
  }
  return later.map((s) => s.patch);
}

/**
 * Whether a later operation could change what `path` names: it adds, removes or moves an item of an array
 * the path indexes into (indexes shift), replaces or removes a place the path goes through, or changes the
 * title or id of an item the path names.
 */
function disturbs(later: PatchOperation, path: Path): boolean {
  const ends = [later.path, ...(later.from !== undefined ? [later.from] : [])].map(pointerToPath);
  return ends.some((q) => {
    if (q.length < path.length && startsWith(path, q)) return true;
    const parent = q.slice(0, -1);
    if (later.op !== 'replace' && later.op !== 'test' && isIndex(q.at(-1)) && parent.length < path.length && startsWith(path, parent) && isIndex(path[parent.length])) return true;
    // A title or id changed on an item the path names.
    return path.some((key, k) => isIndex(key) && q.length > k + 1 && startsWith(q, path.slice(0, k + 1)) && (q[k + 1] === 'title' || q[k + 1] === 'id'));
  });
}

/** Whether every place on the way to `path` exists in `doc` (the last one too, unless `lastMayBeGone`). */
function resolves(doc: unknown, path: Path, lastMayBeGone: boolean): boolean {
  for (let i = 1; i <= path.length; i++) {
    if (i === path.length && lastMayBeGone) break;
    const parent = getAt(doc, path.slice(0, i - 1));
    const key = path[i - 1]!;
    if (Array.isArray(parent) ? !(isIndex(key) && Number(key) < parent.length) : !(parent && typeof parent === 'object' && Object.hasOwn(parent, String(key)))) return false;
  }
  return true;
}

/** `doc` with the array item at `path` left out of view, so that it is named by its place, not by the item now there. */
function withoutItem(doc: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const [key, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy = [...doc];
    copy[Number(key)] = rest.length ? withoutItem(doc[Number(key)], rest) : undefined;
    return copy;
  }
  const node = doc as Record<string, unknown>;
  return { ...node, [String(key)]: withoutItem(node[String(key)], rest) };
}

/**
 * The place one operation of a save changed, in staff's words, or undefined when it cannot be named
 * truthfully: `doc` is the draft's document and `later` the patches of every save after this one (empty
 * when `doc` is this save's own document; undefined when unknown). A removed item is named by its place
 * (档次「第 3 项」), since its title left with it; a move stays a raw pointer.
 *
 * @example
 * placeOfOperation(doc, { op: 'replace', path: '/indicators/12/points', value: 2 }, [], naming); // '指标「志愿服务」 › 分值'
 */
export function placeOfOperation(doc: unknown, op: PatchOperation, later: readonly (readonly PatchOperation[])[] | undefined, naming: Naming): string | undefined {
  if (doc === undefined || later === undefined || op.op === 'move' || op.op === 'copy') return undefined;
  const path = pointerToPath(op.path);
  if (path.length === 0 || later.some((patch) => patch.some((q) => disturbs(q, path)))) return undefined;
  const removed = op.op === 'remove';
  if (!resolves(doc, path, removed)) return undefined;
  if (removed && path.at(-1) === '-') return undefined;
  return describePath(removed && isIndex(path.at(-1)) ? withoutItem(doc, path) : doc, path, naming);
}

/** Words for what an operation did at its place: `1 → 2`, `→ 2`, 已添加, 已删除. */
export interface ChangeWords {
  added: string;
  removed: string;
  show: (value: unknown) => string;
}

/**
 * What one operation did, after its place: a value set reads `1 → 2` (the old value when the entry
 * recorded it as `was`), an item or section added reads 已添加, anything removed 已删除.
 */
export function changeOfOperation(op: PatchOperation & { was?: unknown }, words: ChangeWords): string {
  if (op.op === 'remove') return words.removed;
  if (op.op === 'move' || op.op === 'copy') return `${op.from ?? ''} →`;
  if (op.op === 'add' && op.value !== null && typeof op.value === 'object') return words.added;
  return op.was === undefined ? `→ ${words.show(op.value)}` : `${words.show(op.was)} → ${words.show(op.value)}`;
}
