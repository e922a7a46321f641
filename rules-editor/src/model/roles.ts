import type { Role, User } from '../api/types';

/** What a user may do, as the server decides it; the editor only hides what would be refused. */

export function hasRole(user: User | undefined, ...roles: Role[]): boolean {
  return user?.roles.some((r) => r === 'admin' || roles.includes(r)) ?? false;
}

/**
 * Editors, and only editors, edit the rule sets of their departments (`*` = all); the rule set's `owner`
 * names its department.
 */
export function canEdit(user: User | undefined, owner?: string): boolean {
  if (!user?.roles.includes('editor')) return false;
  return owner === undefined || user.departments.includes('*') || user.departments.includes(owner);
}
