import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { JifenError, type FieldError } from '../../domain/errors';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import type { Partner, PartnerRepository, PartnerScenario } from '../../domain/eligibility/partners';
import type { PartnerAdmin } from './partners-service';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { issuedKeySchema, keyParams, partnerIdParam, partnerInputSchema, partnerSchema } from './partner-schemas';
import { z } from '@hono/zod-openapi';

export interface PartnerRouteDeps {
  partners: PartnerRepository;
  admin: PartnerAdmin;
  ruleSets: RuleSetRepository;
  /** The signed-in staff member's id (the access layer has already checked the role). */
  actor: (c: Context) => string;
  now: () => Date;
}

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['Partners'];
const body = { required: true, content: { 'application/json': { schema: partnerInputSchema } } };
const limit = jsonBody({ maxBytes: 32 * 1024 });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/partners',
  tags,
  summary: 'Partners with their keys (never the keys themselves)',
  responses: { 200: json(z.object({ partners: z.array(partnerSchema) }), 'Every partner') },
});
const createPartnerRoute = createRoute({
  method: 'post',
  path: '/api/v1/partners',
  tags,
  summary: 'Register a partner: name, allowed origins, scenarios',
  middleware: [limit],
  request: { body },
  responses: { 201: json(partnerSchema, 'The partner'), ...errorResponses(400, 413, 415, 422) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/partners/{id}',
  tags,
  summary: 'One partner',
  request: { params: partnerIdParam },
  responses: { 200: json(partnerSchema, 'The partner'), ...errorResponses(404) },
});
const updateRoute = createRoute({
  method: 'put',
  path: '/api/v1/partners/{id}',
  tags,
  summary: "Change a partner's name, origins or scenarios",
  middleware: [limit],
  request: { params: partnerIdParam, body },
  responses: { 200: json(partnerSchema, 'The partner'), ...errorResponses(400, 404, 413, 415, 422) },
});
const issueRoute = createRoute({
  method: 'post',
  path: '/api/v1/partners/{id}/keys',
  tags,
  summary: 'Issue an API key (shown once)',
  description: 'The key is in the answer and nowhere else: Jifen stores only its hash. Audited.',
  request: { params: partnerIdParam },
  responses: { 201: json(issuedKeySchema, 'The new key'), ...errorResponses(404) },
});
const revokeRoute = createRoute({
  method: 'post',
  path: '/api/v1/partners/{id}/keys/{keyId}/revoke',
  tags,
  summary: 'Revoke an API key',
  description: 'Widgets using the key are refused from then on. Audited.',
  request: { params: keyParams },
  responses: { 200: json(partnerSchema.shape.keys.element, 'The revoked key'), ...errorResponses(404, 409) },
});

/**
 * Partner administration for admins: register partners, change them, issue and revoke their API keys.
 *
 * @example
 * app.route('/', partnerRoutes({ partners, admin: partnerAdmin(client), ruleSets, actor: (c) => c.var.user.id, now }));
 */
export function partnerRoutes(deps: PartnerRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  const withKeys = async (p: Partner) => ({ ...p, keys: (await deps.partners.listKeys(p.id)).map(({ partnerId: _, ...k }) => k) });
  const load = async (id: string) => {
    const partner = await deps.partners.getPartner(id);
    if (!partner) throw new JifenError('not_found', { en: `Partners: no partner "${id}"`, zh: '没有这家合作单位' }, [{ path: 'id', message: 'no such partner' }]);
    return partner;
  };

  /** Every scenario must exist in the latest published version of its rule set. */
  async function checkScenarios(scenarios: readonly PartnerScenario[]): Promise<void> {
    const fields: FieldError[] = [];
    for (const [i, s] of scenarios.entries()) {
      const summary = await deps.ruleSets.getRuleSet(s.ruleSetId);
      const latest = summary && (await deps.ruleSets.getVersion(s.ruleSetId, summary.latest.version));
      if (!latest) fields.push({ path: `scenarios.${i}.ruleSetId`, message: `no rule set "${s.ruleSetId}"` });
      else if (!latest.document.scenarios.some((x) => x.id === s.scenarioId)) {
        fields.push({ path: `scenarios.${i}.scenarioId`, message: `${s.ruleSetId} has no scenario "${s.scenarioId}"` });
      }
    }
    if (fields.length > 0) throw new JifenError('validation_failed', { en: 'Partners: unknown scenarios', zh: '有无法识别的场景' }, fields);
  }

  app.openapi(listRoute, async (c) => c.json({ partners: await Promise.all((await deps.partners.listPartners()).map(withKeys)) }, 200));

  app.openapi(createPartnerRoute, async (c) => {
    const input = c.req.valid('json');
    await checkScenarios(input.scenarios);
    const partner = await deps.admin.create(input, deps.actor(c), deps.now());
    return c.json(await withKeys(partner), 201);
  });

  app.openapi(getRoute, async (c) => c.json(await withKeys(await load(c.req.valid('param').id)), 200));

  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    await checkScenarios(input.scenarios);
    const partner = await deps.admin.update(c.req.valid('param').id, input, deps.actor(c), deps.now());
    return c.json(await withKeys(partner), 200);
  });

  app.openapi(issueRoute, async (c) => {
    const { key, stored } = await deps.admin.issueKey(c.req.valid('param').id, deps.actor(c), deps.now());
    c.header('Cache-Control', 'no-store');
    return c.json({ id: stored.id, partnerId: stored.partnerId, key, createdAt: stored.createdAt }, 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const { id, keyId } = c.req.valid('param');
    const { partnerId: _, ...revoked } = await deps.admin.revokeKey(id, keyId, deps.actor(c), deps.now());
    return c.json(revoked, 200);
  });

  return app;
}
