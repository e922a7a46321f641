/**
 * JSON text written as UTF-8 bytes into one growing buffer, for answers of many megabytes made of the
 * same few keys and numbers (a batch's summaries): no string or object per value, so nothing for the
 * garbage collector. Callers write well-formed JSON themselves; `fixed` pieces are encoded once.
 * `raw`, `ascii` and `hundredths` write into room made beforehand with `reserve` (checking room for each
 * piece would cost as much as writing it); `value` and `text` make their own.
 *
 * @example
 * const out = new JsonBytes(1024);
 * const key = JsonBytes.fixed('{"total":');
 * out.reserve(64); out.raw(key); out.hundredths(10750); out.ascii('}');
 * out.bytes(); // {"total":107.5}
 */
export class JsonBytes {
  private buffer: Buffer;
  private at = 0;

  constructor(expected: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(expected, 64));
  }

  /** Encodes a piece of JSON text once, to be written many times with `raw`. */
  static fixed(text: string): Uint8Array {
    return Buffer.from(text, 'utf8');
  }

  /** Makes room for `bytes` more bytes of `raw`, `ascii` and `hundredths` (at most 24 bytes each). */
  reserve(bytes: number): void {
    this.room(bytes);
  }

  /** Bytes encoded with `fixed`. */
  raw(bytes: Uint8Array): void {
    const { buffer } = this;
    let at = this.at;
    // Short pieces (keys, punctuation) copy faster by hand than through `set`.
    if (bytes.length < 32) for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i]!;
    else {
      buffer.set(bytes, at);
      at += bytes.length;
    }
    this.at = at;
  }

  /** Text that is already JSON and plain ASCII (punctuation, `true`, `false`). */
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.buffer[this.at++] = text.charCodeAt(i);
  }

  /** Any value, as `JSON.stringify` writes it (ids, refusals). */
  value(value: unknown): void {
    this.text(JSON.stringify(value));
  }

  /** A piece of JSON text, in any script. */
  text(json: string): void {
    this.room(Buffer.byteLength(json, 'utf8'));
    this.at += this.buffer.write(json, this.at, 'utf8');
  }

  /**
   * An amount of hundredths (a safe integer) as the number it stands for, exactly as `JSON.stringify`
   * writes `hundredths / 100`: `10750` → `107.5`, `-5` → `-0.05`, `300` → `3`. (A 2-decimal value this
   * small has no shorter decimal that reads back as the same double, so the shortest form is this one.)
   */
  hundredths(hundredths: number): void {
    if (!Number.isSafeInteger(hundredths)) return this.value(hundredths / 100);
    const { buffer } = this;
    let h = hundredths;
    if (h < 0) {
      buffer[this.at++] = 0x2d;
      h = -h;
    }
    const whole = Math.floor(h / 100);
    const cents = h - whole * 100;
    this.whole(whole);
    if (cents !== 0) {
      buffer[this.at++] = 0x2e;
      buffer[this.at++] = 0x30 + Math.floor(cents / 10);
      if (cents % 10 !== 0) buffer[this.at++] = 0x30 + (cents % 10);
    }
  }

  /** What was written, as one view of the buffer. */
  bytes(): Uint8Array<ArrayBuffer> {
    // Buffer.allocUnsafe allocates over a plain ArrayBuffer (never a shared one).
    return this.buffer.subarray(0, this.at) as Uint8Array<ArrayBuffer>;
  }

  private whole(n: number): void {
    let place = 1;
    while (place * 10 <= n) place *= 10;
    for (let rest = n; place >= 1; place /= 10) {
      const digit = Math.floor(rest / place);
      this.buffer[this.at++] = 0x30 + digit;
      rest -= digit * place;
    }
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }
}
