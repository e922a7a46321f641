/**
 * The dictionary codes of one column of a fact table: one small integer per resident, indexing the
 * column's distinct values.
 */
export interface Codes {
  readonly length: number;
  /** The code of row `row`. */
  at(row: number): number;
  /** The codes of rows `[start, start + n)` into `into[0…n)`. */
  read(start: number, n: number, into: Int32Array): void;
  /** Bytes held for the codes (shared storage not counted twice). */
  readonly bytes: number;
}

/** Widths a column's codes may take, narrowest first: 4, 16, 256 or 65,536 distinct values. */
const WIDTHS = [2, 4, 8, 16] as const;
type Width = (typeof WIDTHS)[number];

/** The most distinct codes packed codes hold. */
export const MAX_CODES = 1 << 16;

/**
 * Codes packed as tightly as the number of distinct values allows: 2 bits per resident for a flag
 * (true, false, absent), 4 for a short enum, a byte, or two bytes. Grows as rows and codes are added;
 * rows never set read code 0.
 *
 * @example
 * const codes = new PackedCodes();
 * codes.set(0, 3); codes.set(1, 70); // widens from 2 to 8 bits on the way
 * codes.at(1); // 70
 */
export class PackedCodes implements Codes {
  private bits: Width = 2;
  private data: Uint8Array | Uint16Array = new Uint8Array(16);
  /** Rows the storage can hold at the current width. */
  private capacity = 64;
  length = 0;

  at(row: number): number {
    const data = this.data;
    switch (this.bits) {
      case 2:
        return (data[row >> 2]! >> ((row & 3) << 1)) & 3;
      case 4:
        return (data[row >> 1]! >> ((row & 1) << 2)) & 15;
      default:
        return data[row]!;
    }
  }

  read(start: number, n: number, into: Int32Array): void {
    const data = this.data;
    switch (this.bits) {
      case 2:
        for (let i = 0, r = start; i < n; i++, r++) into[i] = (data[r >> 2]! >> ((r & 3) << 1)) & 3;
        return;
      case 4:
        for (let i = 0, r = start; i < n; i++, r++) into[i] = (data[r >> 1]! >> ((r & 1) << 2)) & 15;
        return;
      default:
        for (let i = 0; i < n; i++) into[i] = data[start + i]!;
    }
  }

  get bytes(): number {
    return this.data.byteLength;
  }

  /** Sets row `row` to `code` (< MAX_CODES), widening and growing as needed; later rows stay 0. */
  set(row: number, code: number): void {
    if (code >= 1 << this.bits) this.widen(code);
    if (row >= this.capacity) this.grow(row + 1);
    if (row >= this.length) this.length = row + 1;
    const data = this.data;
    switch (this.bits) {
      case 2: {
        const shift = (row & 3) << 1;
        data[row >> 2] = (data[row >> 2]! & ~(3 << shift)) | (code << shift);
        return;
      }
      case 4: {
        const shift = (row & 1) << 2;
        data[row >> 1] = (data[row >> 1]! & ~(15 << shift)) | (code << shift);
        return;
      }
      default:
        data[row] = code;
    }
  }

  /** Fixes the length at `rows` and gives back unused capacity. */
  finish(rows: number): this {
    this.length = rows;
    const size = storageSize(this.bits, rows);
    if (size < this.data.length) this.data = this.data.slice(0, size);
    this.capacity = rows;
    return this;
  }

  private widen(code: number): void {
    const bits = WIDTHS.find((b) => code < 1 << b);
    if (bits === undefined) throw new RangeError(`PackedCodes: code ${code} is over ${MAX_CODES - 1}`);
    const old = new Int32Array(this.length);
    this.read(0, this.length, old);
    this.bits = bits;
    this.data = allocate(bits, this.capacity);
    const length = this.length;
    this.length = 0;
    for (let r = 0; r < length; r++) if (old[r] !== 0) this.set(r, old[r]!);
    this.length = length;
  }

  private grow(rows: number): void {
    let capacity = this.capacity;
    while (capacity < rows) capacity *= 2;
    const data = allocate(this.bits, capacity);
    data.set(this.data);
    this.data = data;
    this.capacity = capacity;
  }
}

function storageSize(bits: Width, rows: number): number {
  // Elements of the typed array: bytes below 8 bits, one element per row from 8 bits.
  return bits >= 8 ? rows : Math.ceil((rows * bits) / 8);
}

function allocate(bits: Width, rows: number): Uint8Array | Uint16Array {
  return bits === 16 ? new Uint16Array(rows) : new Uint8Array(storageSize(bits, rows));
}

/**
 * Another column's codes seen through a map from its codes to these: a derived fact (full years of age)
 * shares the codes of the fact it is derived from (the birth date), so it costs nothing per resident.
 */
export class MappedCodes implements Codes {
  constructor(
    private readonly source: Codes,
    private readonly map: Int32Array,
  ) {}

  get length(): number {
    return this.source.length;
  }

  at(row: number): number {
    return this.map[this.source.at(row)]!;
  }

  read(start: number, n: number, into: Int32Array): void {
    this.source.read(start, n, into);
    const map = this.map;
    for (let i = 0; i < n; i++) into[i] = map[into[i]!]!;
  }

  get bytes(): number {
    return this.map.byteLength;
  }
}

/** Code 0 on every row: a fact no resident has. */
export class ConstantCodes implements Codes {
  readonly bytes = 0;
  constructor(readonly length: number) {}
  at(): number {
    return 0;
  }
  read(_start: number, n: number, into: Int32Array): void {
    into.fill(0, 0, n);
  }
}
