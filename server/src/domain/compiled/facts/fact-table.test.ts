import { describe, expect, it } from 'vitest';
import { population } from '../../../../../test/support/data/population';
import { evaluationNumbers, populationNumbers } from '../../../../../test/support/data/score-numbers';
import { loadShippedRuleSets } from '../../../../../test/support/data/rule-sets';
import { smallRuleSet } from '../../../../../test/support/data/small-rule-set';
import type { Facts } from '../../scoring/types';
import { evaluateCompiled } from '../evaluate-compiled';
import { factTable, MISSING_FACT } from './fact-table';
import { PackedCodes } from './packed-codes';
import { scorePopulation } from '../population';

const ASOF = '2026-06-30';

describe('packed codes', () => {
  it('keeps every code while widening from 2 bits to 16', () => {
    const codes = new PackedCodes();
    const written = [3, 1, 0, 15, 2, 255, 7, 65_535, 9, 300];
    written.forEach((code, row) => codes.set(row * 3, code));
    codes.finish(written.length * 3);
    const read = new Int32Array(codes.length);
    codes.read(0, codes.length, read);
    written.forEach((code, row) => {
      expect(codes.at(row * 3)).toBe(code);
      expect(read[row * 3]).toBe(code);
      expect(codes.at(row * 3 + 1)).toBe(0);
    });
  });

  it('packs a flag into 2 bits per resident', () => {
    const codes = new PackedCodes();
    for (let r = 0; r < 1_000; r++) codes.set(r, r % 3);
    expect(codes.finish(1_000).bytes).toBe(250);
  });
});

describe('fact table', () => {
  it('gives every record back as it was given, whatever each column is stored as', () => {
    const records: Facts[] = Array.from({ length: 100_000 }, (_, r) => {
      const facts: Record<string, unknown> = { flag: r % 2 === 0, months: r % 300 };
      // More distinct numbers than a dictionary holds: stored as numbers.
      if (r % 5 !== 0) facts.amount = r * 1.5;
      // More distinct strings than a dictionary holds, then a number: stored as plain values.
      if (r % 7 !== 0) facts.note = r === 99_999 ? 12 : `note ${r}`;
      if (r % 11 === 0) facts.tags = r % 2 ? ['a', 'b'] : [];
      if (r === 5) facts.held = undefined;
      return facts as Facts;
    });
    const table = factTable(records);
    expect(table.column('amount').dictionary).toBeUndefined();
    expect(table.column('amount').numeric).toBe(true);
    expect(table.column('note').numeric).toBe(false);
    expect(table.column('months').dictionary?.values.length).toBe(301);
    for (const r of [0, 1, 5, 7, 11, 22, 35, 69_993, 99_998, 99_999]) {
      const row = table.row(r);
      expect(row, `row ${r}`).toEqual(records[r]);
      expect(Object.hasOwn(row, 'held')).toBe(r === 5);
    }
    expect(table.column('unknown').at(3)).toBe(MISSING_FACT);
  });

  it('holds the seeded district population in well under 100 bytes per resident, derived facts included', () => {
    const district = loadShippedRuleSets().get('district-sample@1')!;
    const residents = population(20_000, 3);
    const table = factTable(residents.map((r) => r.facts));
    const scores = scorePopulation(district, { ids: residents.map((r) => r.id), facts: table }, ASOF, { indicators: true });
    expect(table.bytes / table.length).toBeLessThan(100);
    for (let r = 0; r < residents.length; r += 97) {
      expect(populationNumbers(scores, r)).toEqual(evaluationNumbers(evaluateCompiled(district, residents[r]!.facts, ASOF)));
    }
  });

  it('scores numbers stored without a dictionary as the explaining mode does', () => {
    const rs = smallRuleSet();
    const records = Array.from({ length: 70_000 }, (_, r): Facts => ({ months: r / 4, member: r % 3 === 0 }));
    const scores = scorePopulation(rs, records.map((facts, r) => ({ id: `r${r}`, facts })), ASOF, { indicators: true });
    for (let r = 0; r < records.length; r += 997) {
      expect(populationNumbers(scores, r)).toEqual(evaluationNumbers(evaluateCompiled(rs, records[r]!, ASOF)));
    }
  });
});
