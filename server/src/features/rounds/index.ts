/**
 * Scenario rounds for the departments that own a scenario: applications, recommendations, ranking at
 * close, the public notice (公示, 5 working days), objections (10 working days) and the final list.
 */
export * from './rounds-repository';
export * from './demo-rounds';
export * from './objection-routes';
export * from './public-round-routes';
export * from './round-routes';
export * from './round-deadlines';
