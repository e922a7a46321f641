import type { Text } from '../rule-set/schema';
import { addDays } from './day';
import { qingming, solarDateOfLunar } from './lunar';

/**
 * The statutory days off of one year, placed by the law alone: 全国年节及纪念日放假办法 (as revised by
 * State Council decree No. 795 in 2024, in force from 1 January 2025), article 2 — the holidays of all
 * citizens. The State Council's yearly notice adds bridging days, the make-up days for holidays that fall on
 * a weekend (补假) and the adjusted working weekends (调休); until it is known, these are the only days off
 * besides weekends.
 */
export interface StatutoryDay {
  date: string;
  name: Text;
}

const NAMES = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  springFestival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labourDay: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  nationalDay: { zh: '国庆节', en: 'National Day' },
} as const satisfies Record<string, Text>;

const cache = new Map<number, { list: readonly StatutoryDay[]; byDate: ReadonlyMap<string, StatutoryDay> }>();

/**
 * The statutory days off of `year`, in date order: 元旦 1 January; 春节 除夕 to 正月初三 (4 days); 清明节 the
 * Qingming solar-term day; 劳动节 1–2 May; 端午节 五月初五; 中秋节 八月十五; 国庆节 1–3 October.
 * 除夕 is the day before 正月初一, whether the twelfth lunar month has 29 or 30 days.
 *
 * @example
 * statutoryHolidays(2027).filter((d) => d.name.zh === '春节').map((d) => d.date);
 * // ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']
 */
export function statutoryHolidays(year: number): readonly StatutoryDay[] {
  return placed(year).list;
}

/** The statutory holiday on `date`, if there is one. */
export function statutoryDay(date: string): StatutoryDay | undefined {
  return placed(Number(date.slice(0, 4))).byDate.get(date);
}

function placed(year: number) {
  const cached = cache.get(year);
  if (cached) return cached;
  const newYear = solarDateOfLunar(year, 1, 1);
  const y = String(year).padStart(4, '0');
  const days: StatutoryDay[] = [
    { date: `${y}-01-01`, name: NAMES.newYear },
    ...[-1, 0, 1, 2].map((n) => ({ date: addDays(newYear, n), name: NAMES.springFestival })),
    { date: qingming(year), name: NAMES.qingming },
    { date: `${y}-05-01`, name: NAMES.labourDay },
    { date: `${y}-05-02`, name: NAMES.labourDay },
    { date: solarDateOfLunar(year, 5, 5), name: NAMES.dragonBoat },
    { date: solarDateOfLunar(year, 8, 15), name: NAMES.midAutumn },
    ...[1, 2, 3].map((d) => ({ date: `${y}-10-0${d}`, name: NAMES.nationalDay })),
  ];
  // 中秋 can fall on 1–3 October (2028: 3 October); it is then one day off, not two.
  const byDate = new Map<string, StatutoryDay>();
  for (const day of days) if (!byDate.has(day.date)) byDate.set(day.date, day);
  const list = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const entry = { list, byDate: new Map(list.map((d) => [d.date, d])) };
  cache.set(year, entry);
  return entry;
}
