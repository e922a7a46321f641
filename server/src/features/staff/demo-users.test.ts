import type { Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibsqlRuleSetRepository } from '../rule-sets/libsql-rule-set-repository';
import { migrate } from '../../platform/db/migrations/migrations';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import type { LifecycleContext } from '../../platform/db/context';
import { formatDemoCredentials, seedDemoUsers } from './demo-users';
import { DEFAULT_SESSION_POLICY, signIn } from './sessions';

describe('demo staff accounts', () => {
  let db: ReturnType<typeof tempDatabase>;
  let client: Client;
  let ctx: LifecycleContext;
  beforeEach(async () => {
    db = tempDatabase();
    client = db.open();
    await migrate(client);
    ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date('2026-06-30T02:00:00Z') };
  });
  afterEach(() => db.cleanup());

  it('are created once on a database without accounts, with passwords that work, and printed', async () => {
    const created = await seedDemoUsers(ctx);
    expect(created.map((c) => c.username)).toEqual(['admin', 'zhang.editor', 'li.approver', 'wang.auditor', 'zhao.reviewer']);
    expect(created[0]!.password).toMatch(/^admin-demo-/);
    expect(new Set(created.map((c) => c.password)).size).toBe(5);
    for (const c of created) {
      const { user } = await signIn(ctx, DEFAULT_SESSION_POLICY, { username: c.username, password: c.password, address: 'test' });
      expect(user.roles).toEqual(c.roles);
    }
    const printed = formatDemoCredentials(created);
    for (const c of created) expect(printed).toContain(c.password);
    expect(printed).toContain('zhang.editor');
    expect(await seedDemoUsers(ctx)).toEqual([]);
  });
});
