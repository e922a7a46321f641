/**
 * Points ledgers of exchange and time-limited indicators (兑换制, 期限制): balances, lapses and exchanging
 * points for a scenario benefit, for residents, reviewers and the resident app.
 */
export * from './ledger-routes';
