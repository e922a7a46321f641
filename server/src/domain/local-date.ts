/** China Standard Time, where the scheme runs: UTC+8 all year (no daylight saving). */
export const LOCAL_OFFSET_MINUTES = 8 * 60;

/**
 * The calendar date (`YYYY-MM-DD`) of an instant where the scheme runs: what "today" means for effective
 * dates and date filters.
 *
 * @example
 * localDate(new Date('2026-06-30T17:00:00Z')); // '2026-07-01'
 */
export function localDate(instant: Date, offsetMinutes = LOCAL_OFFSET_MINUTES): string {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The first instant (ISO 8601, UTC) of a local calendar date.
 *
 * @example
 * startOfLocalDate('2026-07-01'); // '2026-06-30T16:00:00.000Z'
 */
export function startOfLocalDate(date: string, offsetMinutes = LOCAL_OFFSET_MINUTES): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetMinutes * 60_000).toISOString();
}
