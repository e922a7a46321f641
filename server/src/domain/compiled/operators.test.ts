import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS, type Operator } from '../rule-set/condition';
import { DERIVATIONS } from '../rule-set/schema';
import { derive } from '../scoring/facts';
import { OPERATOR_FNS } from '../scoring/operators';
import { deriveFast, packDate } from './facts/derive-fast';
import { leafKernel, present } from './leaf-kernels';
import { leafPredicate } from './leaf-predicate';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';

/** Values of every shape a fact or a literal can take, and a few no JSON can (NaN, ±∞, holes). */
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'x', '', '2026-06-30', '2000-02-29', 'bachelor', 0, -0, 1, 12, 59.5, -3, NaN, Infinity, -Infinity, true, false),
  fc.integer({ min: -5, max: 130 }),
  fc.string({ maxLength: 3 }),
);
const list = fc.oneof(fc.array(scalar, { maxLength: 4 }), fc.constant([, 'a'] as unknown[]));
const anyValue = fc.oneof(scalar, list, fc.constantFrom(undefined, null, {}, { a: 1 }));
const operator = fc.constantFrom(...OPERATORS);

describe('compiled operators', () => {
  it('each specialised leaf answers exactly as OPERATOR_FNS', () => {
    fc.assert(
      fc.property(operator, anyValue, anyValue, (op: Operator, a, b) => {
        expect(leafPredicate(op, b, 1)([undefined, a])).toBe(OPERATOR_FNS[op](a, b));
      }),
      { numRuns: 20_000, seed: PROPERTY_SEED },
    );
  });

  it('each batch kernel answers exactly as OPERATOR_FNS, row by row, on plain and numeric columns', () => {
    fc.assert(
      fc.property(operator, anyValue, fc.array(anyValue, { minLength: 1, maxLength: 12 }), (op: Operator, b, values) => {
        const out = new Uint8Array(values.length);
        leafKernel({ fact: 'f', operator: op, value: b as never }, { values: [...values], nanAbsent: false }, out)(values.length);
        expect([...out]).toEqual(values.map((a) => (OPERATOR_FNS[op](a, b) ? 1 : 0)));
        // A column of numbers where NaN stands for an absent value.
        const numbers = Float64Array.from(values, (v) => (typeof v === 'number' && v === v ? v : NaN));
        leafKernel({ fact: 'f', operator: op, value: b as never }, { values: numbers, nanAbsent: true }, out)(values.length);
        expect([...out]).toEqual([...numbers].map((a) => (OPERATOR_FNS[op](present(a, true), b) ? 1 : 0)));
      }),
      { numRuns: 5_000, seed: PROPERTY_SEED },
    );
  });

  it('rejects an operator it does not know when compiling', () => {
    expect(() => leafPredicate('matches' as Operator, 'x', 0)).toThrow(/Compile: unknown operator "matches"/);
  });
});

describe('compiled derived facts', () => {
  const day = fc
    .record({ y: fc.integer({ min: 1890, max: 2030 }), m: fc.integer({ min: 1, max: 13 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const input = fc.oneof(day, fc.constantFrom('2000-02-29', '2001-02-29', '1999-12-31', '20000-01-01', 'not a date', '2024-1-01', 7, undefined), fc.array(fc.string(), { maxLength: 3 }));

  it('give what derive gives, for every derivation, date and non-date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DERIVATIONS), input, input, day, (derivation, from, until, asOf) => {
        const expected = derive({ id: 'd', title: { zh: 'd', en: 'd' }, derivation, fact: 'a', until: 'b' }, { a: from as never, b: until as never }, asOf);
        expect(deriveFast(derivation, from, until, packDate(asOf))).toBe(expected);
      }),
      { numRuns: 20_000, seed: PROPERTY_SEED },
    );
  });
});
