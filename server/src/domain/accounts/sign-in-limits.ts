/**
 * How many failed sign-ins Jifen tolerates, and from where (OWASP ASVS V2.2). A lockout that anyone can
 * trigger is a weapon: five wrong passwords typed from anywhere must not keep the real owner out. So:
 * - the lock is per (username, address) pair: after `perPair` failures that pair waits out the window;
 * - a username under attack from many addresses is slowed, not locked: an address that has already failed
 *   for it gets one attempt per `slowdownMs`; an address with no failure for it is never refused, so the
 *   owner at their own desk signs in with the right password;
 * - an address spraying many usernames is slowed the same way (one attempt per `slowdownMs`), so people
 *   behind the same office address wait seconds, never a whole window.
 */

export interface SignInLimits {
  /** Failures of one username from one address before that pair is locked for `windowMs`. */
  perPair: number;
  /** Failures of one username, from all addresses, before addresses that failed for it are slowed. */
  perUser: number;
  /** Failures from one address, for all usernames, before that address is slowed. */
  perAddress: number;
  /** How long a failure counts. */
  windowMs: number;
  /** A slowed caller's wait between attempts. */
  slowdownMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perPair: 5,
  perUser: 10,
  perAddress: 20,
  windowMs: 15 * 60_000,
  slowdownMs: 30_000,
};

/** Failures still counted (within the window), and the latest and oldest of them, as epoch milliseconds. */
export interface FailureCount {
  count: number;
  oldest?: number;
  newest?: number;
}

export type SignInGate =
  | { allowed: true }
  | { allowed: false; reason: 'locked' | 'slowed'; retryAfterMs: number };

/**
 * Whether a sign-in attempt may have its password checked now.
 *
 * @example
 * signInGate({ pair: { count: 0 }, user: { count: 40, newest }, address: { count: 0 } }, limits, now); // { allowed: true }: a fresh address
 */
export function signInGate(
  failures: { pair: FailureCount; user: FailureCount; address: FailureCount },
  limits: SignInLimits,
  now: number,
): SignInGate {
  const { pair, user, address } = failures;
  if (pair.count >= limits.perPair) {
    return { allowed: false, reason: 'locked', retryAfterMs: Math.max(1000, (pair.oldest ?? now) + limits.windowMs - now) };
  }
  const wait = (newest: number | undefined) => (newest ?? 0) + limits.slowdownMs - now;
  if (user.count >= limits.perUser && pair.count > 0 && wait(pair.newest) > 0) {
    return { allowed: false, reason: 'slowed', retryAfterMs: wait(pair.newest) };
  }
  if (address.count >= limits.perAddress && wait(address.newest) > 0) {
    return { allowed: false, reason: 'slowed', retryAfterMs: wait(address.newest) };
  }
  return { allowed: true };
}

/** Whether the failure just counted is the one that locks the pair (it is audited once, as `login-locked`). */
export function locksPair(pairFailuresNow: number, limits: SignInLimits): boolean {
  return pairFailuresNow === limits.perPair;
}
