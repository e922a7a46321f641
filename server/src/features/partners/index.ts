/**
 * Partner sites (hospitals, schools, housing offices) that embed the eligibility widget: their origins,
 * scenarios and API keys, managed by admins.
 */
export * from './partner-key';
export * from './partner-keys';
export * from './partner-routes';
export * from './partners-repository';
export * from './partners-service';
