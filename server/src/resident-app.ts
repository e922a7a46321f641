import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@libsql/client';
import type { AppEnv, PrincipalResolver } from './platform/http/access';
import { calendarRoutes, noticeRoutes } from './features/calendar';
import { residentResolver, serviceResolver } from './features/credentials';
import { credentialRoutes } from './features/credentials';
import { familyFeedRoutes, feedRoutes } from './features/feeds';
import { ledgerRoutes } from './features/ledger';
import type { ResidentRouteDeps } from './features/residents';
import { residentRoutes } from './features/residents';
import { objectionDeadlines, publicationDeadlines } from './features/rounds';
import { applicationDeadlines, selfApplicationRoutes } from './features/self-applications';

/** What the resident workflow needs beyond the database: the resident-token key, and which rule set scores residents. */
export interface ResidentServices {
  /** HS256 key of resident tokens (`loadResidentTokenSecret`). */
  residentTokenSecret: Uint8Array;
  /** Default `district-sample`. */
  scoringRuleSet?: string;
}

/** The callers the resident workflow adds: service credentials and resident tokens. */
export function residentResolvers(client: Client, services: ResidentServices, now: () => Date): PrincipalResolver[] {
  return [serviceResolver(client), residentResolver(services.residentTokenSecret, now, client)];
}

/**
 * Mounts residents, feeds, ledgers, self-applications, service credentials, resident tokens and the
 * working-day calendar (overrides, holiday notices and the deadlines they move).
 *
 * @example
 * mountResidents(app, { client, resolver, now, residentTokenSecret });
 */
export function mountResidents(app: OpenAPIHono<AppEnv>, deps: ResidentRouteDeps): void {
  app.route('/', residentRoutes(deps));
  app.route('/', ledgerRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', familyFeedRoutes(deps));
  app.route('/', credentialRoutes(deps));
  app.route('/', selfApplicationRoutes(deps));
  app.route('/', calendarRoutes(deps));
  app.route('/', noticeRoutes(deps, [applicationDeadlines, objectionDeadlines, publicationDeadlines]));
}
