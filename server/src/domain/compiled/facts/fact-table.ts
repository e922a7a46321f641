import type { Facts } from '../../scoring/types';
import { codedColumn, ColumnBuilder, MISSING_FACT, type Dictionary, type TableColumn } from './fact-column';
import { ConstantCodes } from './packed-codes';

export { HELD_UNDEFINED, MISSING_FACT, type Dictionary, type TableColumn } from './fact-column';

/**
 * Residents' facts held column by column, for population scoring, with no object per resident: each fact
 * is a column of dictionary codes packed 2, 4, 8 or 16 bits per resident (a flag takes 2 bits, an age or a
 * number of months a byte, a date two), or unboxed numbers when a fact has too many distinct values to
 * code. Build one per population snapshot and reuse it: every run, for any rule set or draft, reads these
 * arrays. Derived facts at a date are cached on the table as they are asked for.
 *
 * Records are JSON data: a fact is an own, enumerable property, as `prepareFacts` reads it.
 */
export interface FactTable {
  readonly length: number;
  /** The column of fact `id` (every row absent when no record has it). */
  column(id: string): TableColumn;
  /** The column's dictionary, or undefined when it has too many distinct values. */
  dictionary(id: string): Dictionary | undefined;
  /** A column computed from the table once (a derived fact at a date), cached under `key`. */
  derived(key: string, compute: () => TableColumn): TableColumn;
  /** Resident `row`'s facts, as a new record (lists copied). */
  row(row: number): Facts;
  /** Bytes the columns and cached derived columns hold. */
  readonly bytes: number;
}

/** Appends records one at a time, so that a population never has to be held as records. */
export interface FactTableBuilder {
  add(facts: Facts): void;
  finish(): FactTable;
}

/**
 * @example
 * const builder = factTableBuilder();
 * for (const record of records) builder.add(record);
 * const table = builder.finish();
 */
export function factTableBuilder(): FactTableBuilder {
  const columns = new Map<string, ColumnBuilder>();
  const shared = sharedLists();
  // Records mostly list their facts in the same order: the previous record's keys usually find the
  // column by position, without a lookup by name.
  const keys: string[] = [];
  const cols: ColumnBuilder[] = [];
  // `for…in` also visits inherited enumerable keys; plain records have none unless Object.prototype does.
  const plainPrototype = !hasEnumerableKeys(Object.prototype);
  let rows = 0;
  return {
    add(facts) {
      const r = rows++;
      const proto: unknown = Object.getPrototypeOf(facts);
      const ownOnly = plainPrototype && (proto === Object.prototype || proto === null);
      let k = 0;
      for (const id in facts) {
        if (!ownOnly && !Object.hasOwn(facts, id)) continue;
        let col = keys[k] === id ? cols[k] : undefined;
        if (!col) {
          col = columns.get(id);
          if (!col) columns.set(id, (col = new ColumnBuilder()));
          keys[k] = id;
          cols[k] = col;
        }
        k++;
        const value: unknown = facts[id];
        col.add(r, Array.isArray(value) ? shared(value) : value);
      }
    },
    finish() {
      const built = new Map<string, TableColumn>();
      for (const [id, builder] of columns) built.set(id, builder.finish(rows));
      columns.clear();
      return tableOf(built, rows);
    },
  };
}

/**
 * @example
 * const table = factTable(residents.map((r) => r.facts));
 * scorer.score(table, 0, Math.min(scorer.size, table.length));
 */
export function factTable(rows: Iterable<Facts>): FactTable {
  const builder = factTableBuilder();
  for (const facts of rows) builder.add(facts);
  return builder.finish();
}

function tableOf(columns: ReadonlyMap<string, TableColumn>, length: number): FactTable {
  const derived = new Map<string, TableColumn>();
  const empty = codedColumn(new ConstantCodes(length), [MISSING_FACT]);
  const column = (id: string) => columns.get(id) ?? empty;
  return {
    length,
    column,
    dictionary: (id) => column(id).dictionary,
    derived(key, compute) {
      let found = derived.get(key);
      if (!found) derived.set(key, (found = compute()));
      return found;
    },
    row(row) {
      const facts: Record<string, unknown> = {};
      for (const [id, col] of columns) {
        const v = col.at(row);
        if (v !== MISSING_FACT) facts[id] = Array.isArray(v) ? v.slice() : v;
      }
      return facts as Facts;
    },
    get bytes() {
      let bytes = 0;
      for (const c of columns.values()) bytes += c.bytes;
      for (const c of derived.values()) bytes += c.bytes;
      return bytes;
    },
  };
}

function hasEnumerableKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/**
 * One instance per distinct list of strings (found through a trie, not a key), so that equal lists share
 * a dictionary code (operators never tell copies apart and never change a value). Other lists are kept
 * as they are.
 */
function sharedLists(): (value: unknown[]) => unknown {
  interface Node {
    list?: unknown[];
    next?: Map<string, Node>;
  }
  const root: Node = {};
  return (value) => {
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
}
