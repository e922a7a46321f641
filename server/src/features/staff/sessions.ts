import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { StaffUser } from '../../domain/accounts/roles';
import { DEFAULT_SIGN_IN_LIMITS, locksPair, signInGate, type SignInGate, type SignInLimits } from '../../domain/accounts/sign-in-limits';
import { JifenError } from '../../domain/errors';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { createLoginAttempts } from './login-attempts';
import { createSessionStore, type SessionRecord } from './session-store';
import { createUserStore, publicUser } from './user-store';
import type { LifecycleContext } from '../../platform/db/context';
import { decoyHash, verifyPassword } from './password';

/** How long sessions live and how many sign-in attempts are allowed. */
export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  absoluteMs: number;
  /** Last use is written at most this often (each write is a database transaction). */
  touchEveryMs: number;
  /**
   * Sign-in limits (domain/accounts/sign-in-limits): failures of one username from one address before that
   * pair is locked for `windowMs`; failures of a username from everywhere, and from one address for every
   * username, before those callers are slowed to one attempt per `slowdownMs`.
   */
  attemptsPerPair: number;
  attemptsPerUser: number;
  attemptsPerAddress: number;
  windowMs: number;
  slowdownMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchEveryMs: 60_000,
  attemptsPerPair: DEFAULT_SIGN_IN_LIMITS.perPair,
  attemptsPerUser: DEFAULT_SIGN_IN_LIMITS.perUser,
  attemptsPerAddress: DEFAULT_SIGN_IN_LIMITS.perAddress,
  windowMs: DEFAULT_SIGN_IN_LIMITS.windowMs,
  slowdownMs: DEFAULT_SIGN_IN_LIMITS.slowdownMs,
};

const limitsOf = (policy: SessionPolicy): SignInLimits => ({
  perPair: policy.attemptsPerPair,
  perUser: policy.attemptsPerUser,
  perAddress: policy.attemptsPerAddress,
  windowMs: policy.windowMs,
  slowdownMs: policy.slowdownMs,
});

export interface SignedIn {
  /** The new session id: goes into the cookie, never into the database. */
  sessionId: string;
  user: StaffUser;
}

/** The SHA-256 of a session id: what the database keeps. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/**
 * The CSRF token of a session: derived from the session id (HMAC), so it needs no storage, changes with
 * every sign-in, and cannot be computed without the cookie a cross-site page cannot read.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('jifen-csrf-v1').digest('base64url');
}

/**
 * Checks a username and password and opens a new session (always a fresh random id: a session id the
 * client brought is never adopted). Attempts are counted per (username, address) pair, per username and
 * per address before the password is checked, in the database, so every server shares the count; the
 * limits (`signInGate`) lock a pair after 5 failures and slow, never lock, a username or an address under
 * attack, so that nobody can lock an owner out from their own desk: 429 with how long to wait. Success,
 * failure and the failure that locks a pair are audited (`login`, `login-failed`, `login-locked`), each in
 * one transaction with its session or count.
 *
 * @example
 * const { sessionId, user } = await signIn(ctx, policy, { username: 'li.approver', password, address: '10.0.0.7' });
 */
export async function signIn(
  ctx: LifecycleContext,
  policy: SessionPolicy,
  request: { username: string; password: string; address: string },
): Promise<SignedIn> {
  const now = ctx.now();
  const at = now.toISOString();
  const username = request.username.trim().toLowerCase();
  const keys = { user: `user:${username}`, address: `address:${request.address}`, pair: `pair:${username}|${request.address}` };
  const limits = limitsOf(policy);
  const since = new Date(now.getTime() - policy.windowMs).toISOString();

  type Gate = { refused: SignInGate & { allowed: false }; ids?: undefined; pairFailures?: undefined } | { refused?: undefined; ids: number[]; pairFailures: number };
  const gate = await inTransaction(ctx.db, async (tx): Promise<Gate> => {
    const attempts = createLoginAttempts(tx);
    await attempts.prune(since);
    const [pair, user, address] = [await attempts.since(keys.pair, since), await attempts.since(keys.user, since), await attempts.since(keys.address, since)];
    const decision = signInGate({ pair, user, address }, limits, now.getTime());
    if (!decision.allowed) return { refused: decision };
    return { ids: await attempts.record([keys.user, keys.address, keys.pair], at), pairFailures: pair.count + 1 };
  });
  if (gate.refused) throw new TooManyAttempts(Math.max(1, Math.ceil(gate.refused.retryAfterMs / 1000)), gate.refused.reason);

  const user = await createUserStore(ctx.db).findByUsername(username);
  // An unknown user costs the same hash as a known one, so timing does not tell which names exist.
  const matches = await verifyPassword(request.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || user.disabled) {
    const reason = !user ? 'unknown-user' : !matches ? 'bad-password' : 'disabled';
    // An unknown name may be a mistyped password: it is not written down.
    const target = user ? `user:${user.username}` : 'user:?';
    await inTransaction(ctx.db, async (tx) => {
      await appendAudit(tx, { at, actor: 'anonymous', action: 'login-failed', target, details: { reason, address: request.address } });
      if (locksPair(gate.pairFailures, limits)) {
        const until = new Date(now.getTime() + policy.windowMs).toISOString();
        await appendAudit(tx, { at, actor: 'anonymous', action: 'login-locked', target, details: { address: request.address, until, failures: gate.pairFailures } });
      }
    });
    throw new JifenError('unauthorized', { en: 'Auth: wrong username or password', zh: '用户名或密码不正确' });
  }

  const sessionId = randomBytes(32).toString('base64url');
  await inTransaction(ctx.db, async (tx) => {
    const attempts = createLoginAttempts(tx);
    // The owner signed in from here: this address's failures for the name no longer count. Failures from
    // elsewhere still do, so an attacker's addresses stay slowed.
    await attempts.clear(keys.pair);
    await attempts.forget(gate.ids);
    await createSessionStore(tx).insert({ idHash: hashSessionId(sessionId), userId: user.id, createdAt: at, lastSeenAt: at });
    await appendAudit(tx, { at, actor: user.username, action: 'login', target: `user:${user.username}`, details: { address: request.address } });
  });
  return { sessionId, user: publicUser(user) };
}

/**
 * The user of a session, or undefined when there is no such session, it has expired (idle or absolute;
 * it is then removed) or its account is disabled. Refreshes the last use at most every `touchEveryMs`.
 *
 * @example
 * const found = await sessionUser(ctx, policy, cookieValue);
 */
export async function sessionUser(
  ctx: LifecycleContext,
  policy: SessionPolicy,
  sessionId: string,
): Promise<{ user: StaffUser; session: SessionRecord } | undefined> {
  const idHash = hashSessionId(sessionId);
  const session = await createSessionStore(ctx.db).find(idHash);
  if (!session) return undefined;
  const now = ctx.now();
  const idle = now.getTime() - Date.parse(session.lastSeenAt);
  const age = now.getTime() - Date.parse(session.createdAt);
  if (idle >= policy.idleMs || age >= policy.absoluteMs) {
    await inTransaction(ctx.db, (tx) => createSessionStore(tx).delete(idHash));
    return undefined;
  }
  const user = await createUserStore(ctx.db).findById(session.userId);
  if (!user || user.disabled) return undefined;
  if (idle >= policy.touchEveryMs) {
    await inTransaction(ctx.db, (tx) => createSessionStore(tx).touch(idHash, now.toISOString()));
  }
  return { user: publicUser(user), session };
}

/**
 * Ends a session and records `logout`. Ending a session that no longer exists does nothing.
 *
 * @example
 * await signOut(ctx, cookieValue);
 */
export async function signOut(ctx: LifecycleContext, sessionId: string): Promise<void> {
  const idHash = hashSessionId(sessionId);
  const session = await createSessionStore(ctx.db).find(idHash);
  if (!session) return;
  const user = await createUserStore(ctx.db).findById(session.userId);
  await inTransaction(ctx.db, async (tx) => {
    if (!(await createSessionStore(tx).delete(idHash))) return;
    const name = user?.username ?? session.userId;
    await appendAudit(tx, { at: ctx.now(), actor: name, action: 'logout', target: `user:${name}` });
  });
}

/** Sign-in refused for a while; `retryAfterSeconds` says how long, `reason` whether the pair is locked or the caller slowed. */
export class TooManyAttempts extends JifenError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: 'locked' | 'slowed' = 'locked',
  ) {
    const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`;
    const waitZh = retryAfterSeconds < 120 ? `${retryAfterSeconds} 秒` : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
    super(
      'too_many_requests',
      reason === 'locked'
        ? { en: `Auth: too many failed sign-ins for this account from this address; try again in ${wait}`, zh: `这个账号在本机登录失败次数过多，已暂时锁定，请 ${waitZh}后再试` }
        : { en: `Auth: sign-in slowed after many failed attempts; try again in ${wait}`, zh: `登录失败次数过多，请 ${waitZh}后再试` },
    );
  }
}
