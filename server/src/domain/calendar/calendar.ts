import type { HolidayNotice } from './notice';
import type { CalendarOverride } from './overrides';

/**
 * What Jifen adds to the holiday library and the law when it counts working days: the confirmed State
 * Council notices (one per year) and the admins' single-day overrides.
 */
export interface WorkingCalendar {
  overrides: readonly CalendarOverride[];
  /** Confirmed notices only: a notice entered but not yet confirmed changes nothing. */
  notices: readonly HolidayNotice[];
}

/** A working calendar, or just an override table (no notices). */
export type CalendarInput = WorkingCalendar | readonly CalendarOverride[];

const NO_NOTICES: readonly HolidayNotice[] = [];

/** The calendar an input stands for. */
export function asCalendar(input: CalendarInput): WorkingCalendar {
  return isOverrideTable(input) ? { overrides: input, notices: NO_NOTICES } : input;
}

function isOverrideTable(input: CalendarInput): input is readonly CalendarOverride[] {
  return Array.isArray(input);
}
