/** Longest text `text` copies by hand when it is ASCII. */
const SHORT_TEXT = 32;

/**
 * JSON text written as UTF-8 bytes into one growing buffer, for answers of many megabytes made of the
 * same few keys and numbers (a batch's summaries): no string or object per value, so nothing for the
 * garbage collector. Callers write well-formed JSON themselves: `text` and `value` for the odd piece, and
 * `fill` for a run of bytes written by hand (keys encoded once with `fixed`, figures with
 * `writeHundredths`) into room made for it beforehand — checking room for each byte would cost as much as
 * writing it.
 *
 * @example
 * const out = new JsonBytes(1024);
 * const key = JsonBytes.fixed('{"total":');
 * out.fill(64, (buffer, at) => {
 *   buffer.set(key, at);
 *   at = writeHundredths(buffer, at + key.length, 10750);
 *   buffer[at] = 0x7d; // }
 *   return at + 1;
 * });
 * out.bytes(); // {"total":107.5}
 */
export class JsonBytes {
  private buffer: Buffer;
  private at: number;
  /** Where the text starts: after room kept for a prefix written last (`prefix`). */
  private start: number;

  /** Room for `expected` bytes, the first `headroom` of them kept for `prefix`. */
  constructor(expected: number, headroom = 0) {
    this.buffer = Buffer.allocUnsafe(Math.max(expected, headroom, 64));
    this.at = this.start = headroom;
  }

  /** Encodes a piece of JSON text once, to be copied many times. */
  static fixed(text: string): Uint8Array {
    return Buffer.from(text, 'utf8');
  }

  /**
   * Makes room for `bytes` more bytes and lets `fill` write at most that many from `at` on, answering
   * where it stopped: a writer of many pieces keeps its place in a local variable, not in this object.
   */
  fill(bytes: number, fill: (buffer: Buffer, at: number) => number): void {
    this.room(bytes);
    this.at = fill(this.buffer, this.at);
  }

  /** Any value, as `JSON.stringify` writes it (ids, refusals). */
  value(value: unknown): void {
    this.text(JSON.stringify(value));
  }

  /**
   * A piece of JSON text, in any script. Room is made for the most its UTF-8 can take (3 bytes per UTF-16
   * unit) rather than counted; a short ASCII piece (a comma, a key) is copied by hand, which costs less
   * than a call to the encoder.
   */
  text(json: string): void {
    const n = json.length;
    this.room(n * 3);
    if (n <= SHORT_TEXT) {
      const { buffer } = this;
      let at = this.at;
      let i = 0;
      for (; i < n; i++) {
        const c = json.charCodeAt(i);
        if (c >= 0x80) break;
        buffer[at++] = c;
      }
      if (i === n) {
        this.at = at;
        return;
      }
    }
    this.at += this.buffer.write(json, this.at, 'utf8');
  }

  /** JSON already encoded as UTF-8 (a piece written once and kept). */
  encoded(json: Uint8Array): void {
    this.room(json.length);
    this.buffer.set(json, this.at);
    this.at += json.length;
  }

  /**
   * A piece of JSON text put before everything written so far, in the room kept for it: what comes
   * first but is known last (how many results an answer holds) without copying what follows.
   */
  prefix(json: string): void {
    const bytes = Buffer.from(json, 'utf8');
    if (bytes.length > this.start) throw new Error(`JsonBytes: ${bytes.length} bytes do not fit in the ${this.start} kept before the text`);
    this.start -= bytes.length;
    this.buffer.set(bytes, this.start);
  }

  /** What was written, as one view of the buffer. */
  bytes(): Uint8Array<ArrayBuffer> {
    // Buffer.allocUnsafe allocates over a plain ArrayBuffer (never a shared one).
    return this.buffer.subarray(this.start, this.at) as Uint8Array<ArrayBuffer>;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, this.start, this.start, this.at);
    this.buffer = grown;
  }
}

/**
 * Writes an amount of hundredths (a safe integer) at `at` as the number it stands for, exactly as
 * `JSON.stringify` writes `hundredths / 100` (`10750` → `107.5`, `-5` → `-0.05`, `300` → `3`: a 2-decimal
 * value this small has no shorter decimal that reads back as the same double), and answers the position
 * after it. Amounts within 32 bits, as points always are, take integer arithmetic only (a remainder of
 * doubles costs more than the rest of the number). Needs at most 24 bytes of room.
 */
export function writeHundredths(buffer: Uint8Array, at: number, hundredths: number): number {
  let h = hundredths | 0;
  if (h !== hundredths || h === -2147483648) return writeLarge(buffer, at, hundredths);
  if (h < 0) {
    buffer[at++] = 0x2d;
    h = -h;
  }
  const whole = (h / 100) | 0;
  const cents = h - whole * 100;
  let place = 1;
  while (place <= whole / 10) place *= 10;
  for (let rest = whole; place >= 1; place = (place / 10) | 0) {
    const digit = (rest / place) | 0;
    buffer[at++] = 0x30 + digit;
    rest -= digit * place;
  }
  if (cents !== 0) {
    const tens = (cents / 10) | 0;
    buffer[at++] = 0x2e;
    buffer[at++] = 0x30 + tens;
    if (cents !== tens * 10) buffer[at++] = 0x30 + cents - tens * 10;
  }
  return at;
}

/** Hundredths beyond 32 bits, or not whole: as `JSON.stringify` writes them. */
function writeLarge(buffer: Uint8Array, at: number, hundredths: number): number {
  const text = JSON.stringify(hundredths / 100);
  for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
  return at;
}
