import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { StaffUser } from '../../domain/accounts/roles';
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
  /** Attempts allowed per username, and per client address, within `windowMs`. */
  attemptsPerUser: number;
  attemptsPerAddress: number;
  windowMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchEveryMs: 60_000,
  attemptsPerUser: 5,
  attemptsPerAddress: 20,
  windowMs: 15 * 60_000,
};

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
 * client brought is never adopted). Attempts are counted per username and per address before the password
 * is checked, in the database, so every server shares the count; over the limit answers 429 with how long
 * to wait. Success and failure are audited (`login`, `login-failed`), each in one transaction with its
 * session or count.
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
  const keys = [`user:${username}`, `address:${request.address}`];
  const since = new Date(now.getTime() - policy.windowMs).toISOString();

  type Gate = { limitedUntil: number; ids?: undefined } | { limitedUntil?: undefined; ids: number[] };
  const gate = await inTransaction(ctx.db, async (tx): Promise<Gate> => {
    const attempts = createLoginAttempts(tx);
    await attempts.prune(since);
    const limits = [policy.attemptsPerUser, policy.attemptsPerAddress];
    for (const [i, key] of keys.entries()) {
      const { count, oldest } = await attempts.since(key, since);
      if (count >= limits[i]!) return { limitedUntil: Date.parse(oldest ?? at) + policy.windowMs };
    }
    return { ids: await attempts.record(keys, at) };
  });
  if (gate.limitedUntil !== undefined) {
    const seconds = Math.max(1, Math.ceil((gate.limitedUntil - now.getTime()) / 1000));
    throw new TooManyAttempts(seconds);
  }

  const user = await createUserStore(ctx.db).findByUsername(username);
  // An unknown user costs the same hash as a known one, so timing does not tell which names exist.
  const matches = await verifyPassword(request.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || user.disabled) {
    const reason = !user ? 'unknown-user' : !matches ? 'bad-password' : 'disabled';
    await inTransaction(ctx.db, (tx) =>
      appendAudit(tx, {
        at,
        actor: 'anonymous',
        action: 'login-failed',
        // An unknown name may be a mistyped password: it is not written down.
        target: user ? `user:${user.username}` : 'user:?',
        details: { reason, address: request.address },
      }),
    );
    throw new JifenError('unauthorized', 'Auth: wrong username or password');
  }

  const sessionId = randomBytes(32).toString('base64url');
  await inTransaction(ctx.db, async (tx) => {
    const attempts = createLoginAttempts(tx);
    await attempts.clear(keys[0]!);
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

/** Sign-in refused for a while; `retryAfterSeconds` says how long. */
export class TooManyAttempts extends JifenError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', `Auth: too many sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} min`);
  }
}
