/**
 * Staff accounts (admin, editor, approver, reviewer, auditor), sign-in, sessions with CSRF tokens and the
 * sign-in limits; the demo accounts of a fresh database.
 */
export * from './route-deps';
export * from './demo-users';
export * from './auth-routes';
export * from './session-auth';
export * from './user-routes';
export * from './sessions';
export * from './accounts';
export * from './password';
export * from './role-request-routes';
export * from './role-requests';
