import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createUser, listUsers, updateUser } from './accounts';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { newUserRequestSchema, userChangesRequestSchema, userListSchema, userParamsSchema, userSchema } from './account-schemas';
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
  description: 'Passwords are hashed with scrypt. Recorded in the audit trail as `user-created`.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: newUserRequestSchema } } } },
  responses: { 201: json(userSchema, 'The account'), ...errorResponses(401, 403, 409, 413, 415, 422) },
});

const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'Change a staff account (admin)',
  description:
    'Only the fields given change. Disabling an account or setting its password ends its sessions. The last active admin cannot be ' +
    'disabled or lose the role (409). Recorded as `user-changed`, `user-disabled` or `password-changed`.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: {
    params: userParamsSchema,
    body: { required: true, content: { 'application/json': { schema: userChangesRequestSchema } } },
  },
  responses: { 200: json(userSchema, 'The account as changed'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
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
    const user = await createUser(need(deps), c.req.valid('json'), staffOf(c).user.username);
    return c.json(user, 201);
  });

  app.openapi(updateUserRoute, async (c) => {
    const user = await updateUser(need(deps), c.req.valid('param').id, c.req.valid('json'), staffOf(c).user.username);
    return c.json(user, 200);
  });

  return app;
}
