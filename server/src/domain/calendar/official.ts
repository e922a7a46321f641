import data from 'chinese-days/dist/chinese-days.json';
import type { Text } from '../rule-set/schema';

/**
 * The official holiday arrangements (国务院办公厅节假日安排) as the `chinese-days` library publishes them:
 * public holidays and adjusted working days (调休上班) by date. Jifen reads the library's published data
 * rather than its runtime functions, because those build their tables in the server's local time zone and
 * shift every holiday by a day west of UTC.
 */
const holidays: Readonly<Record<string, string>> = data.holidays;
const workdays: Readonly<Record<string, string>> = data.workdays;

const years = new Set<number>(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

/** What the official calendar says of `date`, or undefined when it names no holiday or adjusted working day. */
export function officialDay(date: string): { working: boolean; name: Text } | undefined {
  const worked = Object.hasOwn(workdays, date) ? workdays[date] : undefined;
  const off = Object.hasOwn(holidays, date) ? holidays[date] : undefined;
  const name = worked ?? off;
  if (name === undefined) return undefined;
  const [en = name, zh = name] = name.split(',');
  return { working: worked !== undefined, name: { en, zh } };
}

/** Whether the library has the official arrangement for `year`: every year has public holidays. */
export function hasOfficialYear(year: number): boolean {
  return years.has(year);
}
