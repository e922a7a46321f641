import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@libsql/client';
import type { AppEnv, PrincipalResolver } from './access';
import { calendarRoutes } from './calendar-routes';
import { residentResolver, serviceResolver } from './caller-auth';
import { credentialRoutes } from './credential-routes';
import { feedRoutes } from './feed-routes';
import { ledgerRoutes } from './ledger-routes';
import type { ResidentRouteDeps } from './resident-deps';
import { residentRoutes } from './resident-routes';
import { selfApplicationRoutes } from './self-application-routes';

/** What the resident workflow needs beyond the database: the resident-token key, and which rule set scores residents. */
export interface ResidentServices {
  /** HS256 key of resident tokens (`loadResidentTokenSecret`). */
  residentTokenSecret: Uint8Array;
  /** Default `district-sample`. */
  scoringRuleSet?: string;
}

/** The callers the resident workflow adds: service credentials and resident tokens. */
export function residentResolvers(client: Client, services: ResidentServices, now: () => Date): PrincipalResolver[] {
  return [serviceResolver(client), residentResolver(services.residentTokenSecret, now)];
}

/**
 * Mounts residents, feeds, ledgers, self-applications, service credentials, resident tokens and the
 * calendar overrides.
 *
 * @example
 * mountResidents(app, { client, resolver, now, residentTokenSecret });
 */
export function mountResidents(app: OpenAPIHono<AppEnv>, deps: ResidentRouteDeps): void {
  app.route('/', residentRoutes(deps));
  app.route('/', ledgerRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', credentialRoutes(deps));
  app.route('/', selfApplicationRoutes(deps));
  app.route('/', calendarRoutes(deps));
}
