import autocannon from 'autocannon';

/** A latency or rate histogram as autocannon reports it. */
export interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
}

/** One request of the sequence each connection sends; `setupRequest` may rewrite it (e.g. a new body). */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

/** What the soak asks of autocannon: a fixed overall rate over a duration. */
export interface RateOptions {
  url: string;
  duration: number;
  connections: number;
  /** Requests per second from all connections together. */
  overallRate: number;
  /** Seconds before a request counts as a timeout. */
  timeout: number;
  requests: LoadRequest[];
}

export interface RateResult {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}

/**
 * autocannon at a fixed rate (its `overallRate`; latencies corrected for coordinated omission). The bench's
 * declaration of autocannon (server/bench/autocannon.d.ts) covers only what the bench uses, so the soak
 * names the options and results it relies on here.
 *
 * @example
 * const result = await runAtRate({ url, duration: 300, connections: 16, overallRate: 400, timeout: 10, requests });
 */
export function runAtRate(options: RateOptions): Promise<RateResult> {
  const run = autocannon as unknown as (o: RateOptions) => Promise<RateResult>;
  return run(options);
}
