import { OpenAPIHono } from '@hono/zod-openapi';
import type { RuleSetRepository } from './domain/rule-set/repository';
import { addApiDocs } from './http/docs-routes';
import { errorHandler, notFoundHandler, validationHook } from './http/errors';
import { evaluateRoutes } from './http/evaluate-routes';
import { healthRoutes } from './http/health-routes';
import { ruleSetRoutes } from './http/rule-set-routes';
import { serveEditor } from './http/static';
import { createRuleSetResolver, type RuleSetResolver } from './storage/rule-set-resolver';

export interface AppDeps {
  ruleSets: RuleSetRepository;
  /** Defaults to a resolver with its own cache over `ruleSets`. */
  resolver?: RuleSetResolver;
  /** Where unexpected errors go; `console.error` by default. */
  log?: (message: string, error: unknown) => void;
  /** Shown in the OpenAPI document. */
  version?: string;
}

/**
 * The Jifen HTTP application, without a server: routes, validation, one error handler, API docs.
 *
 * @example
 * const app = createApp({ ruleSets: createMemoryRuleSetRepository() });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const resolver = deps.resolver ?? createRuleSetResolver(deps.ruleSets);

  app.route('/', healthRoutes());
  app.route('/', evaluateRoutes({ resolver }));
  app.route('/', ruleSetRoutes({ ruleSets: deps.ruleSets }));
  addApiDocs(app, deps.version ?? '0.1.0');
  app.route('/editor', serveEditor());

  app.notFound(notFoundHandler);
  app.onError(errorHandler(deps.log ?? ((message, error) => console.error(message, error))));
  return app;
}
