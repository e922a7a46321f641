/**
 * Every state-changing action Jifen records in its audit trail. Storage and HTTP code pick from this list,
 * so auditors can filter by a known set of names.
 */
export const AUDIT_ACTIONS = [
  // accounts and sessions
  'login',
  'login-failed',
  'login-locked',
  'logout',
  'user-created',
  'user-changed',
  'user-disabled',
  'password-changed',
  'role-change-requested',
  'role-change-confirmed',
  'role-change-refused',
  // partners and keys
  'partner-created',
  'partner-changed',
  'key-issued',
  'key-revoked',
  // residents' consents to show their result on a partner site, and each view of it
  'widget-consent-given',
  'widget-consent-revoked',
  'widget-result-viewed',
  // rule-set lifecycle
  'draft-created',
  'draft-edited',
  'draft-renamed',
  'draft-submitted',
  'draft-approved',
  'draft-rejected',
  'draft-decision-refused',
  'draft-withdrawn',
  'draft-discarded',
  'version-published',
  // calendar
  'calendar-override-changed',
  'calendar-notice-entered',
  'calendar-notice-confirmed',
  'deadline-moved',
  // residents, feeds and the ledger
  'resident-created',
  'resident-changed',
  'fact-changed',
  'feed-applied',
  'family-feed-applied',
  'ledger-earned',
  'ledger-exchanged',
  // self-applications (自主申请)
  'application-submitted',
  'application-approved',
  'application-rejected',
  // scenario rounds
  'round-opened',
  'round-applied',
  'round-application-accepted',
  'round-application-rejected',
  'round-closed',
  'round-published',
  'round-reranked',
  'round-finalized',
  // objections (异议)
  'objection-filed',
  'objection-upheld',
  'objection-dismissed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const known = new Set<string>(AUDIT_ACTIONS);

/** Whether `action` is one of `AUDIT_ACTIONS`. */
export function isAuditAction(action: string): action is AuditAction {
  return known.has(action);
}
