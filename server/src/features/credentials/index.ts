/**
 * Service credentials for department systems and the resident app (feeds, resident tokens), issued by
 * admins, and the callers they authenticate: `service` (a credential) and `resident` (a resident token).
 */
export * from './caller-auth';
export * from './credential-routes';
export * from './resident-token-secret';
export * from './credential-status';
