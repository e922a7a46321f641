import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { csrfTokenFor, signIn, signOut, TooManyAttempts } from './sessions';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { loginRequestSchema, sessionSchema } from './account-schemas';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json, need, type LifecycleRouteDeps } from './route-deps';
import { clearSessionCookie, clientAddress, SESSION_COOKIE, setSessionCookie } from './session-auth';

const tags = ['Staff sign-in'];

const loginRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags,
  summary: 'Sign in',
  description:
    'Checks the username and password and opens a new session in an HttpOnly, SameSite=Strict cookie `jifen_session` (a session id the ' +
    'client already had is never reused). The same 401 answers an unknown user and a wrong password. Five failures for a username from ' +
    'one address lock that pair for 15 minutes; a username or an address with many failures is slowed to one attempt per 30 s, but an ' +
    'address with no failure for the username is never refused (429 with Retry-After).',
  middleware: [jsonBody({ maxBytes: 4 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: loginRequestSchema } } } },
  responses: { 200: json(sessionSchema, 'Signed in; the cookie is set'), ...errorResponses(400, 401, 413, 415, 422, 429) },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags,
  summary: 'Sign out',
  description: 'Ends the session of the cookie, if any, and clears the cookie. Needs the CSRF token when a session is open.',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags,
  summary: 'The signed-in account and its CSRF token',
  responses: { 200: json(sessionSchema, 'The session'), ...errorResponses(401) },
});

/**
 * `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`.
 *
 * @example
 * app.route('/', authRoutes({ lifecycle, policy: DEFAULT_SESSION_POLICY, network: { trustProxy: false } }));
 */
export function authRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(loginRoute, async (c) => {
    const body = c.req.valid('json');
    try {
      const { sessionId, user } = await signIn(need(deps), deps.policy, { ...body, address: clientAddress(c, deps.network) });
      const previous = getCookie(c, SESSION_COOKIE);
      // A session the client already had ends here: one browser, one session.
      if (previous && previous !== sessionId) await signOut(need(deps), previous);
      setSessionCookie(c, sessionId, deps.policy, deps.network);
      c.header('Cache-Control', 'no-store');
      return c.json({ user, csrfToken: csrfTokenFor(sessionId) }, 200);
    } catch (error) {
      if (error instanceof TooManyAttempts) c.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });

  app.openapi(logoutRoute, async (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId && deps.lifecycle) await signOut(deps.lifecycle, sessionId);
    clearSessionCookie(c, deps.network);
    return c.body(null, 204);
  });

  app.openapi(meRoute, (c) => {
    const { user, csrfToken } = staffOf(c);
    c.header('Cache-Control', 'no-store');
    return c.json({ user, csrfToken }, 200);
  });

  return app;
}
