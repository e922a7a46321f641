/**
 * Edits to a rule-set document, as form elements report them. A path names a place in the document the way
 * the server names fields (`indicators.3.tiers.0.points` = `['indicators', 3, 'tiers', 0, 'points']`).
 * Edits never mutate: they copy the objects along the path and share everything else, so elements whose
 * part did not change do not re-render.
 */

export type Path = readonly (string | number)[];

export type Edit =
  /** Set a value; `undefined` removes the key from its object. */
  | { op: 'set'; path: Path; value: unknown }
  /** Insert into an array at the path's last index (the array's length appends). */
  | { op: 'insert'; path: Path; value: unknown }
  /** Remove an array item or an object key. */
  | { op: 'remove'; path: Path }
  /** Move an array item to another index of the same array. */
  | { op: 'move'; path: Path; to: number };

type Json = unknown;

/**
 * Applies one edit and answers the new document; the input is left untouched.
 *
 * @example
 * applyEdit(doc, { op: 'set', path: ['indicators', 0, 'points'], value: 12 });
 */
export function applyEdit<T>(doc: T, edit: Edit): T {
  if (edit.path.length === 0) {
    if (edit.op !== 'set') throw new Error(`Edit: "${edit.op}" needs a path`);
    return edit.value as T;
  }
  const parentPath = edit.path.slice(0, -1);
  const key = edit.path[edit.path.length - 1]!;
  return updateAt(doc, parentPath, (parent) => {
    // Inserting into a list the document does not have yet (it is optional) starts the list.
    const list = Array.isArray(parent) ? parent : parent === undefined && edit.op === 'insert' ? [] : undefined;
    if (list) {
      const index = Number(key);
      const copy = list.slice();
      switch (edit.op) {
        case 'set':
          if (edit.value === undefined) copy.splice(index, 1);
          else copy[index] = edit.value;
          return copy;
        case 'insert':
          copy.splice(Math.min(index, copy.length), 0, edit.value);
          return copy;
        case 'remove':
          copy.splice(index, 1);
          return copy;
        case 'move': {
          const to = Math.max(0, Math.min(edit.to, copy.length - 1));
          const [item] = copy.splice(index, 1);
          copy.splice(to, 0, item);
          return copy;
        }
      }
    }
    const object = { ...(isObject(parent) ? parent : {}) } as Record<string, Json>;
    const name = String(key);
    if (edit.op === 'remove' || (edit.op === 'set' && edit.value === undefined)) delete object[name];
    else if (edit.op === 'set' || edit.op === 'insert') object[name] = edit.value;
    return object;
  }) as T;
}

/** Applies edits in order. */
export function applyEdits<T>(doc: T, edits: readonly Edit[]): T {
  return edits.reduce((d, e) => applyEdit(d, e), doc);
}

function updateAt(node: Json, path: Path, update: (value: Json) => Json): Json {
  if (path.length === 0) return update(node);
  const [head, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(head)] = updateAt(node[Number(head)], rest, update);
    return copy;
  }
  const object = isObject(node) ? node : {};
  return { ...object, [String(head)]: updateAt(object[String(head)], rest, update) };
}

/** The value at a path, or undefined. */
export function getAt(doc: unknown, path: Path): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = Object.hasOwn(node, String(key)) ? node[String(key)] : undefined;
    else return undefined;
  }
  return node;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The server's name for a path: its segments joined by dots. */
export function pathKey(path: Path): string {
  return path.join('.');
}
