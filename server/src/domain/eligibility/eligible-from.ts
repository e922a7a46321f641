import { daysInMonth, fullMonthsBetween, parseDate } from '../dates';
import { addDays } from '../calendar/day';
import type { LedgerEntry } from '../ledger/ledger';
import { scoringFacts } from '../residents/scoring-facts';
import type { FactRecord, Resident } from '../residents/types';
import { evaluate } from '../scoring/evaluate';
import type { FactValue, Facts, ResolvedRuleSet } from '../scoring/types';

/**
 * The provincial counters that grow by one each full month a resident keeps living in the province and
 * paying social insurance there (DESIGN.md's provincial facts). Everything else stays as recorded.
 */
export const MONTHLY_FACTS: readonly string[] = ['socialInsuranceMonths', 'residenceMonths'];

/** How far ahead "time alone" is looked for: ten years. */
export const HORIZON_MONTHS = 120;

/**
 * The date `months` later than `date`, on the same day or the month's last day when it is shorter.
 *
 * @example
 * addMonths('2026-01-31', 1); // '2026-02-28'
 */
export function addMonths(date: string, months: number): string {
  const p = parseDate(date);
  if (!p) throw new Error(`addMonths: "${date}" is not a date YYYY-MM-DD`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(p.d, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A resident's scoring facts on a later `date`, had they kept living in the province and paying social
 * insurance since `asOf`: the monthly counters grow by the full months between, age and every date-derived
 * fact follow the date, and time-limited ledger points lapse as they would (scoringFacts on `date`).
 *
 * @example
 * projectedFacts(rs, resident, record.facts, ledger, '2026-06-30', '2027-06-30').socialInsuranceMonths; // 12 more
 */
export function projectedFacts(
  rs: ResolvedRuleSet,
  resident: Pick<Resident, 'residenceRegistrationDate'>,
  recorded: Readonly<Record<string, FactRecord | FactValue>>,
  ledger: readonly LedgerEntry[],
  asOf: string,
  date: string,
): Facts {
  const facts: Record<string, FactValue> = { ...scoringFacts(rs, resident, recorded, ledger, date) };
  const months = fullMonthsBetween(asOf, date) ?? 0;
  for (const id of MONTHLY_FACTS) {
    const value = facts[id];
    const def = rs.facts.get(id);
    if (typeof value !== 'number' || !def) continue;
    facts[id] = def.max !== undefined ? Math.min(def.max, value + months) : value + months;
  }
  return facts;
}

/**
 * The first day on which time alone makes the resident eligible for the scenario — ageing (out of age
 * bands too) and lapsing time-limited points included — or null when that does not happen within ten
 * years, or the resident is eligible already. `factsOn(date)` gives the resident's facts on a date
 * (`projectedFacts`). Checks each month, then the days of the first month that makes it.
 *
 * @example
 * await eligibleFrom(rs, 'school-enrollment', (d) => projectedFacts(rs, resident, facts, ledger, asOf, d), asOf); // '2028-03-01'
 */
export async function eligibleFrom(
  rs: ResolvedRuleSet,
  scenarioId: string,
  factsOn: (date: string) => Facts,
  asOf: string,
  horizonMonths: number = HORIZON_MONTHS,
): Promise<string | null> {
  const eligibleOn = async (date: string) => (await evaluate(rs, factsOn(date), date)).scenarios.find((s) => s.id === scenarioId)?.eligible === true;
  if (await eligibleOn(asOf)) return null;
  for (let k = 1; k <= horizonMonths; k++) {
    const date = addMonths(asOf, k);
    if (!(await eligibleOn(date))) continue;
    for (let day = addDays(addMonths(asOf, k - 1), 1); day < date; day = addDays(day, 1)) {
      if (await eligibleOn(day)) return day;
    }
    return date;
  }
  return null;
}
