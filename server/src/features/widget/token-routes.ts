import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { ResidentRepository } from '../../domain/residents/repository';
import { localDate } from '../../domain/local-date';
import type { PartnerRepository } from '../../domain/eligibility/partners';
import { findScenario } from '../../domain/eligibility/scenario-facts';
import type { RuleSetResolver } from '../rule-sets';
import type { AppEnv } from '../../platform/http/access';
import { serviceOf } from '../credentials';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { issueResidentToken } from './resident-tokens';
import { jwksSchema, residentTokenRequestSchema, residentTokenSchema } from './widget-schemas';
import type { Signer } from './signer';

export interface TokenRouteDeps {
  client: Client;
  resolver: RuleSetResolver;
  residents: ResidentRepository;
  signer: Signer;
  now: () => Date;
  /** The `iss` of widget tokens: Jifen's public URL. */
  issuer: () => string;
  partners: PartnerRepository;
}

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const issueRoute = createRoute({
  method: 'post',
  path: '/api/v1/widget-tokens',
  tags: ['Widget'],
  security: [{ serviceCredential: [] }],
  summary: "Issue a resident's widget token (for the resident's own app)",
  description:
    "Called by the resident's own app, with its `resident-app` service credential as a Bearer token, once the resident has agreed to show " +
    'their result for one scenario on a partner site. The token is signed, short-lived, names no resident (it refers to the stored consent), ' +
    'and works for that scenario only.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: residentTokenRequestSchema } } } },
  responses: { 201: json(residentTokenSchema, 'The token'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

const jwksRoute = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  tags: ['Widget'],
  summary: "Jifen's public signing keys",
  description: 'Verify widget statements (compact JWS, ES256, `kid` in the header) against these keys.',
  responses: { 200: json(jwksSchema, 'A JSON Web Key Set') },
});

/**
 * `POST /api/v1/widget-tokens` for the resident's own app, and `GET /.well-known/jwks.json`.
 *
 * @example
 * app.route('/', tokenRoutes({ client, resolver, residents, signer, now: () => new Date() }));
 */
export function tokenRoutes(deps: TokenRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(jwksRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(deps.signer.jwks, 200);
  });

  app.openapi(issueRoute, async (c) => {
    const credential = serviceOf(c, 'resident-app');
    const body = c.req.valid('json');
    const now = deps.now();
    const rs = await deps.resolver.resolve(await deps.resolver.pick({ ruleSetId: body.ruleSetId, asOf: localDate(now) }));
    findScenario(rs, body.scenarioId);
    const partner = await deps.partners.getPartner(body.partnerId);
    if (!partner) throw new JifenError('not_found', { en: `WidgetTokens: no partner "${body.partnerId}"`, zh: '没有这家合作单位' }, [{ path: 'partnerId', message: 'no such partner' }]);
    const fields = [
      ...(partner.scenarios.some((s) => s.ruleSetId === body.ruleSetId && s.scenarioId === body.scenarioId)
        ? []
        : [{ path: 'scenarioId', message: 'the partner does not show this scenario' }]),
      ...(body.origin !== undefined && !partner.origins.includes(body.origin) ? [{ path: 'origin', message: "not one of the partner's sites" }] : []),
    ];
    if (fields.length > 0) throw new JifenError('validation_failed', { en: 'WidgetTokens: the consent does not fit the partner', zh: '授权内容与合作单位不符' }, fields);
    if (!(await deps.residents.getResident(body.residentId))) {
      throw new JifenError('not_found', { en: `WidgetTokens: no resident "${body.residentId}"`, zh: '没有这位居民' }, [{ path: 'residentId', message: 'no such resident' }]);
    }
    const issued = await issueResidentToken(deps.client, deps.signer, {
      residentId: body.residentId,
      ruleSetId: body.ruleSetId,
      scenarioId: body.scenarioId,
      partnerId: partner.id,
      ...(body.origin !== undefined ? { origin: body.origin } : {}),
      issuedBy: credential.id,
      now,
      issuer: deps.issuer(),
      ...(body.consentAt ? { consentAt: new Date(body.consentAt) } : {}),
      ...(body.ttlSeconds ? { ttlSeconds: body.ttlSeconds } : {}),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(issued, 201);
  });

  return app;
}
