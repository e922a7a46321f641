import { z } from 'zod';
import { ALL_DEPARTMENTS, ROLES, type StaffUser } from '../../domain/accounts/roles';
import type { AuditAction } from '../../domain/audit/actions';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import { zodFieldErrors } from '../../domain/rule-set/validate/zod-issues';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { createSessionStore } from './session-store';
import { createUserStore, publicUser, type UserChanges } from './user-store';
import { randomId, type Actor, type LifecycleContext } from '../../platform/db/context';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

/** Account fields as requests and the CLI give them; the same rules for both. */
export const usernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,63}$/, 'must be 2–64 lower-case letters, digits, ".", "_" or "-", starting with a letter');
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
export const rolesSchema = z
  .array(z.enum(ROLES))
  .min(1, 'must name at least one role')
  .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role');
export const departmentsSchema = z
  .array(z.string().trim().min(1).max(100))
  .max(50)
  .refine((d) => !d.includes(ALL_DEPARTMENTS) || d.length === 1, `"${ALL_DEPARTMENTS}" (all departments) stands alone`);
export const displayNameSchema = z.string().trim().min(1).max(100);

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  roles: rolesSchema,
  departments: departmentsSchema.default([]),
});
/** A new account as given; `roles` and the rest are checked by `newUserSchema`. */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: readonly string[];
  departments?: readonly string[];
}

export const userChangesSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  roles: rolesSchema.optional(),
  departments: departmentsSchema.optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UserChangeRequest = z.infer<typeof userChangesSchema>;

/**
 * Creates a staff account and records `user-created`, in one transaction.
 *
 * @example
 * await createUser(ctx, { username: 'li.approver', displayName: '李审批', password, roles: ['approver'] }, 'admin');
 */
export async function createUser(ctx: LifecycleContext, input: NewUser, actor: Actor): Promise<StaffUser> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new JifenError('validation_failed', 'Users: invalid account', zodFieldErrors(parsed.error.issues));
  const { password, ...fields } = parsed.data;
  const passwordHash = await hashPassword(password);
  const at = ctx.now().toISOString();
  const user: StaffUser = { id: randomId(), ...fields, disabled: false };
  await inTransaction(ctx.db, async (tx) => {
    await createUserStore(tx).insert({ ...user, passwordHash, createdAt: at, updatedAt: at });
    await appendAudit(tx, {
      at,
      actor,
      action: 'user-created',
      target: `user:${user.username}`,
      after: contentHash(publicUser(user)),
      details: { roles: user.roles, departments: user.departments },
    });
  });
  return publicUser(user);
}

/**
 * Changes an account and records it (`password-changed`, `user-disabled` or `user-changed`) in the same
 * transaction. Disabling an account or changing its password ends its sessions. The last active admin
 * cannot be disabled or lose the role.
 *
 * @example
 * await updateUser(ctx, userId, { roles: ['editor', 'approver'] }, 'admin');
 */
export async function updateUser(ctx: LifecycleContext, id: string, request: UserChangeRequest, actor: Actor): Promise<StaffUser> {
  const parsed = userChangesSchema.safeParse(request);
  if (!parsed.success) throw new JifenError('validation_failed', 'Users: invalid changes', zodFieldErrors(parsed.error.issues));
  const { password, ...fields } = parsed.data;
  const changes: UserChanges = { ...fields, ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}) };
  const at = ctx.now().toISOString();
  return inTransaction(ctx.db, async (tx) => {
    const users = createUserStore(tx);
    const before = await users.findById(id);
    if (!before) throw new JifenError('not_found', `Users: no account ${id}`, [{ path: 'id', message: 'no such account' }]);
    await users.update(id, changes, at);
    const after = (await users.findById(id))!;
    if (before.roles.includes('admin') && !before.disabled && (await users.countActiveAdmins()) === 0) {
      throw new JifenError('conflict', `Users: ${before.username} is the last active admin; make another admin first`, [
        { path: fields.disabled ? 'disabled' : 'roles', message: 'would leave Jifen without an active admin' },
      ]);
    }
    if (changes.passwordHash !== undefined || (after.disabled && !before.disabled)) await createSessionStore(tx).deleteForUser(id);
    const changed = [...Object.keys(fields), ...(password !== undefined ? ['password'] : [])];
    await appendAudit(tx, {
      at,
      actor,
      action: userAction(changed, after.disabled && !before.disabled),
      target: `user:${after.username}`,
      before: contentHash(publicUser(before)),
      after: contentHash(publicUser(after)),
      details: { changed, ...(fields.roles ? { roles: fields.roles } : {}), ...(fields.departments ? { departments: fields.departments } : {}) },
    });
    return publicUser(after);
  });
}

/** Every account, by username, without credentials. */
export async function listUsers(ctx: LifecycleContext): Promise<StaffUser[]> {
  return (await createUserStore(ctx.db).list()).map(publicUser);
}

function userAction(changed: string[], disabledNow: boolean): AuditAction {
  if (disabledNow) return 'user-disabled';
  if (changed.length === 1 && changed[0] === 'password') return 'password-changed';
  return 'user-changed';
}
