import type { FactDefinition } from '../rule-set/schema';
import type { ResolvedRuleSet } from '../scoring/types';
import { MONTHLY_FACTS } from './eligible-from';

/** How much a way to close the gap asks of a resident, easiest first. */
export const EFFORTS = ['time', 'routine', 'large'] as const;
export type Effort = (typeof EFFORTS)[number];

/**
 * The policy's categories whose points take a large commitment: investment and tax (投资纳税), science and
 * innovation (科技创新). Everything else a resident can raise is a routine step (volunteering, a
 * certificate, a blood donation).
 */
const LARGE_CATEGORIES = new Set(['investment-tax', 'innovation']);

/**
 * The effort of raising a fact from `current`: `time` for a count of months already running (it grows by
 * waiting, living and working in the district), `large` for money or facts of the investment and
 * innovation categories, `routine` otherwise — a count of months at 0 among them: waiting does not start
 * a job or contributions.
 *
 * @example
 * factEffort(rs, rs.facts.get('socialInsuranceMonths')!, 40); // 'time'
 * factEffort(rs, rs.facts.get('employmentMonths')!, 0); // 'routine'
 * factEffort(rs, rs.facts.get('investmentYuan')!, 0); // 'large'
 */
export function factEffort(rs: ResolvedRuleSet, def: FactDefinition, current: number): Effort {
  if (MONTHLY_FACTS.includes(def.id) || def.unit?.en === 'month') return current > 0 ? 'time' : 'routine';
  if (def.unit?.en === 'yuan') return 'large';
  const readers = rs.indicators.filter((i) => 'fact' in i && i.fact === def.id);
  return readers.some((i) => LARGE_CATEGORIES.has(i.category ?? '')) ? 'large' : 'routine';
}
