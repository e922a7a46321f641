/**
 * Comparing two rule-set versions (or a draft and its base) in policy terms, as a JSON Patch and as changed
 * test-case outcomes: for approvers reviewing a draft and auditors reading the history.
 */
export * from './diff-routes';
export * from './rule-set-diff';
