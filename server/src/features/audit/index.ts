/**
 * The audit trail for auditors and admins: reading and filtering the tamper-evident chain of who changed
 * what, and verifying it. Entries are written by every capability through platform/db/audit-log.
 */
export * from './audit-schemas';
export * from './audit-routes';
export * from './audit-key';
export * from './checkpoint-routes';
export * from './checkpoints';
export * from './witness';
export * from './checkpoint-schemas';
