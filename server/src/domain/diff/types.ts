import type { Text } from '../rule-set/schema';

/** Every kind of policy change the diff reports; stable names for filters, tests and the UI. */
export const POLICY_CHANGE_KINDS = [
  'metadata-changed',
  'include-added',
  'include-removed',
  'include-changed',
  'fact-added',
  'fact-removed',
  'fact-changed',
  'group-added',
  'group-removed',
  'group-cap-changed',
  'group-changed',
  'indicator-added',
  'indicator-removed',
  'indicator-title-changed',
  'indicator-kind-changed',
  'indicator-changed',
  'ledger-changed',
  'points-changed',
  'tier-added',
  'tier-removed',
  'tier-changed',
  'tier-reordered',
  'rate-changed',
  'cap-changed',
  'band-changed',
  'deduction-changed',
  'condition-changed',
  'scenario-added',
  'scenario-removed',
  'scenario-changed',
  'bar-changed',
  'places-changed',
  'counted-changed',
  'eligibility-changed',
  'tie-breakers-changed',
  'benefit-added',
  'benefit-removed',
  'benefit-cost-changed',
  'benefit-changed',
  'case-added',
  'case-removed',
  'case-changed',
] as const;
export type PolicyChangeKind = (typeof POLICY_CHANGE_KINDS)[number];

export type ChangeTargetType = 'rule-set' | 'include' | 'fact' | 'group' | 'indicator' | 'scenario' | 'benefit' | 'case';

/** What a change is about: a whole item, and where needed a part of it (a tier, a band). */
export interface ChangeTarget {
  type: ChangeTargetType;
  id: string;
  title?: Text;
  part?: { type: 'tier' | 'band'; id: string; title?: Text };
}

/** One change in policy terms, e.g. a tier's points 10 → 12, with the sentence auditors read. */
export interface PolicyChange {
  kind: PolicyChangeKind;
  target: ChangeTarget;
  /** The field that changed, when the kind does not say it (e.g. `department`, `reference`). */
  field?: string;
  /** JSON Pointer to the changed value: in the new document, or in the old one for a removal. */
  path: string;
  before?: unknown;
  after?: unknown;
  /** "Indicator "Education" (education): tier "Bachelor or above" points 10 → 12", in Chinese and English. */
  text: Text;
}
