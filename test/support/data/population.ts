import type { FactValue } from '../../../server/src/domain/scoring/types';
import { seededRandom } from '../../../server/src/domain/seeded-random';

/** The date the population's dates are drawn around; evaluate it `asOf` this day or later. */
export const POPULATION_AS_OF = '2025-07-01';

/** One synthetic resident of the sample district. */
export interface SyntheticResident {
  /** Stable within one seed: `r000001`… */
  id: string;
  facts: Record<string, FactValue>;
}


type Random = ReturnType<typeof draw>;

function draw(next: () => number) {
  const r = {
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    /** Exponentially distributed whole number with the given mean, at most `max`. */
    exp: (mean: number, max: number) => Math.min(max, Math.floor(-Math.log(1 - next()) * mean)),
    normal: (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: <T extends string>(weights: readonly (readonly [T, number])[]): T => {
      const total = weights.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [value, w] of weights) if ((x -= w) < 0) return value;
      return weights[weights.length - 1]![0];
    },
  };
  return r;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date `months` whole months (and a few days) before POPULATION_AS_OF. */
function monthsBefore(rnd: Random, months: number): string {
  const total = 2025 * 12 + 6 - months; // POPULATION_AS_OF is in July (month index 6)
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const day = rnd.int(1, 28);
  // In POPULATION_AS_OF's own month only its first day is not after it.
  return `${y}-${pad(m)}-${pad(months === 0 ? 1 : day)}`;
}

/** Full months from the birthday at `age` to POPULATION_AS_OF (2025-07-01): no one lives or is insured somewhere for longer. */
function monthsSinceAge(birthDate: string, age: number): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return Math.max(0, (2025 - (y + age)) * 12 + (7 - m) - (d > 1 ? 1 : 0));
}

/**
 * `n` residents' facts for the `district-sample` rule set (with `provincial-common`), drawn from plausible
 * distributions: mostly working-age renters with a few years of insurance; a few owners, investors and
 * award winners; some facts missing; about 1 in 200 vetoed and about 1 in 8 with a deduction. Every
 * record is possible on POPULATION_AS_OF (within the shipped rule sets' fact bounds).
 * Deterministic: the same `n` and `seed` always give the same residents.
 *
 * @example
 * for (const { id, facts } of population(10_000, 42)) await evaluate(rs, facts, POPULATION_AS_OF);
 */
export function population(n: number, seed: number): SyntheticResident[] {
  return [...populationStream(n, seed)];
}

/**
 * The same residents as `population(n, seed)`, one at a time, for populations too large to hold as
 * records (millions, straight into a fact table).
 *
 * @example
 * const table = residentTable(populationStream(5_000_000, 2026));
 */
export function* populationStream(n: number, seed: number): Generator<SyntheticResident, void, void> {
  const rnd = draw(seededRandom(seed));
  for (let i = 0; i < n; i++) yield { id: `r${String(i + 1).padStart(6, '0')}`, facts: resident(rnd) };
}

function resident(rnd: Random): Record<string, FactValue> {
  const f: Record<string, FactValue> = {};
  const age = Math.max(18, Math.min(75, Math.round(rnd.normal(36, 10))));
  f.birthDate = `${2025 - age - (rnd.chance(0.5) ? 1 : 0)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  if (rnd.chance(0.97)) {
    f.education = rnd.pick([
      ['doctorate', 1], ['master', 4], ['bachelor', 20], ['associate', 22],
      ['high_school', 20], ['secondary_vocational', 13], ['junior_high_or_below', 20],
    ] as const);
  }
  if (rnd.chance(0.95)) {
    const credentials = new Set<string>();
    const count = rnd.pick([['0', 55], ['1', 35], ['2', 10]] as const);
    for (let k = 0; k < Number(count); k++) {
      credentials.add(rnd.pick([
        ['qualification_level_1', 1], ['qualification_level_2', 3], ['qualification_level_3', 8], ['qualification_level_4', 14],
        ['qualification_level_5', 14], ['title_senior', 1], ['title_intermediate', 4], ['title_junior', 8],
        ['special_senior', 3], ['special_ordinary', 8],
      ] as const));
    }
    f.vocational = [...credentials];
  }
  if (rnd.chance(0.98)) f.socialInsuranceMonths = Math.min(rnd.exp(40, 240), monthsSinceAge(f.birthDate, 16));
  const residenceMonths = Math.min(rnd.exp(50, 300), monthsSinceAge(f.birthDate, 0));
  if (rnd.chance(0.98)) f.residenceMonths = residenceMonths;
  if (rnd.chance(0.97)) f.residenceRegistrationDate = monthsBefore(rnd, Math.floor(residenceMonths * (0.3 + 0.7 * rnd.int(0, 100) / 100)));
  f.accompanyingChildren = Number(rnd.pick([['0', 50], ['1', 35], ['2', 13], ['3', 2]] as const));

  const app = rnd.pick([['yes', 70], ['no', 25], ['unknown', 5]] as const);
  if (app !== 'unknown') {
    f.appRegistered = app === 'yes';
    f.profileVerified = app === 'yes' && rnd.chance(0.75);
  }
  const status = rnd.pick([['contract', 55], ['self_employed', 10], ['flexible', 20], ['not_employed', 10], ['unknown', 5]] as const);
  const working = status === 'contract' || status === 'self_employed' || status === 'flexible';
  if (status !== 'unknown') f.employmentStatus = status;
  if (working) {
    f.employmentMonths = rnd.exp(30, 240);
    if (rnd.chance(0.9)) f.annualTaxYuan = rnd.exp(3000, 200_000);
  }
  const housing = rnd.pick([['owned', 12], ['registered_rental', 45], ['employer_dormitory', 20], ['other', 18], ['unknown', 5]] as const);
  if (housing !== 'unknown') f.housing = housing;
  if (rnd.chance(status === 'self_employed' ? 0.5 : 0.03)) f.investmentYuan = rnd.pick([['100000', 30], ['300000', 30], ['1000000', 25], ['5000000', 15]] as const) === '100000' ? rnd.int(50_000, 299_999) : rnd.int(300_000, 8_000_000);
  if (rnd.chance(0.03)) f.inventionPatents = rnd.int(1, 5);
  if (rnd.chance(0.02)) f.innovationAwards = [rnd.pick([['national_science_award', 1], ['provincial_science_award', 4], ['city_science_award', 10]] as const)];
  if (rnd.chance(0.1)) f.honours = [rnd.pick([['national_honour', 1], ['provincial_honour', 4], ['city_honour', 15], ['district_honour', 30]] as const)];
  if (rnd.chance(0.01)) f.goodSamaritan = true;
  if (rnd.chance(0.073)) f.specialStatus = [rnd.pick([['veteran', 50], ['military_family', 20], ['martyr_family', 3]] as const)];
  if (rnd.chance(0.04)) f.civicRoles = [rnd.pick([['community_council', 30], ['npc_deputy', 3], ['cppcc_member', 2], ['party_congress_delegate', 2]] as const)];
  if (rnd.chance(0.6)) f.volunteerHours = rnd.exp(40, 1000);
  if (rnd.chance(0.2)) f.bloodDonations = rnd.int(1, 8);

  if (rnd.chance(0.005)) f.vetoGrounds = [rnd.pick([['criminal_penalty', 2], ['false_material', 1], ['serious_dishonesty', 1]] as const)];
  if (rnd.chance(0.04)) f.administrativePenalties = rnd.int(1, 3);
  if (rnd.chance(0.03)) f.dishonestyRecords = rnd.int(1, 5);
  if (housing === 'registered_rental' || housing === 'other') f.unsafeRentalHousing = rnd.chance(0.03);
  if (rnd.chance(0.05)) f.uncivilRecords = rnd.int(1, 6);
  return f;
}
