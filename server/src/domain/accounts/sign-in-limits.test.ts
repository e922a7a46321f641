import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_LIMITS as limits, locksPair, signInGate } from './sign-in-limits';

const now = Date.parse('2026-07-01T02:00:00Z');
const none = { count: 0 };

describe('signInGate', () => {
  it('locks one username at one address after five failures, for the rest of the window', () => {
    const pair = { count: 5, oldest: now - 60_000, newest: now - 1000 };
    expect(signInGate({ pair, user: pair, address: pair }, limits, now)).toEqual({ allowed: false, reason: 'locked', retryAfterMs: 14 * 60_000 });
    expect(locksPair(5, limits)).toBe(true);
    expect(locksPair(6, limits)).toBe(false);
  });

  it('never refuses an address without failures for a username under attack from elsewhere', () => {
    const user = { count: 500, oldest: now - 60_000, newest: now - 10 };
    expect(signInGate({ pair: none, user, address: none }, limits, now)).toEqual({ allowed: true });
  });

  it('slows an address that already failed for that username, one attempt per slowdown', () => {
    const user = { count: 12, oldest: now - 60_000, newest: now - 10 };
    const pair = { count: 2, oldest: now - 60_000, newest: now - 5_000 };
    expect(signInGate({ pair, user, address: pair }, limits, now)).toEqual({ allowed: false, reason: 'slowed', retryAfterMs: 25_000 });
    expect(signInGate({ pair, user, address: pair }, limits, now + 25_000)).toEqual({ allowed: true });
  });

  it('slows, never locks, an address that sprays many usernames', () => {
    const address = { count: 40, oldest: now - 60_000, newest: now - 1000 };
    expect(signInGate({ pair: none, user: none, address }, limits, now)).toMatchObject({ allowed: false, reason: 'slowed', retryAfterMs: 29_000 });
    expect(signInGate({ pair: none, user: none, address }, limits, now + 29_000)).toEqual({ allowed: true });
  });
});
