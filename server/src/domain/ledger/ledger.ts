import { parseDate } from '../dates';
import { JifenError, type FieldError } from '../errors';
import { fromHundredths, toHundredths } from '../points';
import { checkTerm, lastValidDay } from './term';

/**
 * Points ledger arithmetic for exchangeable, time-limited indicators (social service): points are earned
 * with a date, lapse at the end of their term, and are spent oldest first (FIFO) on benefits. A spend can
 * only take points that are valid on its date, and no spend may take more than there is.
 * All sums are exact: points are held as integer hundredths (points.ts).
 */

export interface LedgerEntry {
  id: string;
  /** The ledger indicator, e.g. `socialService`. */
  indicator: string;
  /** Positive: earned, or spent when `kind` is `spend`. */
  points: number;
  /** The day the points were earned, or for a spend the day they were spent. */
  earnedOn: string;
  kind: 'earn' | 'spend';
  /** What the entry comes from: an activity record, a benefit exchange… */
  ref?: string;
}

/** Points of one earn entry still available on a date. */
export interface Lot {
  entry: string;
  earnedOn: string;
  lastValidDay: string;
  points: number;
}

/** What one spend takes from which earn entries. */
export interface Consumption {
  entry: string;
  points: number;
}

interface OpenLot {
  entry: LedgerEntry;
  lastValidDay: string;
  left: number;
}

/**
 * Replays an indicator's entries up to `until` in date order; on one day earnings come before spending.
 * Strict (planning a spend): a spend the valid points cannot cover is refused. Reading (a balance): a spend
 * already made stands and takes what was valid on its day — a later version with a shorter term can leave
 * it short, and the balance is then 0, never an error or below zero.
 */
function replay(entries: readonly LedgerEntry[], indicator: string, termYears: number, until?: string, mustCover: (spend: LedgerEntry) => boolean = () => true) {
  checkTerm(termYears);
  checkEntries(entries);
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.indicator === indicator && (until === undefined || entry.earnedOn <= until))
    .sort((a, b) => compare(a.entry.earnedOn, b.entry.earnedOn) || rank(a.entry) - rank(b.entry) || a.index - b.index);
  const lots: OpenLot[] = [];
  const spends = new Map<string, Consumption[]>();
  for (const { entry } of ordered) {
    if (entry.kind === 'earn') {
      lots.push({ entry, lastValidDay: lastValidDay(entry.earnedOn, termYears), left: toHundredths(entry.points) });
      continue;
    }
    let wanted = toHundredths(entry.points);
    const taken: Consumption[] = [];
    for (const lot of lots) {
      if (wanted === 0) break;
      if (lot.left === 0 || lot.lastValidDay < entry.earnedOn) continue;
      const take = Math.min(lot.left, wanted);
      lot.left -= take;
      wanted -= take;
      taken.push({ entry: lot.entry.id, points: fromHundredths(take) });
    }
    if (wanted > 0 && mustCover(entry)) {
      const short = fromHundredths(wanted);
      throw new JifenError('conflict', { en: `Ledger: insufficient points for ${indicator}: spend "${entry.id}" on ${entry.earnedOn} needs ${entry.points}, ${short} more than the valid balance`, zh: `积分不足：${entry.earnedOn} 的使用需要 ${entry.points} 分，有效余额还差 ${short} 分` });
    }
    spends.set(entry.id, taken);
  }
  return { lots, spends };
}

/**
 * The points of `indicator` still valid on `asOf`, oldest first: earned by then, not lapsed, not spent.
 *
 * @example
 * lotsAt(entries, 'socialService', 2, '2026-01-01'); // [{ entry: 'e7', earnedOn: '2025-03-02', lastValidDay: '2026-12-31', points: 4 }]
 */
export function lotsAt(entries: readonly LedgerEntry[], indicator: string, termYears: number, asOf: string): Lot[] {
  checkDate(asOf, 'asOf');
  return replay(entries, indicator, termYears, asOf, () => false)
    .lots.filter((lot) => lot.left > 0 && lot.lastValidDay >= asOf)
    .map((lot) => ({ entry: lot.entry.id, earnedOn: lot.entry.earnedOn, lastValidDay: lot.lastValidDay, points: fromHundredths(lot.left) }));
}

/** The balance of `indicator` on `asOf` (exact to 0.01). */
export function balanceAt(entries: readonly LedgerEntry[], indicator: string, termYears: number, asOf: string): number {
  return fromHundredths(lotsAt(entries, indicator, termYears, asOf).reduce((sum, lot) => sum + toHundredths(lot.points), 0));
}

export interface SpendPlan {
  cost: number;
  asOf: string;
  /** The earn entries the spend takes points from, oldest first. */
  consumes: Consumption[];
  balanceBefore: number;
  balanceAfter: number;
}

/**
 * Plans spending `cost` points of `indicator` on `asOf`: the oldest valid points go first. Refuses with
 * `conflict` when the balance is short — also when the spend would leave a later-dated spend already in
 * the ledger short — and with `validation_failed` on bad input. Run it in the same transaction that writes
 * the spend, so two exchanges at once cannot both see the same balance.
 *
 * @example
 * planSpend(entries, 'socialService', 2, 5, '2026-03-01').consumes; // [{ entry: 'e1', points: 3 }, { entry: 'e2', points: 2 }]
 */
export function planSpend(entries: readonly LedgerEntry[], indicator: string, termYears: number, cost: number, asOf: string): SpendPlan {
  checkDate(asOf, 'asOf');
  checkPoints(cost, 'cost');
  const balanceBefore = balanceAt(entries, indicator, termYears, asOf);
  if (toHundredths(cost) > toHundredths(balanceBefore)) {
    throw new JifenError('conflict', { en: `Ledger: insufficient points for ${indicator}: ${cost} needed, ${balanceBefore} available on ${asOf}`, zh: `积分不足：需要 ${cost} 分，${asOf} 的有效余额为 ${balanceBefore} 分` });
  }
  const id = '\u0000planned';
  const planned: LedgerEntry = { id, indicator, points: cost, earnedOn: asOf, kind: 'spend' };
  // Replayed whole: the planned spend comes after the day's other entries and before later-dated ones,
  // which must still be covered.
  // Spends before it stand as they were made; it and those dated after it must be covered.
  const consumes = replay([...entries, planned], indicator, termYears, undefined, (e) => e.id === id || e.earnedOn > asOf).spends.get(id) ?? [];
  return { cost, asOf, consumes, balanceBefore, balanceAfter: fromHundredths(toHundredths(balanceBefore) - toHundredths(cost)) };
}

/** Whether `cost` points of `indicator` can be spent on `asOf` (see `planSpend`). */
export function canSpend(entries: readonly LedgerEntry[], indicator: string, termYears: number, cost: number, asOf: string): boolean {
  try {
    planSpend(entries, indicator, termYears, cost, asOf);
    return true;
  } catch (error) {
    if (error instanceof JifenError && error.code === 'conflict') return false;
    throw error;
  }
}

function checkEntries(entries: readonly LedgerEntry[]): void {
  const problems: FieldError[] = [];
  entries.forEach((e, i) => {
    if (!parseDate(e.earnedOn)) problems.push({ path: `entries.${i}.earnedOn`, message: 'must be a date YYYY-MM-DD' });
    if (e.kind !== 'earn' && e.kind !== 'spend') problems.push({ path: `entries.${i}.kind`, message: 'must be "earn" or "spend"' });
    const bad = pointsProblem(e.points);
    if (bad) problems.push({ path: `entries.${i}.points`, message: bad });
  });
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Ledger: invalid entries', zh: '积分记录有误' }, problems);
}

function checkPoints(points: number, path: string): void {
  const bad = pointsProblem(points);
  if (bad) throw new JifenError('validation_failed', { en: `Ledger: ${path} ${bad}`, zh: '积分分值有误' }, [{ path, message: bad }]);
}

function pointsProblem(points: number): string | undefined {
  if (typeof points !== 'number' || !Number.isFinite(points) || points <= 0) return 'must be a positive number';
  if (Math.abs(toHundredths(points) - points * 100) > 1e-6) return 'must be a multiple of 0.01';
  return undefined;
}

function checkDate(value: string, path: string): void {
  if (!parseDate(value)) throw new JifenError('validation_failed', { en: `Ledger: ${path} "${value}" is not a date`, zh: `“${value}”不是有效的日期` }, [{ path, message: 'must be a date YYYY-MM-DD' }]);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rank = (e: LedgerEntry) => (e.kind === 'earn' ? 0 : 1);
