import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createUser, listUsers, updateUser } from './accounts';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { accountSchema, newUserRequestSchema, userChangesRequestSchema, userListSchema, userParamsSchema } from './account-schemas';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json, need, type LifecycleRouteDeps } from './route-deps';

const tags = ['Staff accounts'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags,
  summary: 'Every staff account (admin)',
  responses: { 200: json(userListSchema, 'The accounts, by username'), ...errorResponses(401, 403) },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/v1/users',
  tags,
  summary: 'Create a staff account (admin)',
  description:
    'Passwords are hashed with scrypt; the owner must change the one given here before the account can decide on drafts. The `editor` and ' +
    '`approver` roles are not granted but requested (`pendingRoles`): a second admin confirms them. Recorded as `user-created` and `role-change-requested`.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: newUserRequestSchema } } } },
  responses: { 201: json(accountSchema, 'The account'), ...errorResponses(401, 403, 409, 413, 415, 422) },
});

const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'Change a staff account (admin)',
  description:
    'Only the fields given change. An admin cannot change its own roles (403); `editor` and `approver` added wait for a second admin ' +
    '(`pendingRoles`). Disabling an account or setting its password ends its sessions. The last active admin cannot be ' +
    'disabled or lose the role (409). Recorded as `user-changed`, `user-disabled` or `password-changed`.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: {
    params: userParamsSchema,
    body: { required: true, content: { 'application/json': { schema: userChangesRequestSchema } } },
  },
  responses: { 200: json(accountSchema, 'The account as changed'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

/**
 * `GET /users`, `POST /users`, `PATCH /users/{id}`: account administration.
 *
 * @example
 * app.route('/', userRoutes(deps));
 */
export function userRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => c.json({ users: await listUsers(need(deps)) }, 200));

  app.openapi(createUserRoute, async (c) => {
    const admin = staffOf(c).user;
    const user = await createUser(need(deps), c.req.valid('json'), admin.username, admin);
    return c.json(user, 201);
  });

  app.openapi(updateUserRoute, async (c) => {
    const admin = staffOf(c).user;
    const user = await updateUser(need(deps), c.req.valid('param').id, c.req.valid('json'), admin.username, admin);
    return c.json(user, 200);
  });

  return app;
}
