import { z } from 'zod';
import { JifenError, type FieldError } from '../errors';
import { toHundredths } from '../points';
import { forEachLeaf } from '../rule-set/condition';
import type { Indicator } from '../rule-set/schema';
import { dateSchema } from '../rule-set/schema';
import { parseFacts } from '../scoring/facts';
import type { FactValue, ResolvedRuleSet } from '../scoring/types';
import { ledgerFacts } from './scoring-facts';
import type { FactChange } from './types';

/** Reviewers must decide within this many working days of submission (实施细则: 积分认定, 自主申请). */
export const REVIEW_WORKING_DAYS = 10;

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What a resident claims: fact values the indicator reads, or for a ledger indicator, points earned on a date. */
export const claimSchema = z.strictObject({
  facts: z.record(z.string(), z.unknown()).optional(),
  ledger: z
    .strictObject({ points: z.number().finite().positive().max(10_000), earnedOn: dateSchema, ref: z.string().min(1).max(200).optional() })
    .optional(),
});
export type ClaimInput = z.infer<typeof claimSchema>;

/** A checked claim: what approving it writes, and who reviews it. */
export interface CheckedClaim {
  indicator: string;
  department: string;
  changes: FactChange[];
  ledger?: { points: number; earnedOn: string; ref?: string };
}

/** A self-application (自主申请) as stored. */
export interface SelfApplication {
  id: string;
  residentId: string;
  ruleSetId: string;
  version: number;
  indicator: string;
  /** The department that owns the indicator and reviews the claim. */
  department: string;
  claim: { facts?: Record<string, FactValue>; ledger?: { points: number; earnedOn: string; ref?: string } };
  note: string;
  status: ApplicationStatus;
  submittedAt: string;
  /** The day of submission in China (`YYYY-MM-DD`): working days are counted from the next one. */
  submittedOn: string;
  /** Who submitted: `resident:<id>` or a staff user id at the service office. */
  submittedBy: string;
  /** The last day of review: the 10th working day after `submittedOn`. */
  dueOn: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  evidence: EvidenceMeta[];
}

/** An evidence file without its bytes. */
export interface EvidenceMeta {
  id: string;
  name: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
}

/**
 * The input facts an indicator reads: its own `fact`, every fact its conditions and tiers test, and the
 * inputs of derived facts among them. What a self-application for that indicator may claim.
 *
 * @example
 * indicatorInputFacts(rs, rs.indicators.find((i) => i.id === 'inventionPatents')!); // ['inventionPatents']
 */
export function indicatorInputFacts(rs: ResolvedRuleSet, indicator: Indicator): string[] {
  const read = new Set<string>();
  if ('fact' in indicator && indicator.fact) read.add(indicator.fact);
  const visit = (fact: string) => read.add(fact);
  if (indicator.conditions) forEachLeaf(indicator.conditions, (leaf) => visit(leaf.fact));
  if (indicator.kind === 'tiers') for (const tier of indicator.tiers) forEachLeaf(tier.conditions, (leaf) => visit(leaf.fact));
  const out = new Set<string>();
  for (const fact of read) {
    const derived = rs.derived.find((d) => d.id === fact);
    if (derived) {
      out.add(derived.fact);
      if (derived.until) out.add(derived.until);
    } else if (rs.facts.has(fact)) out.add(fact);
  }
  return [...out];
}

/**
 * Checks a claim for an indicator: the indicator exists and names its department; claimed facts are facts
 * the indicator reads, with values valid by the rule set; a ledger indicator is claimed as points earned on
 * a date. Every problem is reported with its path (`claim.facts.inventionPatents`).
 *
 * @example
 * checkClaim(rs, 'inventionPatents', { facts: { inventionPatents: 2 } }); // { department: '区科学技术局', changes: [...] }
 */
export function checkClaim(rs: ResolvedRuleSet, indicatorId: string, input: unknown): CheckedClaim {
  const indicator = rs.indicators.find((i) => i.id === indicatorId);
  if (!indicator) {
    throw new JifenError('validation_failed', { en: `Applications: no indicator "${indicatorId}" in ${rs.id}`, zh: '规则集中没有这个指标' }, [{ path: 'indicator', message: 'no such indicator' }]);
  }
  if (!indicator.department) {
    throw new JifenError('validation_failed', { en: `Applications: ${indicatorId} has no owning department to review it`, zh: '这个指标没有负责审核的部门' }, [
      { path: 'indicator', message: 'has no department in the rule set; it cannot be claimed' },
    ]);
  }
  if (indicator.kind === 'veto' || indicator.kind === 'deduction') {
    throw new JifenError('validation_failed', { en: `Applications: ${indicatorId} is a negative indicator; residents cannot claim it`, zh: '这是扣分指标，居民不能申报' }, [
      { path: 'indicator', message: 'is a negative indicator' },
    ]);
  }
  const parsed = claimSchema.safeParse(input);
  if (!parsed.success) {
    throw new JifenError('validation_failed', { en: 'Applications: invalid claim', zh: '申报内容有误' }, parsed.error.issues.map((i) => ({ path: ['claim', ...i.path].join('.'), message: i.message })));
  }
  const claim = parsed.data;
  const errors: FieldError[] = [];
  const keeps = [...ledgerFacts(rs).values()].find((l) => l.id === indicatorId);
  if (keeps) {
    if (!claim.ledger) errors.push({ path: 'claim.ledger', message: `${indicatorId} keeps points in a ledger: claim { points, earnedOn }` });
    else if (Math.abs(toHundredths(claim.ledger.points) - claim.ledger.points * 100) > 1e-6) errors.push({ path: 'claim.ledger.points', message: 'must be a multiple of 0.01' });
    if (claim.facts && Object.keys(claim.facts).length > 0) errors.push({ path: 'claim.facts', message: `${indicatorId} is claimed as ledger points, not facts` });
    if (errors.length > 0) throw new JifenError('validation_failed', { en: 'Applications: invalid claim', zh: '申报内容有误' }, errors);
    return { indicator: indicatorId, department: indicator.department, changes: [], ledger: claim.ledger! };
  }
  if (claim.ledger) errors.push({ path: 'claim.ledger', message: `${indicatorId} has no points ledger` });
  const allowed = new Set(indicatorInputFacts(rs, indicator));
  const facts = claim.facts ?? {};
  if (Object.keys(facts).length === 0) errors.push({ path: 'claim.facts', message: `claim at least one of: ${[...allowed].join(', ')}` });
  const mine: Record<string, unknown> = {};
  for (const [fact, value] of Object.entries(facts)) {
    if (allowed.has(fact)) mine[fact] = value;
    else errors.push({ path: `claim.facts.${fact}`, message: `is not read by ${indicatorId}; it reads ${[...allowed].join(', ')}` });
  }
  const changes: FactChange[] = [];
  try {
    for (const [fact, value] of Object.entries(parseFacts(rs, mine, 'claim.facts'))) changes.push({ fact, value });
  } catch (error) {
    if (!(error instanceof JifenError)) throw error;
    errors.push(...(error.fields ?? []));
  }
  if (errors.length > 0) throw new JifenError('validation_failed', { en: 'Applications: invalid claim', zh: '申报内容有误' }, errors);
  return { indicator: indicatorId, department: indicator.department, changes };
}
