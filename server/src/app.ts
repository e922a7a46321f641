import { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@libsql/client';
import type { RuleSetRepository } from './domain/rule-set/repository';
import { accessControl, type AppEnv, type PrincipalResolver } from './platform/http/access';
import { anonymousRateLimit, type AnonymousRateLimit } from './platform/http/anonymous-rate-limit';
import { auditRoutes, checkpointRoutes } from './features/audit';
import { authRoutes } from './features/staff';
import { diffRoutes } from './features/diff';
import { draftRoutes, draftWorkbookRoutes } from './features/drafts';
import { impactRoutes } from './features/impact';
import type { LifecycleRouteDeps } from './features/staff';
import { sessionResolver, type NetworkOptions } from './features/staff';
import { roleRequestRoutes, userRoutes } from './features/staff';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './features/staff';
import { addApiDocs, DOCS_PATH } from './platform/http/docs-routes';
import { errorHandler, notFoundHandler, validationHook } from './platform/http/errors';
import { evaluateRoutes } from './features/evaluate';
import { healthRoutes } from './platform/http/health-routes';
import { ruleSetRoutes, versionWorkbookRoutes } from './features/rule-sets';
import { securityHeaders } from './platform/http/security-headers';
import { serveEditor } from './platform/http/static';
import { objectionRoutes } from './features/rounds';
import { publicAssetRoutes, publicRoundRoutes } from './features/rounds';
import { roundRoutes } from './features/rounds';
import { widgetCors } from './features/widget';
import { mountWidget, widgetResolvers, type WidgetServices } from './features/widget';
import { mountResidents, residentResolvers, type ResidentServices } from './resident-app';
import { createPopulationCache } from './features/impact';
import { createRuleSetResolver, type RuleSetResolver } from './features/rule-sets';

export interface AppDeps {
  ruleSets: RuleSetRepository;
  /** Defaults to a resolver with its own cache over `ruleSets`. */
  resolver?: RuleSetResolver;
  /** Where unexpected errors go; `console.error` by default. */
  log?: (message: string, error: unknown) => void;
  /** Shown in the OpenAPI document. */
  version?: string;
  /**
   * The database behind staff accounts, drafts and the audit trail (the same client as `ruleSets`). Without
   * it nobody can sign in: staff routes answer 401 and only the open routes work.
   */
  database?: Client;
  /** The clock for sessions, audit entries and "today"; tests pass their own. */
  now?: () => Date;
  /** Session lifetimes and sign-in limits; `DEFAULT_SESSION_POLICY` by default. */
  sessions?: Partial<SessionPolicy>;
  /** Proxy headers; see `NetworkOptions`. */
  network?: Partial<NetworkOptions>;
  /** More kinds of callers (service credentials, partner keys, resident tokens), tried after the staff session. */
  principalResolvers?: readonly PrincipalResolver[];
  /** Partners and the eligibility widget (features/widget, features/partners); without it none of their routes is served. */
  widget?: WidgetServices;
  /** Residents, feeds, ledgers and self-applications (features/residents); served only with `database`. */
  residents?: ResidentServices;
  /** Requests per address of callers without a session or credential; unlimited when absent (`npm start` sets one). */
  anonymousRateLimit?: AnonymousRateLimit;
  /** The key that signs audit checkpoints (never stored in the database); without it checkpoints answer 404. */
  auditKey?: string;
}

/**
 * The Jifen HTTP application, without a server: routes, validation, one error handler, API docs.
 *
 * @example
 * const app = createApp({ ruleSets: createMemoryRuleSetRepository() });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const log = deps.log ?? ((message: string, error: unknown) => console.error(message, error));
  const resolver = deps.resolver ?? createRuleSetResolver(deps.ruleSets);
  const now = deps.now ?? (() => new Date());
  const lifecycle: LifecycleRouteDeps = {
    lifecycle: deps.database && { db: deps.database, ruleSets: deps.ruleSets, now },
    policy: { ...DEFAULT_SESSION_POLICY, ...deps.sessions },
    network: { trustProxy: false, ...deps.network },
  };

  app.use('*', securityHeaders({ docsPath: DOCS_PATH, network: lifecycle.network }));

  // Before the access control, so that the widget can read (and show) a refusal.
  if (deps.widget) app.use('/api/v1/widget/*', widgetCors(deps.widget.partners));
  // Registered before every route: the access table (platform/http/access.ts) decides who may call what.
  const widgetCallers = deps.widget ? widgetResolvers(deps.widget) : [];
  const residentCallers = deps.database && deps.residents ? residentResolvers(deps.database, deps.residents, now) : [];
  app.use('*', accessControl({ resolvers: [sessionResolver(lifecycle.lifecycle, lifecycle.policy), ...(deps.principalResolvers ?? []), ...residentCallers, ...widgetCallers] }));
  // After the access control has named the caller; before any body is read.
  if (deps.anonymousRateLimit) app.use('*', anonymousRateLimit(deps.anonymousRateLimit, lifecycle.network));

  app.route('/', healthRoutes());
  app.route('/', evaluateRoutes({ resolver }));
  app.route('/', authRoutes(lifecycle));
  app.route('/', userRoutes(lifecycle));
  app.route('/', roleRequestRoutes(lifecycle));
  // Before the rule-set routes: `/rule-sets/validate` is not a rule set id.
  app.route('/', draftRoutes(lifecycle));
  app.route('/', draftWorkbookRoutes(lifecycle));
  app.route('/', impactRoutes({ ...lifecycle, population: createPopulationCache(), log }));
  app.route('/', diffRoutes(lifecycle));
  app.route('/', auditRoutes(lifecycle));
  app.route('/', checkpointRoutes({ ...lifecycle, ...(deps.auditKey ? { auditKey: deps.auditKey } : {}) }));
  app.route('/', ruleSetRoutes({ ruleSets: deps.ruleSets }));
  app.route('/', versionWorkbookRoutes({ ruleSets: deps.ruleSets }));
  if (deps.database) {
    const rounds = { client: deps.database, resolver };
    app.route('/', roundRoutes({ rounds, now }));
    app.route('/', objectionRoutes({ rounds, now }));
    app.route('/', publicRoundRoutes(rounds));
  }
  if (deps.database && deps.residents) {
    mountResidents(app, { client: deps.database, resolver, now, ...deps.residents });
  }
  if (deps.widget) mountWidget(app, deps.widget, { resolver, ruleSets: deps.ruleSets });
  addApiDocs(app, deps.version ?? '0.1.0');
  app.route('/editor', serveEditor());
  app.route('/', publicAssetRoutes());

  app.notFound(notFoundHandler);
  app.onError(errorHandler(log));
  return app;
}
