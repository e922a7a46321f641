import { JifenError } from '../errors';
import type { Role, StaffUser } from './roles';

/**
 * Separation of duties: no one person can both make a change and approve it, whatever accounts they hold.
 * An admin administers accounts; it does not make itself an editor or an approver, nor make one alone.
 */

/**
 * Roles that publish policy between them, and the role that hands them out: creating or granting one needs
 * a second admin's confirmation. `admin` is among them, or one admin could make a second admin of its own
 * and confirm its own requests through it.
 */
export const CONFIRMED_ROLES: readonly Role[] = ['admin', 'editor', 'approver'];

/** Who last shaped an account: the evidence four eyes needs to tell two people from one. */
export interface AccountProvenance {
  /** The admin (or `cli`, `system`) who created the account. */
  createdBy?: string;
  /** The admin who last changed its roles, departments or password, if any. */
  changedBy?: string;
  /** Set when someone other than the owner chose the current password; cleared when the owner changes it. */
  passwordSetBy?: string;
}

/**
 * The roles of `requested` that `current` lacks and that need a second admin.
 *
 * @example
 * rolesNeedingConfirmation(['auditor'], ['auditor', 'approver']); // ['approver']
 */
export function rolesNeedingConfirmation(current: readonly Role[], requested: readonly Role[]): Role[] {
  return requested.filter((role) => CONFIRMED_ROLES.includes(role) && !current.includes(role));
}

/**
 * An admin cannot change its own roles (not even to drop admin): another admin does it.
 *
 * @example
 * assertNotOwnRoles('u1', 'u1'); // throws forbidden
 */
export function assertNotOwnRoles(actorId: string, accountId: string): void {
  if (actorId === accountId) {
    throw new JifenError('forbidden', { en: 'Users: an admin cannot change its own roles; ask another admin', zh: '管理员不能修改自己的角色，请另一位管理员修改' }, [
      { path: 'roles', message: 'are your own roles', messageZh: '这是您自己的角色' },
    ]);
  }
}

/**
 * A role request is confirmed by an admin who neither asked for it nor receives it.
 *
 * @example
 * assertMayConfirm({ username: 'admin2' }, { requestedBy: 'admin1', username: 'li' });
 */
export function assertMayConfirm(confirmer: Pick<StaffUser, 'username'>, request: { requestedBy: string; username: string }): void {
  if (confirmer.username === request.requestedBy || confirmer.username === request.username) {
    throw new JifenError('forbidden', {
      en: `Users: ${confirmer.username} asked for this change or receives it; a second admin confirms it`,
      zh: '这项角色变更是您申请的或授予您的，须由另一位管理员确认',
    });
  }
}

/**
 * Four eyes beyond the draft itself (its writers are refused by `assertDecidable`): the approver must not
 * hold an account that one of the draft's writers created or last changed (roles, password), nor a
 * password someone else chose and that its owner has not changed since.
 *
 * @example
 * assertIndependentApprover({ username: 'li', createdBy: 'admin' }, { id: 'd1', author: 'zhang', contributors: ['zhang'] });
 */
export function assertIndependentApprover(
  approver: Pick<StaffUser, 'username'> & AccountProvenance,
  draft: { id: string; author: string; contributors: readonly string[] },
): void {
  const writers = new Set([draft.author, ...draft.contributors]);
  for (const by of [approver.createdBy, approver.changedBy]) {
    if (by !== undefined && by !== approver.username && writers.has(by)) {
      throw new JifenError(
        'forbidden',
        {
          en: `Drafts: four eyes: the account ${approver.username} was created or last changed by ${by}, who wrote draft ${draft.id}; another approver decides`,
          zh: `双人审核：您的账号由 ${by} 创建或最近修改，而 ${by} 参与编写了这份草稿，请由另一位审批人决定`,
        },
      );
    }
  }
  if (approver.passwordSetBy !== undefined) {
    throw new JifenError(
      'forbidden',
      {
        en: `Drafts: the password of ${approver.username} was set by ${approver.passwordSetBy}; its owner changes it (POST /api/v1/auth/password) before deciding on drafts`,
        zh: `您的密码由 ${approver.passwordSetBy} 设置，请先修改自己的密码，再审批草稿`,
      },
      [{ path: 'password', message: 'was set by an admin; change it first', messageZh: '密码由管理员设置，请先修改' }],
    );
  }
}

/**
 * A reviewer does not decide what they filed on a resident's behalf (an objection, a self-application).
 *
 * @example
 * assertNotOwnFiling('zhao', 'zhao', 'objection 12'); // throws forbidden
 */
export function assertNotOwnFiling(decider: string, filedBy: string, what: string): void {
  if (decider === filedBy) {
    throw new JifenError('forbidden', {
      en: `Reviews: ${decider} filed ${what} on the resident's behalf; another reviewer decides it`,
      zh: '这份材料是您代居民提交的，须由另一位审核人处理',
    });
  }
}
