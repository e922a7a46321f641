import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { LifecycleContext } from '../../platform/db/context';
import { csrfTokenFor, sessionUser, type SessionPolicy } from './sessions';
import type { PrincipalResolver } from '../../platform/http/access';
import { isHttps, type NetworkOptions } from '../../platform/http/network';

export { clientAddress, isHttps, type NetworkOptions } from '../../platform/http/network';

export const SESSION_COOKIE = 'jifen_session';

/** Session ids are 32 random bytes in base64url; anything else is not looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;


/**
 * The staff principal of a request's session cookie, if the session is alive. A cookie that names no live
 * session is ignored (the caller is anonymous), never adopted.
 *
 * @example
 * accessControl({ resolvers: [sessionResolver(ctx, DEFAULT_SESSION_POLICY)] });
 */
export function sessionResolver(ctx: LifecycleContext | undefined, policy: SessionPolicy): PrincipalResolver {
  return async (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (!ctx || !sessionId || !SESSION_ID.test(sessionId)) return undefined;
    const found = await sessionUser(ctx, policy, sessionId);
    return found && { kind: 'staff', user: found.user, sessionId, csrfToken: csrfTokenFor(sessionId) };
  };
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, for the whole site, Secure over https. */
export function setSessionCookie(c: Context, sessionId: string, policy: SessionPolicy, network: NetworkOptions): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c, network),
    maxAge: Math.floor(policy.absoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context, network: NetworkOptions): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c, network) });
}
