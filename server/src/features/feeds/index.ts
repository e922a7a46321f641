/**
 * Data feeds from department systems (automatic scoring, 无感赋分): records with provenance applied to
 * residents' facts and ledgers all-or-nothing per record, idempotent by key, audited and re-scored; and
 * family records (marriages, divorces, children) from civil affairs and public security, kept as family
 * history, pending while a person is not on record.
 */
export * from './feed-routes';
export * from './family-feed-routes';
export * from './family-feed';
