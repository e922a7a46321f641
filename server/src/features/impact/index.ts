/**
 * A draft's impact on the whole population for policy staff and approvers: who gains, who loses, who
 * crosses a scenario's bar, streamed over the residents on record.
 */
export * from './impact-routes';
export * from './population-cache';
