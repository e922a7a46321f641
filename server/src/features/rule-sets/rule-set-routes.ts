import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import { ruleSetJsonSchema } from '../../domain/rule-set/json-schema';
import { errorResponses, validationHook } from '../../platform/http/errors';
import {
  ruleSetDetailSchema,
  ruleSetListSchema,
  ruleSetParamsSchema,
  versionDocumentSchema,
  versionListSchema,
  versionParamsSchema,
} from './rule-set-schemas';

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['Rule sets'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets',
  tags,
  summary: 'List rule sets with their latest version',
  responses: { 200: json(ruleSetListSchema, 'Every rule set with a published version') },
});

const schemaRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets/schema.json',
  tags,
  summary: 'JSON Schema of a rule-set document',
  description: 'For editors and tools that write rule sets: the shape checked on loading (semantic checks come on top).',
  responses: { 200: json(z.record(z.string(), z.unknown()), 'A JSON Schema (draft 2020-12)') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets/{id}',
  tags,
  summary: 'A rule set and its published versions',
  request: { params: ruleSetParamsSchema },
  responses: { 200: json(ruleSetDetailSchema, 'The rule set'), ...errorResponses(404, 422) },
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets/{id}/versions',
  tags,
  summary: 'Published versions of a rule set, oldest first',
  request: { params: ruleSetParamsSchema },
  responses: { 200: json(versionListSchema, 'The versions'), ...errorResponses(404, 422) },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets/{id}/versions/{version}',
  tags,
  summary: 'One published version: its document, metadata and content hash',
  request: { params: versionParamsSchema },
  responses: { 200: json(versionDocumentSchema, 'The version'), ...errorResponses(404, 422) },
});

const noRuleSet = (id: string) =>
  new JifenError('not_found', { en: `RuleSets: no rule set "${id}"`, zh: '没有这个规则集' }, [{ path: 'id', message: 'no such rule set' }]);

/**
 * Reading rule sets: list, one rule set, its versions, one version's document, and the JSON Schema of
 * the document format.
 *
 * @example
 * app.route('/', ruleSetRoutes({ ruleSets: repo }));
 */
export function ruleSetRoutes(deps: { ruleSets: RuleSetRepository }) {
  let jsonSchema: Record<string, unknown> | undefined;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  // Registered before `{id}` so that the static path wins.
  app.openapi(schemaRoute, (c) => {
    jsonSchema ??= ruleSetJsonSchema();
    return c.json(jsonSchema, 200);
  });

  app.openapi(listRoute, async (c) => c.json({ ruleSets: await deps.ruleSets.listRuleSets() }, 200));

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const summary = await deps.ruleSets.getRuleSet(id);
    if (!summary) throw noRuleSet(id);
    return c.json({ ...summary, versions: await deps.ruleSets.listVersions(id) }, 200);
  });

  app.openapi(versionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const versions = await deps.ruleSets.listVersions(id);
    if (versions.length === 0) throw noRuleSet(id);
    return c.json({ ruleSetId: id, versions }, 200);
  });

  app.openapi(versionRoute, async (c) => {
    const { id, version } = c.req.valid('param');
    const found = await deps.ruleSets.getVersion(id, Number(version));
    if (found) return c.json(found, 200);
    if ((await deps.ruleSets.listVersions(id)).length === 0) throw noRuleSet(id);
    throw new JifenError('not_found', { en: `RuleSets: ${id} has no version ${version}`, zh: `这个规则集没有第 ${version} 版` }, [{ path: 'version', message: 'no such version' }]);
  });

  return app;
}
