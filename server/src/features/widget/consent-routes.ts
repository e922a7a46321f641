import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Client } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { PartnerRepository } from '../../domain/eligibility/partners';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { principalOf, type AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { widgetGrants, type WidgetGrant } from './widget-grants';

const tags = ['Widget'];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const residentParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'res-000001' }) });
const consentParam = residentParam.extend({ consentId: z.string().min(1).max(64).openapi({ param: { name: 'consentId', in: 'path' }, example: 'wgt-3f9a1c2b7d4e' }) });

const consentSchema = z
  .object({
    id: z.string(),
    partner: z.object({ id: z.string(), name: z.string() }),
    origin: z.string().nullable().openapi({ description: 'The partner site chosen, or null for any of its sites.' }),
    scenario: z.string().openapi({ example: 'district-sample/school-enrollment' }),
    consentAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    active: z.boolean().openapi({ description: 'Neither expired nor revoked: its tokens work.' }),
  })
  .openapi('WidgetConsent');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/residents/{id}/widget-consents',
  tags,
  summary: "A resident's consents to show their result on partner sites",
  description: 'The resident (their own only) sees which partner, which site and which scenario each consent is for, and whether it still works.',
  request: { params: residentParam },
  responses: { 200: json(z.object({ consents: z.array(consentSchema) }), 'Newest first'), ...errorResponses(401, 403) },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/api/v1/residents/{id}/widget-consents/{consentId}/revoke',
  tags,
  summary: 'Withdraw a consent: its tokens stop working at once',
  request: { params: consentParam },
  responses: { 200: json(consentSchema, 'The consent, revoked'), ...errorResponses(401, 403, 404) },
});

function ownResident(c: Parameters<typeof principalOf>[0], id: string): string {
  const principal = principalOf(c);
  if (principal?.kind !== 'resident' || principal.id !== id) throw new JifenError('forbidden', { en: 'WidgetConsents: a resident may see and change only their own consents', zh: '居民只能查看和修改自己的授权' });
  return principal.id;
}

/**
 * A resident's widget consents: list them, revoke one (audited). Called with the resident's own token.
 *
 * @example
 * app.route('/', consentRoutes({ client, partners, now: () => new Date() }));
 */
export function consentRoutes(deps: { client: Client; partners: PartnerRepository; now: () => Date }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const view = async (g: WidgetGrant) => {
    const partner = g.partnerId ? await deps.partners.getPartner(g.partnerId) : undefined;
    const now = deps.now().toISOString();
    return {
      id: g.id,
      partner: { id: g.partnerId, name: partner?.name ?? '' },
      origin: g.origin ?? null,
      scenario: `${g.ruleSetId}/${g.scenarioId}`,
      consentAt: g.consentAt,
      expiresAt: g.expiresAt,
      revokedAt: g.revokedAt ?? null,
      active: !g.revokedAt && g.expiresAt > now,
    };
  };

  app.openapi(listRoute, async (c) => {
    const id = ownResident(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ consents: await Promise.all((await widgetGrants(deps.client).listByResident(id)).map(view)) }, 200);
  });

  app.openapi(revokeRoute, async (c) => {
    const { id: param, consentId } = c.req.valid('param');
    const id = ownResident(c, param);
    const at = deps.now();
    const revoked = await inTransaction(deps.client, async (tx) => {
      const grants = widgetGrants(tx);
      const grant = await grants.get(consentId);
      if (!grant || grant.residentId !== id) throw new JifenError('not_found', { en: `WidgetConsents: no consent "${consentId}"`, zh: '没有这项授权' });
      if (grant.revokedAt) return grant;
      await grants.revoke(grant.id, at.toISOString());
      await appendAudit(tx, { at, actor: `resident:${id}`, action: 'widget-consent-revoked', target: `resident:${id}/widget-consent:${grant.id}`, details: { partner: grant.partnerId } });
      return { ...grant, revokedAt: at.toISOString() };
    });
    return c.json(await view(revoked), 200);
  });

  return app;
}
