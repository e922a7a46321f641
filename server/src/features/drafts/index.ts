/**
 * Drafts of a rule set for policy staff: create, edit (whole document or JSON Patch, with If-Match), submit,
 * and four-eyes approval or rejection by an approver, which publishes an immutable version.
 */
export * from './draft-schemas';
export * from './draft-store';
export * from './drafts';
export * from './rename-draft';
export * from './draft-routes';
export * from './workbook';
export * from './workbook-routes';
