import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../server/src/domain/scoring/evaluate';
import { parseFacts } from '../../../server/src/domain/scoring/facts';
import { seededRandom } from '../../../server/src/domain/seeded-random';
import { population, POPULATION_AS_OF } from './population';
import { loadShippedRuleSets } from './rule-sets';

const district = loadShippedRuleSets().get('district-sample@1')!;

describe('population', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(population(200, 7)).toEqual(population(200, 7));
    expect(population(200, 7)).not.toEqual(population(200, 8));
    expect(population(5, 7)).toEqual(population(200, 7).slice(0, 5));
    const a = seededRandom(1);
    const first = [a(), a(), a()];
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(first).size).toBe(3);
  });

  it('gives every resident facts the district rule set accepts', () => {
    for (const { id, facts } of population(2_000, 1)) {
      expect(() => parseFacts(district, facts), id).not.toThrow();
    }
  });

  it('gives every resident facts that are possible on its date, within the fact bounds of every shipped version', () => {
    const shipped = loadShippedRuleSets();
    for (const key of ['district-sample@1', 'district-sample@2']) {
      const rs = shipped.get(key)!;
      for (const { id, facts } of population(10_000, 7)) expect(() => parseFacts(rs, facts, 'facts', POPULATION_AS_OF), `${key} ${id}`).not.toThrow();
    }
  });

  it('scores like a real district: spread totals, a few vetoes, some deductions, some missing facts', async () => {
    const residents = population(1_000, 3);
    const results = await Promise.all(residents.map((r) => evaluate(district, parseFacts(district, r.facts), POPULATION_AS_OF)));
    const totals = results.map((r) => r.total).sort((a, b) => a - b);
    const vetoed = results.filter((r) => r.vetoed).length;
    const deducted = results.filter((r) => (r.groups.find((g) => g.id === 'district')?.deductions ?? 0) > 0).length;
    const school = results.filter((r) => r.scenarios.find((s) => s.id === 'school-enrollment')?.eligible).length;
    expect(totals[0]).toBeLessThan(60);
    expect(totals[totals.length - 1]).toBeGreaterThan(150);
    expect(totals[500]).toBeGreaterThan(60);
    expect(totals[500]).toBeLessThan(140);
    expect(vetoed).toBeGreaterThan(0);
    expect(vetoed).toBeLessThan(30);
    expect(deducted).toBeGreaterThan(50);
    expect(deducted).toBeLessThan(300);
    expect(school).toBeGreaterThan(50);
    expect(school).toBeLessThan(700);
    expect(residents.filter((r) => r.facts.education === undefined).length).toBeGreaterThan(5);
  });
});
