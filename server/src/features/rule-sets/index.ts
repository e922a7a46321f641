/**
 * Published rule sets and their versions, open to everyone: listing, reading, resolving the version in
 * force at a date, and seeding the shipped rule sets into the database.
 */
export * from './included-documents';
export * from './libsql-rule-set-repository';
export * from './rule-set-resolver';
export * from './rule-set-schemas';
export * from './seed';
export * from './rule-set-routes';
export * from './version-workbook-routes';
