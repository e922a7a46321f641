import type { FieldError } from '../errors';

/**
 * The date a new version takes effect. The approver sets it; the editor proposes one and the server refuses
 * one it cannot use, both through this file, so the date the editor offers is always one the server takes.
 */

/** What the dates are checked against: today in China, and when the latest published version takes effect. */
export interface EffectiveFromContext {
  today: string;
  latestEffectiveFrom?: string;
}

/**
 * The first day an approval may set: today, or the day the latest published version takes effect when that
 * is later (else that version would take over again on its date).
 *
 * @example
 * earliestEffectiveFrom({ today: '2026-06-30', latestEffectiveFrom: '2026-09-01' }); // '2026-09-01'
 */
export function earliestEffectiveFrom(context: EffectiveFromContext): string {
  return context.latestEffectiveFrom && context.latestEffectiveFrom > context.today ? context.latestEffectiveFrom : context.today;
}

/**
 * The date proposed for a draft's version: the day after today in China, so that partners and residents
 * see the change coming, and never before the earliest date an approval may set.
 *
 * @example
 * proposedEffectiveFrom({ today: '2026-06-30', latestEffectiveFrom: '2025-01-01' }); // '2026-07-01'
 */
export function proposedEffectiveFrom(context: EffectiveFromContext): string {
  const tomorrow = nextDay(context.today);
  const earliest = earliestEffectiveFrom(context);
  return earliest > tomorrow ? earliest : tomorrow;
}

/**
 * Problems with the date an approval sets, in Chinese and English: it must be a date, today or later, and not
 * before a version already published takes effect.
 *
 * @example
 * effectiveFromProblems('2026-05-01', { today: '2026-06-30', latestEffectiveFrom: '2026-01-01' }); // [{ path: 'effectiveFrom', … }]
 */
export function effectiveFromProblems(effectiveFrom: string, context: EffectiveFromContext): FieldError[] {
  const problem = (message: string, messageZh: string): FieldError[] => [{ path: 'effectiveFrom', message, messageZh }];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return problem('enter the date the version takes effect', '请填写新版本的生效日期');
  if (effectiveFrom < context.today) {
    return problem(`must be today (${context.today}) or later: a version cannot take effect in the past`, `生效日期不能早于今天（${context.today}）：新版本不能追溯生效`);
  }
  if (context.latestEffectiveFrom && effectiveFrom < context.latestEffectiveFrom) {
    return problem(
      `must not be before ${context.latestEffectiveFrom}, when the latest published version takes effect`,
      `生效日期不能早于最新已发布版本的生效日期（${context.latestEffectiveFrom}）`,
    );
  }
  return [];
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
