import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';
import { JsonBytes } from './json-bytes';

describe('JsonBytes', () => {
  it('holds every piece of text and encoded bytes, in order, as one UTF-8 run, growing as it must', () => {
    const piece = fc.oneof(
      fc.record({ text: fc.string({ unit: 'binary', maxLength: 40 }) }),
      fc.record({ text: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) }),
      fc.record({ encoded: fc.string({ unit: 'grapheme', maxLength: 200 }) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 256 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (pieces, expected, head) => {
        // Room kept for a head written last (as a batch answer's counts are), exactly its size.
        const out = new JsonBytes(expected, Buffer.byteLength(head));
        for (const p of pieces) {
          if ('text' in p) out.text(p.text);
          else out.encoded(Buffer.from(p.encoded, 'utf8'));
        }
        out.prefix(head);
        const whole = head + pieces.map((p) => ('text' in p ? p.text : p.encoded)).join('');
        expect(Buffer.from(out.bytes()).equals(Buffer.from(whole, 'utf8'))).toBe(true);
      }),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });

  it('refuses a prefix larger than the room kept for it, rather than writing over the text', () => {
    const out = new JsonBytes(64, 6);
    out.text('[1]}');
    out.prefix('{"a":');
    expect(() => out.prefix('{"b":')).toThrow(/do not fit/);
    expect(Buffer.from(out.bytes()).toString('utf8')).toBe('{"a":[1]}');
  });

  it('writes a short piece whose ASCII turns to Chinese halfway as UTF-8, and a lone surrogate as U+FFFD', () => {
    const out = new JsonBytes(1);
    out.text('{"a":"积分"');
    out.text('\ud800');
    out.text(',"b":1}');
    expect(Buffer.from(out.bytes()).toString('utf8')).toBe('{"a":"积分"\ufffd,"b":1}');
  });
});
