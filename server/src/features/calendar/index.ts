/**
 * The working-day calendar admins keep: holiday overrides on top of the official calendar, and the
 * deadline route reviewers and the workflow use (10 working days for a review, 5 for a public notice).
 */
export * from './calendar-overrides';
export * from './calendar-routes';
