import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/accounts/roles';
import { newUserSchema, userChangesSchema } from './accounts';

/** Request and response shapes of sign-in and account routes. */

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string().openapi({ example: 'li.approver' }),
    displayName: z.string().openapi({ example: '李审批' }),
    roles: z.array(z.enum(ROLES)),
    departments: z.array(z.string()).openapi({ description: 'Rule-set owners an editor edits for; `*` for all.', example: ['XX区'] }),
    disabled: z.boolean(),
  })
  .openapi('User');

export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().openapi({ description: 'Send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE of this session.' }),
  })
  .openapi('Session');

export const loginRequestSchema = z
  .strictObject({
    username: z.string().min(1).max(100).openapi({ example: 'li.approver' }),
    password: z.string().min(1).max(200),
  })
  .openapi('LoginRequest');

// New objects over the same fields: schemas made before zod-openapi is loaded cannot take `.openapi()`.
export const newUserRequestSchema = z.strictObject(newUserSchema.shape).openapi('NewUser');
export const userChangesRequestSchema = z.strictObject(userChangesSchema.shape).openapi('UserChanges');

export const userListSchema = z.object({ users: z.array(userSchema) }).openapi('UserList');

/** An account as created or changed: editor and approver roles an admin asked for wait for a second admin. */
export const accountSchema = userSchema
  .extend({
    pendingRoles: z
      .object({ request: z.string(), roles: z.array(z.enum(ROLES)) })
      .optional()
      .openapi({ description: 'Roles asked for that wait for a second admin (`POST /api/v1/role-requests/{id}/confirm`).' }),
  })
  .openapi('Account');

export const roleRequestSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    username: z.string(),
    roles: z.array(z.enum(ROLES)),
    requestedBy: z.string(),
    requestedAt: z.string(),
    status: z.enum(['pending', 'confirmed', 'refused']),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
  })
  .openapi('RoleRequest');

export const roleRequestListSchema = z.object({ requests: z.array(roleRequestSchema) }).openapi('RoleRequestList');
export const roleDecisionSchema = z.object({ request: roleRequestSchema, user: userSchema }).openapi('RoleDecision');

export const passwordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200).openapi({ description: 'At least 12 characters.' }),
  })
  .openapi('PasswordChange');

export const userParamsSchema = z.strictObject({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'k3x9m2p7q4rt' }),
});
