/**
 * The working-day calendar admins keep: the State Council's yearly notices (entered, shown back, confirmed),
 * single-day overrides, the deadline route reviewers and the workflow use (10 working days for a review, 5 for
 * a public notice), and the moves a confirmed notice makes to running deadlines.
 */
export * from './calendar-overrides';
export * from './calendar-notices';
export * from './calendar-routes';
export * from './deadline-moves';
export * from './notice-routes';
