/**
 * Data feeds from department systems (automatic scoring, 无感赋分): records with provenance applied to
 * residents' facts and ledgers all-or-nothing per record, idempotent by key, audited and re-scored.
 */
export * from './feed-routes';
