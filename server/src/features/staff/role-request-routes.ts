import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { changeOwnPassword } from './accounts';
import { passwordChangeSchema, roleDecisionSchema, roleRequestListSchema } from './account-schemas';
import { decideRoleRequest, pendingRoleRequests } from './role-requests';
import { json, need, type LifecycleRouteDeps } from './route-deps';
import { hashSessionId } from './sessions';

const tags = ['Staff accounts'];
const params = z.strictObject({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'k3x9m2p7q4rt' }) });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/role-requests',
  tags,
  summary: 'Role grants waiting for a second admin (admin)',
  responses: { 200: json(roleRequestListSchema, 'Pending requests, oldest first'), ...errorResponses(401, 403) },
});

const decide = (decision: 'confirm' | 'refuse') =>
  createRoute({
    method: 'post',
    path: `/api/v1/role-requests/{id}/${decision}`,
    tags,
    summary: decision === 'confirm' ? 'Confirm a role grant (a second admin)' : 'Refuse a role grant (a second admin)',
    description:
      'By an admin who neither asked for the grant nor receives it (403). Recorded as ' +
      (decision === 'confirm' ? '`role-change-confirmed`; the roles are then added.' : '`role-change-refused`.'),
    request: { params },
    responses: { 200: json(roleDecisionSchema, 'The request as decided, and the account'), ...errorResponses(401, 403, 404, 409) },
  });

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  tags,
  summary: 'Change your own password',
  description:
    'With the current password. A password an admin set must be changed this way before the account can approve or reject drafts. ' +
    'Your other sessions end. Recorded as `password-changed`.',
  middleware: [jsonBody({ maxBytes: 4 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: passwordChangeSchema } } } },
  responses: { 204: { description: 'Changed' }, ...errorResponses(401, 403, 413, 415, 422) },
});

/**
 * `GET /role-requests`, `POST /role-requests/{id}/confirm|refuse` (a second admin) and
 * `POST /auth/password` (the owner).
 *
 * @example
 * app.route('/', roleRequestRoutes(deps));
 */
export function roleRequestRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listRoute, async (c) => c.json({ requests: await pendingRoleRequests(need(deps)) }, 200));
  app.openapi(decide('confirm'), async (c) => c.json(await decideRoleRequest(need(deps), c.req.valid('param').id, staffOf(c).user, 'confirm'), 200));
  app.openapi(decide('refuse'), async (c) => c.json(await decideRoleRequest(need(deps), c.req.valid('param').id, staffOf(c).user, 'refuse'), 200));
  app.openapi(passwordRoute, async (c) => {
    const staff = staffOf(c);
    await changeOwnPassword(need(deps), staff.user, c.req.valid('json'), hashSessionId(staff.sessionId));
    return c.body(null, 204);
  });
  return app;
}
