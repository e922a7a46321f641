import type { Row } from '@libsql/client';
import { z } from 'zod';
import { ROLES, type Role, type StaffUser } from '../../domain/accounts/roles';
import { assertMayConfirm } from '../../domain/accounts/separation';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import { appendAudit } from '../../platform/db/audit-log';
import { randomId, type LifecycleContext } from '../../platform/db/context';
import { inTransaction, type SqlExecutor } from '../../platform/db/database';
import { createUserStore, publicUser } from './user-store';

/**
 * Role grants awaiting a second admin: an admin who creates an editor or an approver, or grants one of
 * those roles, only asks for it; another admin (neither the one who asked nor the one who receives it)
 * confirms or refuses. Each step is audited.
 */

export interface RoleRequest {
  id: string;
  userId: string;
  username: string;
  /** The roles to add once confirmed. */
  roles: Role[];
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'confirmed' | 'refused';
  decidedBy?: string;
  decidedAt?: string;
}

const rolesColumn = z.array(z.enum(ROLES));
const COLUMNS = 'r.id, r.user_id, u.username, r.roles, r.requested_by, r.requested_at, r.status, r.decided_by, r.decided_at';

/** Records a request for `roles` on an account, with its `role-change-requested` entry (call inside the change's transaction). */
export async function requestRoles(tx: SqlExecutor, user: StaffUser, roles: readonly Role[], by: string, at: string): Promise<RoleRequest> {
  const request: RoleRequest = { id: randomId(), userId: user.id, username: user.username, roles: [...roles], requestedBy: by, requestedAt: at, status: 'pending' };
  await tx.execute({
    sql: `INSERT INTO role_requests (id, user_id, roles, requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
    args: [request.id, user.id, JSON.stringify(roles), by, at],
  });
  await appendAudit(tx, { at, actor: by, action: 'role-change-requested', target: `user:${user.username}`, details: { request: request.id, roles: request.roles } });
  return request;
}

/** Role requests still waiting, oldest first. */
export async function pendingRoleRequests(ctx: LifecycleContext): Promise<RoleRequest[]> {
  const rows = await ctx.db.execute(`SELECT ${COLUMNS} FROM role_requests r JOIN users u ON u.id = r.user_id WHERE r.status = 'pending' ORDER BY r.requested_at`);
  return rows.rows.map(toRequest);
}

/**
 * A second admin decides a pending request: `confirm` adds its roles to the account (audited
 * `role-change-confirmed`), `refuse` drops it (`role-change-refused`). Refused to the admin who asked and
 * to the account's owner (403); a request already decided answers 409.
 *
 * @example
 * await decideRoleRequest(ctx, requestId, secondAdmin, 'confirm');
 */
export async function decideRoleRequest(ctx: LifecycleContext, id: string, admin: StaffUser, decision: 'confirm' | 'refuse'): Promise<{ request: RoleRequest; user: StaffUser }> {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.db, async (tx) => {
    const row = (await tx.execute({ sql: `SELECT ${COLUMNS} FROM role_requests r JOIN users u ON u.id = r.user_id WHERE r.id = ?`, args: [id] })).rows[0];
    if (!row) throw new JifenError('not_found', { en: `Users: no role request ${id}`, zh: '没有这项角色申请' }, [{ path: 'id', message: 'no such request' }]);
    const request = toRequest(row);
    if (request.status !== 'pending') throw new JifenError('conflict', { en: `Users: role request ${id} was already ${request.status}`, zh: '这项角色申请已经处理过' });
    assertMayConfirm(admin, request);
    const users = createUserStore(tx);
    const before = (await users.findById(request.userId))!;
    const status = decision === 'confirm' ? 'confirmed' : 'refused';
    await tx.execute({ sql: 'UPDATE role_requests SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?', args: [status, admin.username, at, id] });
    if (decision === 'confirm') {
      const roles = [...new Set([...before.roles, ...request.roles])];
      await users.update(request.userId, { roles, changedBy: admin.username }, at);
    }
    const after = (await users.findById(request.userId))!;
    await appendAudit(tx, {
      at,
      actor: admin.username,
      action: decision === 'confirm' ? 'role-change-confirmed' : 'role-change-refused',
      target: `user:${request.username}`,
      before: contentHash(publicUser(before)),
      after: contentHash(publicUser(after)),
      details: { request: id, roles: request.roles, requestedBy: request.requestedBy },
    });
    return { request: { ...request, status, decidedBy: admin.username, decidedAt: at }, user: publicUser(after) };
  });
}

function toRequest(row: Row): RoleRequest {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    username: String(row.username),
    roles: rolesColumn.parse(JSON.parse(String(row.roles))),
    requestedBy: String(row.requested_by),
    requestedAt: String(row.requested_at),
    status: row.status === 'confirmed' ? 'confirmed' : row.status === 'refused' ? 'refused' : 'pending',
    ...(row.decided_by === null ? {} : { decidedBy: String(row.decided_by) }),
    ...(row.decided_at === null ? {} : { decidedAt: String(row.decided_at) }),
  };
}
