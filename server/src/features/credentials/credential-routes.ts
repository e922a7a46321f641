import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { forgetCredentialStatus } from './credential-status';
import { issueCredential, listCredentials, revokeCredential } from './service-credentials';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { issueResidentToken, serviceOf } from './caller-auth';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import { context, type ResidentRouteDeps } from '../residents';
import {
  credentialParamsSchema,
  credentialSchema,
  issueCredentialSchema,
  issuedCredentialSchema,
  residentTokenRequestSchema,
  residentTokenSchema,
} from '../residents';
import { registerResidentSecurity, SERVICE, STAFF_SESSION } from '../residents';

const tags = ['Service credentials'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/service-credentials',
  tags,
  security: STAFF_SESSION,
  summary: 'Every service credential (admin), without secrets',
  responses: { 200: json(z.object({ credentials: z.array(credentialSchema) }).openapi('ServiceCredentialList'), 'The credentials'), ...errorResponses(401, 403) },
});

const issueRoute = createRoute({
  method: 'post',
  path: '/api/v1/service-credentials',
  tags,
  security: STAFF_SESSION,
  summary: 'Issue a service credential (admin)',
  description: 'For a department system (`feed`, one source) or the resident app (`resident-app`). The token is answered once; only its SHA-256 is kept. Audited as `key-issued`.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: issueCredentialSchema } } } },
  responses: { 201: json(issuedCredentialSchema, 'The credential and its token'), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/api/v1/service-credentials/{id}/revoke',
  tags,
  security: STAFF_SESSION,
  summary: 'Revoke a service credential (admin)',
  description: 'Calls with it answer 401 from now on. Audited as `key-revoked`.',
  request: { params: credentialParamsSchema },
  responses: { 200: json(credentialSchema, 'The revoked credential'), ...errorResponses(401, 403, 404, 409) },
});

const tokenRoute = createRoute({
  method: 'post',
  path: '/api/v1/resident-tokens',
  tags: ['Residents'],
  security: SERVICE,
  summary: 'Issue a resident API token (for the resident app)',
  description:
    "The resident app signs its residents in by its own means and then, with its `resident-app` service credential, asks for a token for one " +
    'resident (by id or permit number). The token is signed (HS256), lasts 15 minutes, and lets the resident read their own record, score and ' +
    'ledger, exchange points and file self-applications. Jifen keeps no resident passwords.',
  middleware: [jsonBody({ maxBytes: 4 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: residentTokenRequestSchema } } } },
  responses: { 201: json(residentTokenSchema, 'The token'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

/**
 * Service credentials (admin) and resident tokens (for the resident app).
 *
 * @example
 * app.route('/', credentialRoutes(deps));
 */
export function credentialRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerResidentSecurity(app);

  app.openapi(listRoute, async (c) => c.json({ credentials: await listCredentials(deps.client) }, 200));

  app.openapi(issueRoute, async (c) => {
    const body = c.req.valid('json');
    const by = staffOf(c).user.username;
    const at = deps.now().toISOString();
    const issued = await inTransaction(deps.client, async (tx) => {
      const result = await issueCredential(tx, { ...body, createdBy: by, at });
      await appendAudit(tx, { at, actor: by, action: 'key-issued', target: `credential:${result.credential.id}`, details: { purpose: body.purpose, source: body.source } });
      return result;
    });
    return c.json({ ...issued.credential, token: issued.token }, 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const by = staffOf(c).user.username;
    const at = deps.now().toISOString();
    const revoked = await inTransaction(deps.client, async (tx) => {
      const result = await revokeCredential(tx, c.req.valid('param').id, by, at);
      await appendAudit(tx, { at, actor: by, action: 'key-revoked', target: `credential:${result.id}`, details: { purpose: result.purpose, source: result.source } });
      return result;
    });
    forgetCredentialStatus(deps.client, revoked.id);
    return c.json(revoked, 200);
  });

  app.openapi(tokenRoute, async (c) => {
    const app = serviceOf(c, 'resident-app');
    const body = c.req.valid('json');
    const { now, residents } = await context(deps);
    const resident = body.residentId ? await residents.getResident(body.residentId) : await residents.findByPermit(body.permitNumber ?? '');
    if (!resident) {
      throw new JifenError('not_found', { en: 'Residents: no such resident', zh: '没有这位居民' }, [{ path: body.residentId ? 'residentId' : 'permitNumber', message: 'no such resident' }]);
    }
    const issued = await issueResidentToken(deps.residentTokenSecret, resident.id, now, app.id);
    return c.json({ ...issued, residentId: resident.id }, 201);
  });

  return app;
}
