import fc from 'fast-check';

/** Strings that have broken servers before: prototype keys, markup, control and bidi characters, lone surrogates. */
export const HOSTILE_STRINGS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '\r\nSet-Cookie: jifen_session=x',
  '\u202eevil\u202c',
  '\ud800',
  '\udfff\ud800',
  '𠀀𪚥🀄️👨‍👩‍👧',
  '积分申请（测试）',
  '../../../etc/passwd',
  "' OR 1=1 --",
  '%00%2e%2e%2f',
  '(a+)+$',
  '^(a|a)*$',
  '.*',
  '${7*7}{{7*7}}',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '2026-02-30',
  '9999-99-99',
  '',
  ' ',
  'x'.repeat(10_000),
];

/** Number spellings JSON allows but JavaScript turns into something else (Infinity, -0, a rounded integer). */
export const HOSTILE_NUMBERS: readonly string[] = [
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '123456789012345678901234567890',
  '9007199254740993',
  '1.7976931348623157e308',
  '0.1e-7',
  '-1',
  '0',
  '2147483648',
];

/** Bodies that are not JSON, or not quite. */
export const MALFORMED_BODIES: readonly string[] = [
  '',
  ' ',
  '{',
  '}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'NaN',
  'undefined',
  '{"a":NaN}',
  '{"a":Infinity}',
  '\ufeff{}',
  '{"a":"\\u12"}',
  '{"a":"\\x41"}',
  '{"a":1}{"b":2}',
  'null',
  'true',
  '"just a string"',
  '42',
  '[]',
  '{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\u0000',
];

/** A JSON value with hostile leaves. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 12)), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** `depth` levels of nesting, as JSON text: `[[[…]]]` or `{"a":{"a":…}}`. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * Replaces one value somewhere in `base` (an object or array, copied) by `replacement`, or adds a key.
 * `pick` chooses among the candidate places, so fast-check can shrink it.
 */
export function mutateAt(base: unknown, pick: number, replacement: unknown, newKey: string): unknown {
  const copy = structuredClone(base) as unknown;
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, i) => (places.push({ parent: node, key: i }), walk(child)));
    else if (node && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) places.push({ parent: node as Record<string, unknown>, key: k }), walk(child);
      places.push({ parent: node as Record<string, unknown>, key: newKey });
    }
  };
  walk(copy);
  if (places.length === 0) return replacement;
  const place = places[pick % places.length]!;
  if (Array.isArray(place.parent)) place.parent[place.key as number] = replacement;
  // defineProperty: a plain assignment of `__proto__` would change the prototype instead of adding a key.
  else Object.defineProperty(place.parent, place.key, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** JSON text of `value` where each string `"<raw:N>"` becomes the raw number spelling `HOSTILE_NUMBERS[N]`. */
export function withRawNumbers(value: unknown): string {
  return JSON.stringify(value).replace(/"<raw:(\d+)>"/g, (_m, n: string) => HOSTILE_NUMBERS[Number(n) % HOSTILE_NUMBERS.length]!);
}

/** A raw-number marker for `withRawNumbers`. */
export const rawNumber = fc.nat({ max: HOSTILE_NUMBERS.length - 1 }).map((n) => `<raw:${n}>`);
