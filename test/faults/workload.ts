import type { Client } from '@libsql/client';
import type { Credentials } from './fault-http';

/** What every workload may use: the server's current address, the accounts, and a client on the database. */
export interface FaultContext {
  /** The base URL of the server running now (it changes at every restart). */
  url(): string;
  /** A client of the script's own on the server's database, for set-up and for the checks. */
  client: Client;
  editor: Credentials;
  approver: Credentials;
  /** A `feed` service credential for source `FEED_SOURCE`. */
  feed: Credentials;
  /** The key the server signs resident tokens with (read from the database). */
  residentSecret: Uint8Array;
  /** Seeded randomness: the same seed gives the same kill moments and data. */
  random: () => number;
  /** Records per feed call. */
  feedBatch: number;
}

/** The source name of the feed credential the workloads use. */
export const FEED_SOURCE = 'fault-feed';

/** What one interrupted run of a workload amounts to, for the summary table. */
export interface IterationReport {
  /** Requests the client saw succeed before the kill. */
  acked: number;
  /** What was in flight when the server died, e.g. `approve`, `1 call (992 records)`, `4 exchanges`. */
  inFlight: string;
  /** What became of it, read from the database after the restart: `committed`, `rolled back`, `2 of 4 committed`. */
  outcome: string;
  /** Broken promises: anything half-written, acknowledged and lost, or refused unexpectedly. Empty when all holds. */
  problems: string[];
}

/** What `prepare` found: how long one undisturbed operation took, and the window to kill the server in. */
export interface Prepared {
  operationMs: number;
  /** The kill comes at a random moment between these (ms after the work starts). */
  killWindowMs: [number, number];
}

/**
 * One kind of write the fault run interrupts. `prepare` runs undisturbed and measures one operation (to
 * place the kill inside the work); `drive` then writes back to back until the server dies; `check` runs
 * after the restart.
 */
export interface Workload {
  name: string;
  prepare(ctx: FaultContext, iteration: number): Promise<Prepared>;
  /** Writes until `stopped()`; resolves once the last request has an answer or none will come. */
  drive(ctx: FaultContext, stopped: () => boolean): Promise<void>;
  check(ctx: FaultContext): Promise<IterationReport>;
}

/** Milliseconds since `start` (from `performance.now()`). */
export const since = (start: number) => Math.round(performance.now() - start);

/** A kill window of `from` to `to` operations of `operationMs` each. */
export const killWindow = (operationMs: number, from: number, to: number): Prepared => ({
  operationMs,
  killWindowMs: [Math.max(5, Math.round(operationMs * from)), Math.max(10, Math.round(operationMs * to))],
});
