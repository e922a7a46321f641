export { lastValidDay, validOn } from './term';
export * from './ledger';
