/**
 * Self-applications (自主申请) residents file with evidence, routed to the responsible department and
 * decided by its reviewers within 10 working days.
 */
export * from './self-application-service';
export * from './self-application-routes';
export * from './application-deadlines';
