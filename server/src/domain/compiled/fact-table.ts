import type { Facts } from '../scoring/types';

/** One fact of every resident of a table. */
export interface TableColumn {
  /** Each resident's value; undefined where the record lacks the fact (or holds it as undefined). */
  readonly values: readonly unknown[];
  /** 1 for rows whose record holds the fact as undefined, which the fact's default must not replace. */
  readonly ownUndefined: Uint8Array | undefined;
  /** When every value present is a number other than NaN: the numbers, with NaN where absent. */
  readonly numbers: Float64Array | undefined;
}

/**
 * A column's distinct values, when there are few: `codes[row]` indexes `values`. A resident without the
 * fact has the code of `MISSING_FACT`.
 */
export interface Dictionary {
  readonly codes: Int32Array;
  readonly values: readonly unknown[];
}

/** Stands, in a dictionary, for a fact the record does not have (its default then applies). */
export const MISSING_FACT: unique symbol = Symbol('missing fact');

/** The most distinct values a dictionary keeps; a column with more has none. */
export const DICTIONARY_LIMIT = 1024;

/**
 * Residents' facts held column by column, for population scoring. The columns are built on first use, in
 * one pass over the records, so every later run, for any rule set or draft, reads compact arrays instead
 * of looking names up in each record: build one per population snapshot and reuse it. Dictionaries of
 * few-valued columns and derived facts at a date are cached on the table as they are asked for.
 *
 * Equal lists of strings are stored once (operators never tell copies apart and never change a value),
 * so that they have few distinct values; numbers are also held unboxed. Records are JSON data: a fact is
 * an own, enumerable property, as `prepareFacts` reads it.
 */
export interface FactTable {
  readonly length: number;
  column(id: string): TableColumn;
  /** The column's dictionary, or undefined when it has too many distinct values. */
  dictionary(id: string): Dictionary | undefined;
  /** A value computed over the whole table once (a derived fact at a date), cached under `key`. */
  cached(key: string, compute: () => Float64Array): Float64Array;
  /** The dictionary of a cached column (NaN reads as an absent value), or undefined. */
  cachedDictionary(key: string): Dictionary | undefined;
}

/**
 * @example
 * const table = factTable(residents.map((r) => r.facts));
 * scorer.score(table, 0, Math.min(scorer.size, table.length));
 */
export function factTable(rows: readonly Facts[]): FactTable {
  let columns: Map<string, TableColumn> | undefined;
  const cache = new Map<string, Float64Array>();
  const dictionaries = new Map<string, Dictionary | undefined>();
  let empty: TableColumn | undefined;
  const column = (id: string) =>
    (columns ??= buildColumns(rows)).get(id) ??
    (empty ??= { values: new Array<unknown>(rows.length).fill(undefined), ownUndefined: undefined, numbers: new Float64Array(rows.length).fill(NaN) });
  const dictionary = (key: string, build: () => Dictionary | undefined) => {
    if (!dictionaries.has(key)) dictionaries.set(key, build());
    return dictionaries.get(key);
  };
  return {
    length: rows.length,
    column,
    dictionary: (id) =>
      dictionary(`fact|${id}`, () => {
        const col = column(id);
        // A fact held as undefined differs from a missing one only by its default: no dictionary then.
        if (col.ownUndefined) return undefined;
        return (col.numbers && encodeSmallIntegers(col.numbers)) ?? encode(col.values, (v) => (v === undefined ? MISSING_FACT : v));
      }),
    cached(key, compute) {
      let found = cache.get(key);
      if (!found) cache.set(key, (found = compute()));
      return found;
    },
    cachedDictionary: (key) => {
      const values = cache.get(key);
      return values && dictionary(`cached|${key}`, () => encode(values, (v) => (v === v ? v : undefined)));
    },
  };
}

/**
 * Every column at once, in one pass over the records (each record is visited once, its own keys in
 * order). Records are JSON data: plain objects whose facts are own, enumerable properties.
 */
function buildColumns(rows: readonly Facts[]): Map<string, TableColumn> {
  // `numbers` is allocated on the first number and dropped (null) on the first value of another type.
  type Building = { values: unknown[]; numbers: Float64Array | null | undefined; ownUndefined: Uint8Array | undefined };
  const building = new Map<string, Building>();
  const shared = sharedValues();
  // Records mostly list their facts in the same order: the previous record's keys usually find the
  // column by position, without a lookup by name.
  const keys: string[] = [];
  const cols: Building[] = [];
  // `for…in` also visits inherited enumerable keys; plain records have none unless Object.prototype does.
  const plainPrototype = !hasEnumerableKeys(Object.prototype);
  for (let r = 0; r < rows.length; r++) {
    const facts = rows[r]!;
    const proto: unknown = Object.getPrototypeOf(facts);
    const ownOnly = plainPrototype && (proto === Object.prototype || proto === null);
    let k = 0;
    for (const id in facts) {
      if (!ownOnly && !Object.hasOwn(facts, id)) continue;
      let col = keys[k] === id ? cols[k] : undefined;
      if (!col) {
        col = building.get(id);
        if (!col) {
          col = { values: new Array<unknown>(rows.length).fill(undefined), numbers: undefined, ownUndefined: undefined };
          building.set(id, col);
        }
        keys[k] = id;
        cols[k] = col;
      }
      k++;
      const value: unknown = facts[id];
      if (value === undefined) {
        (col.ownUndefined ??= new Uint8Array(rows.length))[r] = 1;
        continue;
      }
      col.values[r] = shared(value);
      if (col.numbers === null) continue;
      if (typeof value === 'number' && value === value) (col.numbers ??= new Float64Array(rows.length).fill(NaN))[r] = value;
      else col.numbers = null;
    }
  }
  const columns = new Map<string, TableColumn>();
  for (const [id, c] of building) {
    columns.set(id, { values: c.values, ownUndefined: c.ownUndefined, numbers: c.numbers && !c.ownUndefined ? c.numbers : undefined });
  }
  return columns;
}

/**
 * The same encoding for a column of whole numbers in a narrow range, by direct indexing instead of a Map
 * (NaN, an absent value, is `MISSING_FACT`). Undefined when the numbers do not qualify.
 */
function encodeSmallIntegers(numbers: Float64Array): Dictionary | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < numbers.length; r++) {
    const x = numbers[r]!;
    if (x !== x) continue;
    if (!Number.isInteger(x) || Object.is(x, -0)) return undefined;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max - min > 4 * DICTIONARY_LIMIT) return undefined;
  const span = max >= min ? max - min + 1 : 0;
  const byValue = new Int32Array(span + 1).fill(-1);
  const values: unknown[] = [];
  const codes = new Int32Array(numbers.length);
  for (let r = 0; r < numbers.length; r++) {
    const x = numbers[r]!;
    const at = x === x ? x - min : span;
    let code = byValue[at]!;
    if (code < 0) {
      if (values.length === DICTIONARY_LIMIT) return undefined;
      byValue[at] = code = values.length;
      values.push(x === x ? x : MISSING_FACT);
    }
    codes[r] = code;
  }
  return { codes, values };
}

function hasEnumerableKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** Dictionary-encodes a column (Map keys compare as SameValueZero, which no operator tells from `===` here). */
function encode(column: ArrayLike<unknown>, value: (v: unknown) => unknown): Dictionary | undefined {
  const index = new Map<unknown, number>();
  const values: unknown[] = [];
  const codes = new Int32Array(column.length);
  for (let r = 0; r < column.length; r++) {
    const v = value(column[r]);
    let code = index.get(v);
    if (code === undefined) {
      if (values.length === DICTIONARY_LIMIT) return undefined;
      index.set(v, (code = values.length));
      values.push(v);
    }
    codes[r] = code;
  }
  return { codes, values };
}

/**
 * One instance per distinct list of strings (found through a trie, not a key), so that lists compare by
 * identity in dictionaries. Other values are kept as they are.
 */
function sharedValues(): (value: unknown) => unknown {
  interface Node {
    list?: unknown[];
    next?: Map<string, Node>;
  }
  const root: Node = {};
  const list = (value: unknown[]): unknown => {
    let node = root;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item !== 'string' || !(i in value)) return value;
      let next = node.next?.get(item);
      if (!next) (node.next ??= new Map()).set(item, (next = {}));
      node = next;
    }
    return (node.list ??= value);
  };
  return (value) => (Array.isArray(value) ? list(value) : value);
}
