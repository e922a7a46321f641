/**
 * Staff accounts as the domain sees them: who someone is and what they may do. Credentials (password
 * hashes, sessions) are not the domain's business and never appear here.
 */

/** Staff roles. An account may hold several. */
export const ROLES = ['admin', 'editor', 'approver', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Every department, in `departments`. */
export const ALL_DEPARTMENTS = '*';

export interface StaffUser {
  id: string;
  /** Lower case, unique, never changed: audit entries and drafts name people by it. */
  username: string;
  displayName: string;
  roles: Role[];
  /** The rule-set owners an editor edits for (`owner` of a rule set), or `*` for all. */
  departments: string[];
  disabled: boolean;
}

/**
 * Whether the user may edit drafts of a rule set owned by `owner`: an editor whose departments include
 * the owner or `*`.
 *
 * @example
 * mayEditFor({ roles: ['editor'], departments: ['XX区'], … }, 'XX区'); // true
 */
export function mayEditFor(user: Pick<StaffUser, 'roles' | 'departments' | 'disabled'>, owner: string): boolean {
  return (
    !user.disabled &&
    user.roles.includes('editor') &&
    (user.departments.includes(ALL_DEPARTMENTS) || user.departments.includes(owner))
  );
}
