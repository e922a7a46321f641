import { z } from 'zod';
import { ALL_DEPARTMENTS, ROLES, type Role, type StaffUser } from '../../domain/accounts/roles';
import { assertNotOwnRoles, rolesNeedingConfirmation, type AccountProvenance } from '../../domain/accounts/separation';
import type { AuditAction } from '../../domain/audit/actions';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import { zodFieldErrors } from '../../domain/rule-set/validate/zod-issues';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { createSessionStore } from './session-store';
import { createUserStore, publicUser, type UserChanges } from './user-store';
import { randomId, type Actor, type LifecycleContext } from '../../platform/db/context';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { requestRoles } from './role-requests';

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

/** A created or changed account, and the role grant it still waits for, if any. */
export type AccountWithRequest = StaffUser & { pendingRoles?: { request: string; roles: Role[] } };

/**
 * Creates a staff account and records `user-created`, in one transaction. Given `admin` (an admin acting
 * through the API), the editor and approver roles asked for are not granted but requested (a second admin
 * confirms them, see role-requests.ts), and the password counts as chosen by the admin: the owner changes
 * it before the account can decide on drafts. Without it (the shell, `cli`; the demo seed, `system`) the
 * account is created as asked: whoever runs those holds the database already.
 *
 * @example
 * await createUser(ctx, { username: 'li.approver', displayName: '李审批', password, roles: ['approver'] }, 'cli');
 */
export async function createUser(ctx: LifecycleContext, input: NewUser, actor: Actor, admin?: StaffUser): Promise<AccountWithRequest> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new JifenError('validation_failed', { en: 'Users: invalid account', zh: '账号信息有误' }, zodFieldErrors(parsed.error.issues));
  const { password, ...fields } = parsed.data;
  const passwordHash = await hashPassword(password);
  const at = ctx.now().toISOString();
  const requested = admin ? rolesNeedingConfirmation([], fields.roles) : [];
  const user: StaffUser = { id: randomId(), ...fields, roles: fields.roles.filter((r) => !requested.includes(r)), disabled: false };
  return inTransaction(ctx.db, async (tx) => {
    await createUserStore(tx).insert({ ...user, passwordHash, createdAt: at, updatedAt: at, createdBy: actor, ...(admin ? { passwordSetBy: admin.username } : {}) });
    await appendAudit(tx, {
      at,
      actor,
      action: 'user-created',
      target: `user:${user.username}`,
      after: contentHash(publicUser(user)),
      details: { roles: user.roles, departments: user.departments },
    });
    const request = requested.length > 0 ? await requestRoles(tx, user, requested, actor, at) : undefined;
    return { ...publicUser(user), ...(request ? { pendingRoles: { request: request.id, roles: request.roles } } : {}) };
  });
}

/**
 * Changes an account and records it (`password-changed`, `user-disabled` or `user-changed`) in the same
 * transaction. Disabling an account or changing its password ends its sessions. The last active admin
 * cannot be disabled or lose the role.
 *
 * @example
 * await updateUser(ctx, userId, { roles: ['editor', 'approver'] }, 'admin');
 */
export async function updateUser(ctx: LifecycleContext, id: string, request: UserChangeRequest, actor: Actor, admin?: StaffUser): Promise<AccountWithRequest> {
  const parsed = userChangesSchema.safeParse(request);
  if (!parsed.success) throw new JifenError('validation_failed', { en: 'Users: invalid changes', zh: '修改内容有误' }, zodFieldErrors(parsed.error.issues));
  const { password, ...fields } = parsed.data;
  if (admin && fields.roles !== undefined) assertNotOwnRoles(admin.id, id);
  const passwordHash = password !== undefined ? await hashPassword(password) : undefined;
  const at = ctx.now().toISOString();
  return inTransaction(ctx.db, async (tx) => {
    const users = createUserStore(tx);
    const before = await users.findById(id);
    if (!before) throw new JifenError('not_found', { en: `Users: no account ${id}`, zh: '没有这个账号' }, [{ path: 'id', message: 'no such account' }]);
    const requested = admin && fields.roles ? rolesNeedingConfirmation(before.roles, fields.roles) : [];
    const shapes = fields.roles !== undefined || fields.departments !== undefined || passwordHash !== undefined;
    const changes: UserChanges = {
      ...fields,
      ...(fields.roles ? { roles: fields.roles.filter((r) => !requested.includes(r)) } : {}),
      ...(passwordHash !== undefined ? { passwordHash, passwordSetBy: admin && admin.id !== id ? admin.username : null } : {}),
      ...(shapes ? { changedBy: actor } : {}),
    };
    await users.update(id, changes, at);
    const after = (await users.findById(id))!;
    if (before.roles.includes('admin') && !before.disabled && (await users.countActiveAdmins()) === 0) {
      throw new JifenError('conflict', { en: `Users: ${before.username} is the last active admin; make another admin first`, zh: `${before.username} 是最后一位可用的管理员，请先设置另一位管理员` }, [
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
      details: { changed, ...(changes.roles ? { roles: changes.roles } : {}), ...(fields.departments ? { departments: fields.departments } : {}) },
    });
    const pending = requested.length > 0 ? await requestRoles(tx, publicUser(after), requested, actor, at) : undefined;
    return { ...publicUser(after), ...(pending ? { pendingRoles: { request: pending.id, roles: pending.roles } } : {}) };
  });
}

/**
 * The owner changes their own password, giving the current one: the password is then theirs alone (an
 * account whose password an admin chose cannot decide on drafts until this). Their other sessions end.
 * Records `password-changed`.
 *
 * @example
 * await changeOwnPassword(ctx, user, { currentPassword, newPassword }, sessionId);
 */
export async function changeOwnPassword(
  ctx: LifecycleContext,
  user: StaffUser,
  request: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
): Promise<void> {
  const parsed = passwordSchema.safeParse(request.newPassword);
  if (!parsed.success) throw new JifenError('validation_failed', { en: 'Users: invalid password', zh: '新密码不符合要求' }, zodFieldErrors(parsed.error.issues).map((f) => ({ ...f, path: 'newPassword' })));
  const record = await createUserStore(ctx.db).findById(user.id);
  if (!record || !(await verifyPassword(request.currentPassword, record.passwordHash))) {
    throw new JifenError('forbidden', { en: 'Users: the current password is not right', zh: '当前密码不正确' }, [{ path: 'currentPassword', message: 'is not your current password' }]);
  }
  if (request.currentPassword === request.newPassword) {
    throw new JifenError('validation_failed', { en: 'Users: choose a new password', zh: '请设置一个新的密码' }, [{ path: 'newPassword', message: 'is the current password' }]);
  }
  const passwordHash = await hashPassword(parsed.data);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (tx) => {
    await createUserStore(tx).update(user.id, { passwordHash, passwordSetBy: null, changedBy: user.username }, at);
    await createSessionStore(tx).deleteForUser(user.id, keepSessionHash);
    await appendAudit(tx, { at, actor: user.username, action: 'password-changed', target: `user:${user.username}`, details: { changed: ['password'], by: 'owner' } });
  });
}

/** Who created and last changed an account, and who chose its password (for four eyes). */
export async function accountProvenance(ctx: LifecycleContext, id: string): Promise<AccountProvenance> {
  const record = await createUserStore(ctx.db).findById(id);
  return {
    ...(record?.createdBy ? { createdBy: record.createdBy } : {}),
    ...(record?.changedBy ? { changedBy: record.changedBy } : {}),
    ...(record?.passwordSetBy ? { passwordSetBy: record.passwordSetBy } : {}),
  };
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
