/**
 * Who may call what: the one access table of Jifen, enforced by one middleware (`accessControl`).
 *
 * How to add a route: register it as usual, then add its key here — `"METHOD /path/{param}"`, exactly as
 * Hono lists it in `app.routes` with `:param` written `{param}` — with the audiences allowed to call it.
 * A route missing from this table is refused with 403 for everyone, and the route × role matrix test
 * (access.test.ts) fails until the entry exists. Middleware added with `app.use(path, …)` is an `ALL`
 * route: it needs no entry, and a request that only such middleware matches is refused unless an
 * `ALL /path` entry opens it.
 *
 * Audiences: `anonymous` (anyone, signed in or not), `staff` (any signed-in account), a staff role
 * (`admin`, `editor`, `approver`, `reviewer`, `auditor`), or another kind of caller: `service` (a
 * department system's credential, feeds), `partner` (a partner site's API key, widget) and `resident` (a
 * resident's signed token). Roles are never implied: list `admin` where admins may go.
 *
 * How to add a kind of caller: write a `PrincipalResolver` (reads its own credential from the request,
 * answers a `Principal` or undefined when the credential is absent, throws `unauthorized` when it is
 * present but wrong) and pass it to `createApp` in `principalResolvers`. Handlers read the caller with
 * `principalOf(c)` / `staffOf(c)`. Finer checks (an editor's department, four eyes) stay in the handlers.
 *
 * Sessions: a state-changing request (POST, PUT, PATCH, DELETE) carried by a staff session must also
 * carry the session's CSRF token in `X-CSRF-Token`, except those in `CSRF_EXEMPT`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { timingSafeEqual } from 'node:crypto';
import type { Role, StaffUser } from '../../domain/accounts/roles';
import { JifenError } from '../../domain/errors';

export type Audience = 'anonymous' | 'staff' | Role | 'service' | 'partner' | 'resident';

export type AccessTable = Readonly<Record<string, readonly Audience[]>>;

const STAFF_READ: readonly Audience[] = ['editor', 'approver', 'auditor', 'admin'];

export const ACCESS: AccessTable = {
  // Operations, documentation, the editor's static files
  'GET /healthz': ['anonymous'],
  'GET /api/v1/openapi.json': ['anonymous'],
  'GET /api/docs': ['anonymous'],
  'GET /api/docs/scalar.js': ['anonymous'],
  'GET /api/docs/init.js': ['anonymous'],
  'GET /editor': ['anonymous'],
  'GET /editor/*': ['anonymous'],

  // Evaluation stays open (README "HTTP API"); published rule sets are public policy
  'POST /api/v1/evaluate': ['anonymous'],
  'POST /api/v1/evaluate/batch': ['anonymous'],
  'GET /api/v1/rule-sets': ['anonymous'],
  'GET /api/v1/rule-sets/schema.json': ['anonymous'],
  'GET /api/v1/rule-sets/{id}': ['anonymous'],
  'GET /api/v1/rule-sets/{id}/versions': ['anonymous'],
  'GET /api/v1/rule-sets/{id}/versions/{version}': ['anonymous'],
  'GET /api/v1/rule-sets/{id}/versions/{version}/workbook': ['anonymous'],

  // Staff sign-in
  'POST /api/v1/auth/login': ['anonymous'],
  'POST /api/v1/auth/logout': ['anonymous'],
  'GET /api/v1/auth/me': ['staff'],

  // Accounts
  'GET /api/v1/users': ['admin'],
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/{id}': ['admin'],
  'GET /api/v1/role-requests': ['admin'],
  'POST /api/v1/role-requests/{id}/confirm': ['admin'],
  'POST /api/v1/role-requests/{id}/refuse': ['admin'],
  'POST /api/v1/auth/password': ['staff'],

  // Drafts and four-eyes publishing (an editor's department is checked by the handler)
  'POST /api/v1/rule-sets/validate': ['editor', 'approver', 'admin'],
  'GET /api/v1/rule-sets/{id}/drafts': STAFF_READ,
  'POST /api/v1/rule-sets/{id}/drafts': ['editor'],
  'GET /api/v1/rule-sets/{id}/drafts/{draftId}': STAFF_READ,
  'PUT /api/v1/rule-sets/{id}/drafts/{draftId}': ['editor'],
  'PATCH /api/v1/rule-sets/{id}/drafts/{draftId}': ['editor'],
  'PUT /api/v1/rule-sets/{id}/drafts/{draftId}/name': ['editor'],
  'GET /api/v1/rule-sets/{id}/drafts/{draftId}/workbook': STAFF_READ,
  'PUT /api/v1/rule-sets/{id}/drafts/{draftId}/workbook': ['editor'],
  'POST /api/v1/rule-sets/{id}/drafts/{draftId}/evaluate': ['editor', 'approver'],
  'POST /api/v1/rule-sets/{id}/drafts/{draftId}/impact': STAFF_READ,
  'POST /api/v1/rule-sets/{id}/drafts/{draftId}/submit': ['editor'],
  'POST /api/v1/rule-sets/{id}/drafts/{draftId}/approve': ['approver'],
  'POST /api/v1/rule-sets/{id}/drafts/{draftId}/reject': ['approver'],
  'POST /api/v1/rule-sets/{id}/drafts/{draftId}/withdraw': ['editor'],
  'GET /api/v1/rule-sets/{id}/diff': STAFF_READ,

  // Audit trail
  'GET /api/v1/audit/checkpoint': ['auditor', 'admin'],
  'POST /api/v1/audit/verify': ['auditor', 'admin'],
  'GET /api/v1/audit': ['auditor', 'admin'],
  'GET /api/v1/audit/verify': ['auditor', 'admin'],

  // Scenario rounds: the scenario's department (its reviewers) runs them; department checked by the workflow
  'GET /api/v1/rounds': ['staff'],
  'POST /api/v1/rounds': ['reviewer'],
  'GET /api/v1/rounds/{id}': ['staff'],
  'GET /api/v1/rounds/{id}/applications': ['reviewer', 'auditor', 'admin'],
  'POST /api/v1/rounds/{id}/applications': ['resident', 'reviewer'],
  'POST /api/v1/rounds/{id}/applications/{applicationId}/accept': ['reviewer'],
  'POST /api/v1/rounds/{id}/applications/{applicationId}/reject': ['reviewer'],
  'POST /api/v1/rounds/{id}/close': ['reviewer'],
  'POST /api/v1/rounds/{id}/publish': ['reviewer'],
  'POST /api/v1/rounds/{id}/finalize': ['reviewer'],
  'GET /api/v1/rounds/{id}/ranking': ['reviewer', 'auditor', 'admin'],
  'GET /api/v1/residents/{id}/recommendations': ['resident', 'reviewer'],
  // Objections (异议): residents file, the department answers
  'GET /api/v1/rounds/{id}/objections': ['reviewer', 'auditor', 'admin'],
  'POST /api/v1/rounds/{id}/objections': ['resident', 'reviewer'],
  'POST /api/v1/rounds/{id}/objections/{objectionId}/uphold': ['reviewer'],
  'POST /api/v1/rounds/{id}/objections/{objectionId}/dismiss': ['reviewer'],
  'GET /api/v1/objections/overdue': ['reviewer', 'auditor', 'admin'],
  // The public notice of ranked lists (公示): masked, anonymous
  'GET /api/v1/public/rounds': ['anonymous'],
  'GET /api/v1/public/rounds/{id}': ['anonymous'],
  'GET /api/v1/public/rounds/{id}/export': ['anonymous'],
  'GET /public/rounds/{id}': ['anonymous'],
  'GET /public/assets/notice.css': ['anonymous'],

  // Partners and the eligibility widget (features/widget, features/partners). The resident route also needs the resident's widget
  // token, checked by its handler; widget tokens are asked for by the resident app's service credential.
  'GET /api/v1/partners': ['admin'],
  'POST /api/v1/partners': ['admin'],
  'GET /api/v1/partners/{id}': ['admin'],
  'PUT /api/v1/partners/{id}': ['admin'],
  'POST /api/v1/partners/{id}/keys': ['admin'],
  'POST /api/v1/partners/{id}/keys/{keyId}/revoke': ['admin'],
  'GET /api/v1/widget/origin': ['anonymous'],
  'GET /api/v1/widget/scenarios/{scenario}': ['partner'],
  'POST /api/v1/widget/scenarios/{scenario}/self-check': ['partner'],
  'GET /api/v1/widget/scenarios/{scenario}/resident': ['partner'],
  'POST /api/v1/widget-tokens': ['service'],
  'GET /api/v1/residents/{id}/widget-consents': ['resident'],
  'POST /api/v1/residents/{id}/widget-consents/{consentId}/revoke': ['resident'],
  'GET /.well-known/jwks.json': ['anonymous'],
  'GET /widget/{file}': ['anonymous'],
  'GET /widget/{version}/{file}': ['anonymous'],
  'GET /widget/docs': ['anonymous'],
  'GET /demo/school': ['anonymous'],
  'GET /demo/resident-app': ['anonymous'],
  'POST /demo/resident-app/consent': ['anonymous'],
  'POST /demo/handoff': ['anonymous'],
  'GET /demo/{file}': ['anonymous'],

  // Residents: a resident reads only their own records; names and permit numbers masked by role (features/residents/resident-views.ts)
  'GET /api/v1/residents': ['reviewer', 'admin', 'auditor'],
  'GET /api/v1/residents/{id}': ['resident', 'reviewer', 'admin', 'auditor'],
  'GET /api/v1/residents/{id}/history': ['resident', 'reviewer', 'admin', 'auditor'],
  'GET /api/v1/residents/{id}/score': ['resident', 'reviewer', 'admin', 'auditor'],
  'POST /api/v1/resident-tokens': ['service'],
  // Points ledger: points earned at the office by the indicator's department (checked by the handler)
  'GET /api/v1/residents/{id}/ledger': ['resident', 'reviewer', 'admin', 'auditor'],
  'POST /api/v1/residents/{id}/ledger': ['reviewer', 'admin'],
  'POST /api/v1/residents/{id}/exchanges': ['resident', 'reviewer', 'admin'],
  // Feeds (无感赋分) and the service credentials that push them
  'POST /api/v1/feeds/{source}': ['service'],
  'POST /api/v1/feeds/{source}/family': ['service'],
  'GET /api/v1/family-records/pending': ['reviewer', 'admin'],
  'GET /api/v1/service-credentials': ['admin'],
  'POST /api/v1/service-credentials': ['admin'],
  'POST /api/v1/service-credentials/{id}/revoke': ['admin'],
  // Self-applications (自主申请): the indicator's department decides (checked by the handler)
  'POST /api/v1/self-applications': ['resident', 'reviewer', 'admin'],
  'GET /api/v1/self-applications': ['resident', 'reviewer', 'admin'],
  'GET /api/v1/self-applications/{id}': ['resident', 'reviewer', 'admin'],
  'GET /api/v1/self-applications/{id}/evidence/{fileId}': ['resident', 'reviewer', 'admin'],
  'POST /api/v1/self-applications/{id}/approve': ['reviewer'],
  'POST /api/v1/self-applications/{id}/reject': ['reviewer'],
  // Working-day calendar: the override table is the admins'
  'GET /api/v1/calendar/overrides': ['staff'],
  'PUT /api/v1/calendar/overrides/{date}': ['admin'],
  'DELETE /api/v1/calendar/overrides/{date}': ['admin'],
  'GET /api/v1/calendar/deadline': ['staff'],
  'GET /api/v1/calendar/notices': ['staff'],
  'POST /api/v1/calendar/notices': ['admin'],
  'POST /api/v1/calendar/notices/{id}/confirm': ['admin'],
};

/** State-changing routes that take no CSRF token: signing in has no session to take it from. */
export const CSRF_EXEMPT: ReadonlySet<string> = new Set(['POST /api/v1/auth/login']);

/** A staff member signed in with a session. */
export interface StaffPrincipal {
  kind: 'staff';
  user: StaffUser;
  /** The session id from the cookie, for the CSRF check and sign-out. */
  sessionId: string;
  csrfToken: string;
}

/** A caller other than staff: a department system, a partner site, a resident. */
export interface OtherPrincipal {
  kind: 'service' | 'partner' | 'resident';
  /** Who: the credential's, key's or resident's id. */
  id: string;
  /** Whatever the resolver verified (scopes, scenario, partner origins…). */
  claims?: Readonly<Record<string, unknown>>;
}

export type Principal = StaffPrincipal | OtherPrincipal;

/** Reads one kind of credential from a request (see the top of this file). */
export type PrincipalResolver = (c: Context) => Promise<Principal | undefined>;

/** The Hono environment of Jifen's routes: the caller found by `accessControl`. */
export type AppEnv = { Variables: { principal: Principal | undefined } };

/**
 * Resolves the caller and lets the request through only if the access table allows it: no entry → 403;
 * not signed in where that is needed → 401; not allowed → 403; a session's state-changing request
 * without its CSRF token → 403. Requests that match no route go on to the 404 handler.
 *
 * @example
 * app.use('*', accessControl({ resolvers: [sessionResolver] }));
 */
export function accessControl(options: { resolvers: readonly PrincipalResolver[]; table?: AccessTable }): MiddlewareHandler<AppEnv> {
  const table = options.table ?? ACCESS;
  const self: MiddlewareHandler<AppEnv> = async (c, next) => {
    const key = routeKey(c, self);
    if (key === undefined) return next();

    let principal: Principal | undefined;
    for (const resolve of options.resolvers) {
      principal = await resolve(c);
      if (principal) break;
    }
    c.set('principal', principal);

    const allowed = table[key];
    if (!allowed) throw new JifenError('forbidden', { en: `Access: ${key} is not in the access table; nobody may call it`, zh: '这项操作不对任何人开放' });
    if (principal?.kind === 'staff' && !SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.has(key)) checkCsrf(c, principal);
    if (allowed.includes('anonymous')) return next();
    if (!principal) throw new JifenError('unauthorized', { en: `Access: sign in to call ${key}`, zh: '请先登录再进行这项操作' });
    if (!permits(allowed, principal)) throw new JifenError('forbidden', { en: `Access: ${describe(principal)} may not call ${key}`, zh: '您的账号没有权限进行这项操作' });
    return next();
  };
  return self;
}

/** Whether a caller is among the audiences. */
export function permits(allowed: readonly Audience[], principal: Principal | undefined): boolean {
  if (allowed.includes('anonymous')) return true;
  if (!principal) return false;
  if (principal.kind === 'staff') {
    if (principal.user.disabled) return false;
    return allowed.includes('staff') || principal.user.roles.some((role) => allowed.includes(role));
  }
  return allowed.includes(principal.kind);
}

/** The caller, if any. */
export function principalOf(c: Context<AppEnv>): Principal | undefined {
  return c.get('principal');
}

/** The signed-in staff member; throws 401 when the caller is not one (the access table should prevent that). */
export function staffOf(c: Context<AppEnv>): StaffPrincipal {
  const principal = c.get('principal');
  if (principal?.kind !== 'staff') throw new JifenError('unauthorized', { en: 'Access: sign in as staff', zh: '请用工作人员账号登录' });
  return principal;
}

/**
 * The access-table key of an app route as `app.routes` lists it: `GET /api/v1/rule-sets/{id}`.
 *
 * @example
 * tableKey('get', '/api/v1/rule-sets/:id'); // 'GET /api/v1/rule-sets/{id}'
 */
export function tableKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The key of the route that will answer this request: the last matched route of a specific method
 * (middleware registered with `use` is `ALL`), else the last `ALL` route other than global middleware.
 * Undefined when nothing but global middleware matched (the 404 handler answers), and for a CORS
 * preflight (`OPTIONS`) that no route of its own answers.
 */
function routeKey(c: Context, self: MiddlewareHandler): string | undefined {
  const routes = matchedRoutes(c).filter((r) => r.handler !== self && !(r.method === 'ALL' && (r.path === '/*' || r.path === '*')));
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const handler = routes.findLast((r) => r.method === method);
  if (handler) return tableKey(method, handler.path);
  if (method === 'OPTIONS') return undefined;
  const all = routes.findLast((r) => r.method === 'ALL');
  return all ? tableKey('ALL', all.path) : undefined;
}

function checkCsrf(c: Context, principal: StaffPrincipal): void {
  const sent = c.req.header('x-csrf-token');
  if (!sent) throw new JifenError('forbidden', { en: 'CSRF: send the X-CSRF-Token header with every change (from sign-in or /auth/me)', zh: '页面的登录状态已失效，请刷新页面后再试（程序提交时，须在 X-CSRF-Token 请求头中附上登录时返回的令牌）' });
  const a = Buffer.from(sent);
  const b = Buffer.from(principal.csrfToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new JifenError('forbidden', { en: 'CSRF: the X-CSRF-Token header does not match the session', zh: '页面的登录状态已失效，请刷新页面后再试（程序提交时，X-CSRF-Token 须为本次登录返回的令牌）' });
}

function describe(principal: Principal): string {
  return principal.kind === 'staff' ? `${principal.user.username} (${principal.user.roles.join(', ') || 'no role'})` : `${principal.kind} ${principal.id}`;
}
