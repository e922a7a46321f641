import type { OpenAPIHono } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import type { Client } from '@libsql/client';
import type { Env } from 'hono';
import type { ResidentRepository } from '../../domain/residents/repository';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import type { RoundRepository } from '../../domain/rounds/repository';
import type { PartnerRepository } from '../../domain/eligibility/partners';
import { localDate } from '../../domain/local-date';
import { scoringFacts } from '../../domain/residents/scoring-facts';
import { evaluate } from '../../domain/scoring/evaluate';
import { credentialInForce } from '../credentials';
import { createLibsqlPartnerRepository } from '../partners';
import { ensureDemoPartner, partnerAdmin } from '../partners';
import { createLibsqlResidentRepository } from '../residents';
import { createLibsqlRoundRepository } from '../rounds';
import type { RuleSetResolver } from '../rule-sets';
import { loadSigningKeys } from './signing-keys';
import { demoResidents } from './widget-demo';
import { recordView } from './grant-check';
import { widgetGrants } from './widget-grants';
import { loadWidgetTokenSecret } from './widget-token-secret';
import { staffOf, type PrincipalResolver } from '../../platform/http/access';
import { demoRoutes, type WidgetDemo } from './demo-routes';
import { partnerKeyResolver } from '../partners';
import { partnerRoutes } from '../partners';
import { issueResidentToken } from './resident-tokens';
import { createSigner, type Signer } from './signer';
import { tokenRoutes } from './token-routes';
import { consentRoutes } from './consent-routes';
import { docsRoutes } from './docs-routes';
import { serveWidget } from './widget-static';
import { widgetRoutes } from './widget-routes';

/** The public URL when none is configured and the server has not said where it listens. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8787';

/**
 * Checks `JIFEN_PUBLIC_URL`: an http(s) origin, without path, query or credentials.
 *
 * @example
 * publicUrlFrom('https://jifen.example/'); // 'https://jifen.example'
 */
export function publicUrlFrom(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new JifenError('validation_failed', `Jifen: JIFEN_PUBLIC_URL must be the server's public origin, e.g. https://jifen.example, not "${text}"`);
  }
  return url.origin;
}

/** The demo page's scenario. */
const DEMO_SCENARIO = { ruleSetId: 'district-sample', scenarioId: 'school-enrollment' };

/** Everything the partner, widget, token and demo routes share: one database client, one signing key. */
export interface WidgetServices {
  client: Client;
  partners: PartnerRepository;
  residents: ResidentRepository;
  rounds: RoundRepository;
  signer: Signer;
  demo: WidgetDemo;
  now: () => Date;
  /**
   * Jifen's public URL (`JIFEN_PUBLIC_URL`), the constant `iss` of statements and tokens; the server's own
   * address when not configured. Never taken from a request's Host header.
   */
  publicUrl: string;
  /** Whether `publicUrl` was configured (else the server sets its own address once it listens). */
  publicUrlConfigured: boolean;
}

/**
 * Builds the widget's services on the server's one client, loading (or creating) the signing key.
 *
 * @example
 * const widget = await createWidgetServices(client, { signingKey: process.env.JIFEN_SIGNING_KEY });
 */
export async function createWidgetServices(
  client: Client,
  options: { signingKey?: string; now?: () => Date; publicUrl?: string } = {},
): Promise<WidgetServices> {
  const now = options.now ?? (() => new Date());
  return {
    client,
    partners: createLibsqlPartnerRepository(client),
    residents: createLibsqlResidentRepository(client),
    rounds: createLibsqlRoundRepository(client),
    signer: createSigner(await loadSigningKeys(client, options.signingKey, now), await loadWidgetTokenSecret(client, now())),
    demo: {},
    now,
    publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
    publicUrlConfigured: options.publicUrl !== undefined,
  };
}

/**
 * The callers the widget brings to the access table: `partner`, a request with a partner key. (The resident
 * app asks for widget tokens as a `service`, resolved with the resident workflow's service credentials.)
 */
export function widgetResolvers(widget: WidgetServices): PrincipalResolver[] {
  return [partnerKeyResolver(widget.partners)];
}

/**
 * Registers the partner administration, the widget API, widget tokens, the JWKS, `/widget/` and
 * `/demo/`. Call `app.use('/api/v1/widget/*', widgetCors(widget.partners))` before the access control,
 * so that refusals carry CORS headers and the widget can show them.
 *
 * @example
 * mountWidget(app, widget, { resolver, ruleSets });
 */
export function mountWidget<E extends Env>(
  app: OpenAPIHono<E>,
  widget: WidgetServices,
  shared: { resolver: RuleSetResolver; ruleSets: RuleSetRepository },
): void {
  const { client, partners, signer, now } = widget;
  const issuer = { issuer: () => widget.publicUrl };
  app.route('/', partnerRoutes({ partners, admin: partnerAdmin(client), ruleSets: shared.ruleSets, actor: (c) => staffOf(c).user.username, now }));
  app.route(
    '/',
    widgetRoutes({
      partners,
      resolver: shared.resolver,
      signer,
      grants: widgetGrants(client),
      issuerInForce: (issuedBy) => credentialInForce(client, issuedBy, now()),
      recordView: (grant, view) => recordView(client, grant, view),
      residents: widget.residents,
      rounds: widget.rounds,
      now,
      ...issuer,
    }),
  );
  app.route('/', consentRoutes({ client, partners, now }));
  app.route('/', tokenRoutes({ client, resolver: shared.resolver, residents: widget.residents, signer, now, partners, ...issuer }));
  app.route('/widget', docsRoutes(widget.demo, () => widget.publicUrl));
  app.route('/widget', serveWidget());
  app.route('/demo', demoRoutes(widget.demo));
}

/**
 * Sets up `/demo/school` once the server listens: the demo partner registered for this server's origins
 * with a fresh key, and widget tokens for a demo resident — one who meets the scenario's conditions and is
 * a few points short, when there is one.
 *
 * @example
 * await startWidgetDemo(widget, resolver, ['http://localhost:8787', 'http://127.0.0.1:8787']);
 */
export async function startWidgetDemo(widget: WidgetServices, resolver: RuleSetResolver, origins: string[]): Promise<void> {
  const { key, partner } = await ensureDemoPartner(widget.client, { origins, scenario: DEMO_SCENARIO, now: widget.now() });
  let residentId: string | undefined | null = null;
  widget.demo.partnerKey = key;
  widget.demo.partnerId = partner.id;
  widget.demo.partnerName = partner.name;
  // The page states the bar of the version in force today, so it follows the rule set as staff change it.
  widget.demo.bar = async () => {
    const rs = await resolver.resolve(await resolver.pick({ ruleSetId: DEMO_SCENARIO.ruleSetId, asOf: localDate(widget.now()) }));
    return rs.scenarios.find((s) => s.id === DEMO_SCENARIO.scenarioId)?.bar;
  };
  // As the resident's app would ask: consent for the demo partner, on the site the page is served from.
  widget.demo.residentToken = async (origin) => {
    residentId ??= await pickDemoResident(widget, resolver);
    if (!residentId) return undefined;
    const issued = await issueResidentToken(widget.client, widget.signer, {
      ...DEMO_SCENARIO,
      residentId,
      partnerId: partner.id,
      ...(partner.origins.includes(origin) ? { origin } : {}),
      issuedBy: 'demo',
      now: widget.now(),
      issuer: widget.publicUrl,
    });
    return issued.token;
  };
}

async function pickDemoResident(widget: WidgetServices, resolver: RuleSetResolver): Promise<string | undefined> {
  const candidates = await demoResidents(widget.client, DEMO_SCENARIO.ruleSetId, DEMO_SCENARIO.scenarioId);
  const asOf = localDate(widget.now());
  const rs = await resolver.resolve(await resolver.pick({ ruleSetId: DEMO_SCENARIO.ruleSetId, asOf }));
  for (const id of candidates) {
    const record = await widget.residents.getRecord(id);
    if (!record) continue;
    const facts = scoringFacts(rs, record, record.facts, await widget.residents.ledgerEntries(id), asOf);
    const result = (await evaluate(rs, facts, asOf)).scenarios.find((s) => s.id === DEMO_SCENARIO.scenarioId);
    if (result?.missing.every((m) => m.code === 'below-bar')) return id;
  }
  return candidates[0];
}
