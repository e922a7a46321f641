import type { FactValue } from '../scoring/types';
import { seededRandom } from '../seeded-random';

/**
 * A deterministic synthetic population for demonstrations: the same seed gives the same residents,
 * families, fact histories and ledgers on every machine. All dates are fixed (no clock); the feeds that
 * "delivered" the facts are named after the district's data sources.
 */

export interface DemoFact {
  fact: string;
  value: FactValue;
  /** The feed source that delivered it. */
  source: string;
  at: string;
}

export interface DemoResident {
  id: string;
  permitNumber: string;
  name: string;
  residenceRegistrationDate: string;
  spouseId?: string;
  /** Fact history, oldest first: some facts were delivered twice (an earlier value, then the current one). */
  history: DemoFact[];
  ledger: { indicator: string; points: number; earnedOn: string; ref: string; source: string }[];
}

export interface DemoChild {
  id: string;
  name: string;
  birthDate: string;
  parentIds: [string, string] | [string];
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建文辉玉红金兰小春海云凤梅鹏飞宇浩然晨欣怡子轩梓涵雨诗佳琪博文俊杰嘉怡思远';
const EDUCATION = ['doctorate', 'master', 'bachelor', 'bachelor', 'associate', 'associate', 'high_school', 'secondary_vocational', 'junior_high_or_below', 'junior_high_or_below'];
const VOCATIONAL = ['qualification_level_2', 'qualification_level_3', 'qualification_level_4', 'qualification_level_5', 'title_intermediate', 'title_junior', 'special_ordinary'];
const EMPLOYMENT = ['contract', 'contract', 'contract', 'self_employed', 'flexible', 'flexible', 'not_employed'];
const HOUSING = ['owned', 'registered_rental', 'registered_rental', 'registered_rental', 'employer_dormitory', 'other'];


const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The check character of an 18-character resident identity number (ISO 7064 MOD 11-2, GB 11643). */
export function permitCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/**
 * `count` residents (`res-000001`…) and their children. About 40% are married to the next resident in the
 * list; couples have up to two minor children; a third have volunteer hours and a tenth blood donations in
 * their points ledger.
 *
 * @example
 * const { residents, children } = demoPopulation(20_000);
 */
export function demoPopulation(count: number, seed = 20_260_101): { residents: DemoResident[]; children: DemoChild[] } {
  const r = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const chance = (p: number) => r() < p;
  const date = (y: number) => `${y}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const name = () => pick([...SURNAMES]) + pick([...GIVEN]) + (chance(0.7) ? pick([...GIVEN]) : '');

  const residents: DemoResident[] = [];
  const children: DemoChild[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `res-${pad(i, 6)}`;
    const birthYear = int(1964, 2003);
    const birthDate = date(birthYear);
    const first17 = `3301${pad(Math.floor(i / 1000) % 100)}${birthDate.replaceAll("-", "")}${pad(i % 1000, 3)}`;
    const registered = date(int(Math.max(2008, birthYear + 18), 2025));
    const provinceMonths = Math.max(0, (2026 - Number(registered.slice(0, 4))) * 12 + int(0, 60));
    const workMonths = Math.max(0, (2025 - birthYear - 18) * 12);
    const insurance = Math.min(workMonths, int(0, 180));
    const employment = pick(EMPLOYMENT);
    const feed = (fact: string, value: FactValue, source: string, at: string) => history.push({ fact, value, source, at });
    const history: DemoFact[] = [];
    const t1 = `2025-${pad(int(1, 6))}-${pad(int(1, 28))}T0${int(1, 8)}:00:00.000Z`;
    const t2 = `2025-${pad(int(7, 12))}-${pad(int(1, 28))}T0${int(1, 8)}:00:00.000Z`;
    feed('birthDate', birthDate, 'police', t1);
    feed('education', pick(EDUCATION), 'education', t1);
    if (chance(0.45)) feed('vocational', [...new Set([pick(VOCATIONAL), ...(chance(0.2) ? [pick(VOCATIONAL)] : [])])], 'hrss', t1);
    // Social insurance and residence were delivered twice: mid-year, then the current figure.
    feed('socialInsuranceMonths', Math.max(0, insurance - 6), 'hrss', t1);
    feed('socialInsuranceMonths', insurance, 'hrss', t2);
    feed('residenceMonths', Math.max(0, provinceMonths - 6), 'police', t1);
    feed('residenceMonths', provinceMonths, 'police', t2);
    feed('appRegistered', chance(0.8), 'app', t1);
    if (chance(0.6)) feed('profileVerified', true, 'app', t2);
    feed('employmentStatus', employment, 'hrss', t1);
    if (employment !== 'not_employed') feed('employmentMonths', int(1, 120), 'hrss', t2);
    feed('housing', pick(HOUSING), 'housing', t1);
    if (chance(0.08)) feed('investmentYuan', pick([200_000, 350_000, 1_200_000, 6_000_000]), 'commerce', t1);
    if (chance(0.5)) feed('annualTaxYuan', int(0, 60) * 1000, 'tax', t2);
    if (chance(0.03)) feed('inventionPatents', int(1, 4), 'science', t1);
    if (chance(0.02)) feed('innovationAwards', [pick(['national_science_award', 'provincial_science_award', 'city_science_award'])], 'science', t1);
    if (chance(0.05)) feed('honours', [pick(['provincial_honour', 'city_honour', 'district_honour', 'district_honour'])], 'publicity', t1);
    if (chance(0.01)) feed('goodSamaritan', true, 'politics-law', t1);
    if (chance(0.03)) feed('specialStatus', [pick(['martyr_family', 'veteran', 'veteran', 'military_family'])], 'veterans', t1);
    if (chance(0.02)) feed('civicRoles', [pick(['npc_deputy', 'cppcc_member', 'community_council', 'community_council'])], 'united-front', t1);
    if (chance(0.005)) feed('vetoGrounds', [pick(['criminal_penalty', 'false_material', 'serious_dishonesty'])], 'credit', t2);
    if (chance(0.04)) feed('administrativePenalties', int(1, 2), 'police', t2);
    if (chance(0.03)) feed('dishonestyRecords', int(1, 3), 'credit', t2);
    if (chance(0.02)) feed('unsafeRentalHousing', true, 'emergency', t2);
    if (chance(0.05)) feed('uncivilRecords', int(1, 3), 'enforcement', t2);

    const ledger: DemoResident['ledger'] = [];
    if (chance(0.33)) {
      for (let k = int(1, 4); k > 0; k--) {
        ledger.push({ indicator: 'volunteerService', points: int(1, 6), earnedOn: date(int(2022, 2025)), ref: `volunteer-${i}-${k}`, source: 'volunteers' });
      }
    }
    if (chance(0.1)) {
      for (let k = int(1, 3); k > 0; k--) ledger.push({ indicator: 'bloodDonation', points: 3, earnedOn: date(int(2022, 2025)), ref: `blood-${i}-${k}`, source: 'health' });
    }
    residents.push({ id, permitNumber: first17 + permitCheckChar(first17), name: name(), residenceRegistrationDate: registered, history, ledger });
  }

  // Couples: a resident and the next one, so families are easy to find in the demo.
  for (let i = 0; i + 1 < residents.length; i += 2) {
    if (!chance(0.4)) continue;
    const [a, b] = [residents[i]!, residents[i + 1]!];
    a.spouseId = b.id;
    b.spouseId = a.id;
    const kids = int(0, 2);
    for (let k = 1; k <= kids; k++) {
      children.push({ id: `child-${a.id.slice(4)}-${k}`, name: a.name[0]! + pick([...GIVEN]) + pick([...GIVEN]), birthDate: date(int(2010, 2023)), parentIds: [a.id, b.id] });
    }
    if (kids > 0) {
      const at = '2025-09-01T01:00:00.000Z';
      a.history.push({ fact: 'accompanyingChildren', value: kids, source: 'education', at });
      b.history.push({ fact: 'accompanyingChildren', value: kids, source: 'education', at });
    }
  }
  return { residents, children };
}
