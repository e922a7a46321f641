import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** How the server sits on the network. */
export interface NetworkOptions {
  /**
   * Behind a reverse proxy (`JIFEN_TRUST_PROXY=1`): take the client address from `X-Forwarded-For` and the
   * scheme from `X-Forwarded-Proto`. Off by default, because a client could otherwise pick its own address
   * and claim https.
   */
  trustProxy: boolean;
}

/**
 * Whether the client reached Jifen over https: the request's own scheme, or the proxy's
 * `X-Forwarded-Proto` when the proxy is trusted. Secure cookies and HSTS follow it.
 *
 * @example
 * isHttps(c, { trustProxy: true }); // true behind a TLS proxy that sent X-Forwarded-Proto: https
 */
export function isHttps(c: Context, network: NetworkOptions): boolean {
  if (network.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * The client's address, for sign-in limits, rate limits and the audit trail: the socket's, or the first
 * `X-Forwarded-For` hop when the proxy is trusted; `unknown` when there is no socket.
 *
 * @example
 * clientAddress(c, { trustProxy: false }); // '127.0.0.1'
 */
export function clientAddress(c: Context, network: NetworkOptions): string {
  if (network.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // `app.request` in tests has no socket.
    return 'unknown';
  }
}
