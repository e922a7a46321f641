import type { MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { JifenError } from '../../domain/errors';
import { principalOf, type AppEnv } from './access';
import { clientAddress, type NetworkOptions } from './network';

/** How many requests one address may make without signing in or presenting a key, per window. */
export interface AnonymousRateLimit {
  requests: number;
  windowMs: number;
}

/** `npm start`'s default: 600 anonymous requests a minute from one address (`JIFEN_ANONYMOUS_RATE_LIMIT`). */
export const DEFAULT_ANONYMOUS_RATE_LIMIT: AnonymousRateLimit = { requests: 600, windowMs: 60_000 };

/**
 * Limits what an anonymous caller (no staff session, service credential, partner key or resident token)
 * can make one server do: `requests` per `windowMs` from one address (the socket's, or the trusted proxy's
 * `X-Forwarded-For`), counted from its first request; over that answers 429 with `Retry-After`, before
 * any body is read. `/healthz` is never limited: a load balancer asks it all the time.
 *
 * The count lives in each server's memory, not in the shared database: what it protects is that server's
 * event loop, and a database write on every anonymous evaluation would cost more than the evaluation. With
 * several servers behind a balancer, an address gets up to the limit from each of them; put the same limit
 * on the proxy when that matters.
 *
 * @example
 * app.use('*', anonymousRateLimit({ requests: 600, windowMs: 60_000 }, { trustProxy: false }));
 */
export function anonymousRateLimit(limit: AnonymousRateLimit, network: NetworkOptions): MiddlewareHandler<AppEnv> {
  const limiter = new RateLimiterMemory({ points: limit.requests, duration: Math.max(1, Math.ceil(limit.windowMs / 1000)) });
  return async (c, next) => {
    if (c.req.path === '/healthz' || principalOf(c) !== undefined) return next();
    try {
      await limiter.consume(clientAddress(c, network));
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      const seconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      c.header('Retry-After', String(seconds));
      throw new JifenError('too_many_requests', { en: `Request: too many requests from this address; try again in ${seconds} s, or sign in`, zh: `这台设备的请求太频繁，请 ${seconds} 秒后再试` });
    }
    return next();
  };
}
