/**
 * Residents' records for reviewers and the residents themselves: identity (masked by role), facts with
 * provenance and history, stored scores, and the demo population.
 */
export * from './resident-deps';
export * from './resident-schemas';
export * from './resident-security';
export * from './resident-views';
export * from './residents-repository';
export * from './residents-rows';
export * from './residents-scoring';
export * from './resident-routes';
export * from './demo-residents';
export * from './residents-family';
