import type { Role } from '../../domain/accounts/roles';
import { JifenError } from '../../domain/errors';
import { createUserStore } from './user-store';
import { createUser } from './accounts';
import type { LifecycleContext } from '../../platform/db/context';
import { generatePassword } from './password';

/** A demo account and its password, shown once. */
export interface DemoCredential {
  username: string;
  password: string;
  roles: Role[];
  departments: string[];
}

const DEMO: readonly { username: string; displayName: string; roles: Role[]; departments: string[] }[] = [
  { username: 'admin', displayName: '管理员 Admin', roles: ['admin'], departments: [] },
  { username: 'zhang.editor', displayName: '张编辑 Zhang (editor)', roles: ['editor'], departments: ['XX区'] },
  { username: 'li.approver', displayName: '李审批 Li (approver)', roles: ['approver'], departments: [] },
  { username: 'wang.auditor', displayName: '王审计 Wang (auditor)', roles: ['auditor'], departments: [] },
  { username: 'zhao.reviewer', displayName: '赵审核 Zhao (reviewer)', roles: ['reviewer'], departments: ['*'] },
];

/**
 * On a database without any account, creates the demo staff (admin, an editor for XX区, an approver, an
 * auditor and a reviewer) with random passwords, and answers them so they can be printed once. Answers
 * nothing when any account exists: it never runs twice and never touches real accounts.
 *
 * @example
 * for (const c of await seedDemoUsers(ctx)) console.log(c.username, c.password);
 */
export async function seedDemoUsers(ctx: LifecycleContext): Promise<DemoCredential[]> {
  if ((await createUserStore(ctx.db).count()) > 0) return [];
  const created: DemoCredential[] = [];
  for (const demo of DEMO) {
    const password = generatePassword(`${demo.username.split('.')[0]}-demo-`);
    try {
      await createUser(ctx, { ...demo, password }, 'system');
    } catch (error) {
      // Another server starting on the same fresh database got there first.
      if (error instanceof JifenError && error.code === 'conflict') break;
      throw error;
    }
    created.push({ username: demo.username, password, roles: demo.roles, departments: demo.departments });
  }
  return created;
}

/** The demo accounts as console lines. */
export function formatDemoCredentials(credentials: readonly DemoCredential[]): string {
  const width = Math.max(...credentials.map((c) => c.username.length));
  return [
    'Jifen: demo staff accounts (shown once; set JIFEN_DEMO=0 to start without them):',
    ...credentials.map(
      (c) => `  ${c.username.padEnd(width)}  ${c.password}  (${c.roles.join(', ')}${c.departments.length ? `; ${c.departments.join(', ')}` : ''})`,
    ),
  ].join('\n');
}
