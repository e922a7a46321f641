export { lastValidDay, validOn } from './term';
export * from './ledger';
export * from './balance-fact';
