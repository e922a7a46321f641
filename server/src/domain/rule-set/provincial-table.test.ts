import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { PROPERTY_SEED } from '../../../../test/support/data/property-seed';
import { evaluate } from '../scoring/evaluate';
import { parseFacts } from '../scoring/facts';

/**
 * The provincial contract (README "Rule sets"): `provincial-common` scores exactly by the official table (附件1: 浙江省级共性指标赋分标准) on
 * any input. The table is written out here a second time, by hand and independently of the rule set.
 */
const provincial = loadShippedRuleSets().get('provincial-common@1')!;

const EDUCATION = ['doctorate', 'master', 'bachelor', 'associate', 'high_school', 'secondary_vocational', 'junior_high_or_below'] as const;
const VOCATIONAL = [
  'qualification_level_1', 'qualification_level_2', 'qualification_level_3', 'qualification_level_4', 'qualification_level_5',
  'title_senior', 'title_intermediate', 'title_junior', 'special_senior', 'special_ordinary',
] as const;

interface Input {
  birthDate?: string;
  education?: (typeof EDUCATION)[number];
  vocational?: (typeof VOCATIONAL)[number][];
  socialInsuranceMonths?: number;
  residenceMonths?: number;
}

/** 周岁: whole years, the birthday counting once its month and day are reached. */
function fullYears(birth: string, asOf: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function officialTable(input: Input, asOf: string): Record<string, number> {
  let age = 0;
  if (input.birthDate !== undefined) {
    const years = fullYears(input.birthDate, asOf);
    // 55–60: 5; one more per year younger, up to 20; over 60: 0. A birth date after asOf has no age.
    if (years >= 0) age = years > 60 ? 0 : years >= 55 ? 5 : Math.min(20, 5 + (55 - years));
  }
  const edu = input.education;
  const education = edu === undefined ? 0 : ['doctorate', 'master', 'bachelor'].includes(edu) ? 10 : edu === 'associate' ? 8 : 5;
  const held = new Set(input.vocational ?? []);
  const has = (...ids: string[]) => ids.some((id) => held.has(id as (typeof VOCATIONAL)[number]));
  const vocational = has('qualification_level_1', 'qualification_level_2', 'title_senior', 'title_intermediate') ? 10
    : has('qualification_level_3', 'title_junior', 'special_senior') ? 8
    : has('qualification_level_4') ? 5
    : has('qualification_level_5', 'special_ordinary') ? 3
    : 0;
  const socialInsurance = Math.min(30, (input.socialInsuranceMonths ?? 0) * 0.5);
  const residence = Math.min(30, (input.residenceMonths ?? 0) * 0.25);
  return { age, education, vocational, socialInsurance, residence };
}

const date = (from: number, to: number) =>
  fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

const input: fc.Arbitrary<Input> = fc.record(
  {
    birthDate: date(1940, 2012),
    education: fc.constantFrom(...EDUCATION),
    vocational: fc.uniqueArray(fc.constantFrom(...VOCATIONAL), { maxLength: 4 }),
    socialInsuranceMonths: fc.integer({ min: 0, max: 400 }),
    residenceMonths: fc.integer({ min: 0, max: 400 }),
  },
  { requiredKeys: [] },
);

describe('provincial-common reproduces the official table (附件1)', () => {
  it('on any resident and date', async () => {
    await fc.assert(
      fc.asyncProperty(input, date(2024, 2030), async (facts, asOf) => {
        const result = await evaluate(provincial, parseFacts(provincial, facts), asOf);
        const expected = officialTable(facts, asOf);
        const actual = Object.fromEntries(result.indicators.map((i) => [i.id, i.points]));
        expect(actual).toEqual(expected);
        const sum = Object.values(expected).reduce((a, b) => a + b, 0);
        expect(result.total).toBeCloseTo(Math.min(100, sum), 10);
        expect(result.groups).toMatchObject([{ id: 'provincial', cap: 100 }]);
      }),
      { numRuns: 400, seed: PROPERTY_SEED },
    );
  });

  it('on every age from 0 to 80 around the birthday', async () => {
    for (let years = 0; years <= 80; years++) {
      for (const asOf of ['2025-06-30', '2025-07-01']) {
        const facts = { birthDate: `${2025 - years}-07-01` };
        const result = await evaluate(provincial, parseFacts(provincial, facts), asOf);
        expect(result.indicators.find((i) => i.id === 'age')?.points, `${years} years, ${asOf}`).toBe(officialTable(facts, asOf).age);
      }
    }
  });
});
