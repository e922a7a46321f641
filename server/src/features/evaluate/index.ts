/**
 * Scoring residents against a published rule set: `POST /api/v1/evaluate` and the batch route, open to
 * every caller (partners, the resident app, staff).
 */
export * from './evaluation-schemas';
export * from './evaluate-routes';
