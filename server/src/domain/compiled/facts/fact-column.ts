import { MAX_CODES, PackedCodes, type Codes } from './packed-codes';

/** Stands, in a column, for a fact the record does not have (its default then applies). */
export const MISSING_FACT: unique symbol = Symbol('missing fact');
/** Stands, in a dictionary, for a fact the record holds as undefined (which no default replaces). */
export const HELD_UNDEFINED: unique symbol = Symbol('held as undefined');

/**
 * A column's distinct values: `codes.at(row)` indexes `values`. Code 0 is always `MISSING_FACT`; a record
 * holding the fact as undefined has the code of `HELD_UNDEFINED`.
 */
export interface Dictionary {
  readonly codes: Codes;
  readonly values: readonly unknown[];
}

/** One fact of every resident of a table. */
export interface TableColumn {
  readonly length: number;
  /** The record's value at `row`: `MISSING_FACT` when it lacks the fact, undefined when it holds it as undefined. */
  at(row: number): unknown;
  /** The dictionary, when the column has at most 65,536 distinct values. */
  readonly dictionary: Dictionary | undefined;
  /** Whether every value present is a number other than NaN and none is held as undefined. */
  readonly numeric: boolean;
  /** Rows `[start, start + n)` as numbers, NaN where absent (numeric columns only). */
  readNumbers(start: number, n: number, into: Float64Array): void;
  /** Rows `[start, start + n)` as values, `absent` where the record lacks the fact. */
  readValues(start: number, n: number, into: unknown[], absent: unknown): void;
  /** Bytes held per column (typed arrays, plus 8 per dictionary entry or plain value). */
  readonly bytes: number;
}

/** Codes of one batch; population work runs on one thread, so one buffer serves every column. */
let scratch = new Int32Array(1024);
const batchCodes = (codes: Codes, start: number, n: number) => {
  if (scratch.length < n) scratch = new Int32Array(n);
  codes.read(start, n, scratch);
  return scratch;
};

/** A dictionary-encoded column: what nearly every fact of a population is. */
export function codedColumn(codes: Codes, values: readonly unknown[]): TableColumn {
  const numeric = values.every((v, code) => code === 0 || (typeof v === 'number' && v === v));
  const numbers = numeric ? Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)) : undefined;
  const dictionary = { codes, values };
  return {
    length: codes.length,
    at: (row) => {
      const v = values[codes.at(row)];
      return v === HELD_UNDEFINED ? undefined : v;
    },
    dictionary,
    numeric,
    readNumbers(start, n, into) {
      if (!numbers) throw new TypeError('Fact table: the column holds values other than numbers');
      const c = batchCodes(codes, start, n);
      for (let i = 0; i < n; i++) into[i] = numbers[c[i]!]!;
    },
    readValues(start, n, into, absent) {
      const c = batchCodes(codes, start, n);
      for (let i = 0; i < n; i++) {
        const code = c[i]!;
        const v = values[code];
        into[i] = code === 0 ? absent : v === HELD_UNDEFINED ? undefined : v;
      }
    },
    bytes: codes.bytes + 8 * values.length,
  };
}

/** Many distinct numbers (money amounts): the numbers themselves, NaN where absent. */
function numberColumn(numbers: Float64Array): TableColumn {
  return {
    length: numbers.length,
    at: (row) => (numbers[row] === numbers[row] ? numbers[row] : MISSING_FACT),
    dictionary: undefined,
    numeric: true,
    readNumbers: (start, n, into) => into.set(numbers.subarray(start, start + n)),
    readValues(start, n, into, absent) {
      for (let i = 0; i < n; i++) {
        const x = numbers[start + i]!;
        into[i] = x === x ? x : absent;
      }
    },
    bytes: numbers.byteLength,
  };
}

/** Anything else with too many distinct values to code: the values as they are. */
function plainColumn(plain: unknown[]): TableColumn {
  return {
    length: plain.length,
    at: (row) => plain[row],
    dictionary: undefined,
    numeric: false,
    readNumbers: () => {
      throw new TypeError('Fact table: the column holds values other than numbers');
    },
    readValues(start, n, into, absent) {
      for (let i = 0; i < n; i++) {
        const v = plain[start + i];
        into[i] = v === MISSING_FACT ? absent : v;
      }
    },
    bytes: 8 * plain.length,
  };
}

/** Whole numbers below this are found by direct indexing rather than through a Map. */
const SMALL = 4096;

/**
 * Builds one column row by row, choosing its storage as it goes: dictionary codes while the column has at
 * most 65,536 distinct values (SameValueZero: -0 is coded as 0, which no operator tells apart), then
 * unboxed numbers if every value is a number, else plain values. Rows never added are absent.
 */
export class ColumnBuilder {
  private mode: 'coded' | 'numbers' | 'plain' = 'coded';
  private readonly codes = new PackedCodes();
  private readonly values: unknown[] = [MISSING_FACT];
  private readonly index = new Map<unknown, number>();
  private readonly small = new Int32Array(SMALL);
  private numbers: Float64Array | undefined;
  private plain: unknown[] | undefined;

  /** Sets row `row`'s value (rows in increasing order; `undefined` is a value held as undefined). */
  add(row: number, value: unknown): void {
    if (this.mode === 'coded') {
      const code = this.codeOf(value);
      if (code >= 0) return this.codes.set(row, code);
      this.leaveCodes(row, value);
    }
    if (this.mode === 'numbers') {
      if (typeof value === 'number' && value === value) {
        this.numbers = ensure(this.numbers!, row, NaN);
        this.numbers[row] = value;
        return;
      }
      this.plain = Array.from(this.numbers!, (x): unknown => (x === x ? x : MISSING_FACT));
      this.numbers = undefined;
      this.mode = 'plain';
    }
    while (this.plain!.length <= row) this.plain!.push(MISSING_FACT);
    this.plain![row] = value === undefined ? HELD_UNDEFINED : value;
  }

  /** The column over `rows` rows. */
  finish(rows: number): TableColumn {
    switch (this.mode) {
      case 'coded':
        return codedColumn(this.codes.finish(rows), this.values);
      case 'numbers': {
        const numbers = new Float64Array(rows).fill(NaN);
        numbers.set(this.numbers!.subarray(0, Math.min(rows, this.numbers!.length)));
        return numberColumn(numbers);
      }
      case 'plain': {
        const plain = this.plain!.slice(0, rows).map((v) => (v === HELD_UNDEFINED ? undefined : v));
        while (plain.length < rows) plain.push(MISSING_FACT);
        return plainColumn(plain);
      }
    }
  }

  /** The value's code, added when new; −1 when the dictionary is full. */
  private codeOf(value: unknown): number {
    const key = value === undefined ? HELD_UNDEFINED : value;
    if (typeof key === 'number' && key >= 0 && key < SMALL && (key | 0) === key) {
      const code = this.small[key]! - 1;
      if (code >= 0) return code;
      const added = this.addValue(key);
      if (added >= 0) this.small[key] = added + 1;
      return added;
    }
    const code = this.index.get(key);
    if (code !== undefined) return code;
    const added = this.addValue(key);
    if (added >= 0) this.index.set(key, added);
    return added;
  }

  private addValue(key: unknown): number {
    if (this.values.length === MAX_CODES) return -1;
    this.values.push(key);
    return this.values.length - 1;
  }

  /** Turns the codes so far into numbers or plain values, before adding `value` at `row`. */
  private leaveCodes(row: number, value: unknown): void {
    const isNumber = (v: unknown) => typeof v === 'number' && v === v;
    const values = this.values;
    if (isNumber(value) && values.every((v, code) => code === 0 || isNumber(v))) {
      const numbers = new Float64Array(Math.max(64, row * 2)).fill(NaN);
      for (let r = 0; r < this.codes.length; r++) numbers[r] = this.codes.at(r) === 0 ? NaN : (values[this.codes.at(r)] as number);
      this.numbers = numbers;
      this.mode = 'numbers';
      return;
    }
    this.plain = Array.from({ length: this.codes.length }, (_, r) => values[this.codes.at(r)]);
    this.mode = 'plain';
  }
}

/** `array`, or a larger copy (new rows filled with `fill`) when `row` is beyond it. */
function ensure(array: Float64Array, row: number, fill: number): Float64Array {
  if (row < array.length) return array;
  const larger = new Float64Array(Math.max(row + 1, array.length * 2)).fill(fill);
  larger.set(array);
  return larger;
}
