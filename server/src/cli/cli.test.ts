import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, saveDraft } from '../features/drafts/drafts';
import type { LifecycleContext } from '../platform/db/context';
import { signIn } from '../features/staff/sessions';
import { DEFAULT_SESSION_POLICY } from '../features/staff/sessions';
import { inTransaction } from '../platform/db/database';
import { createLibsqlRuleSetRepository } from '../features/rule-sets/libsql-rule-set-repository';
import { migrate } from '../platform/db/migrations/migrations';
import { seedRuleSets } from '../features/rule-sets/seed';
import { RULE_SETS_DIR } from '../../../test/support/data/rule-sets';
import { tempDatabase } from '../../../test/support/databases/temp-database';
import { runJifen, spawnJifen } from '../../../test/support/apps/cli';

/**
 * `npm run jifen -- …` on the test database: the first run starts the CLI as a shell does (a Node process
 * reading the piped password); the others run the same commands in this process.
 */
const jifen = (url: string, args: string[], stdin?: string) => runJifen({ JIFEN_DATABASE_URL: url }, args, stdin);

describe('npm run jifen', () => {
  const db = tempDatabase();
  let client: Client;
  let ctx: LifecycleContext;
  beforeAll(async () => {
    client = db.open();
    await migrate(client);
    await inTransaction(client, (tx) => seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: RULE_SETS_DIR, now: new Date() }));
    ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() };
  });
  afterAll(() => db.cleanup());
  const signsIn = (username: string, password: string) => signIn(ctx, DEFAULT_SESSION_POLICY, { username, password, address: 'test' });

  it('adds the first admin with the password from standard input, and one with a generated password printed once', async () => {
    const piped = await spawnJifen({ JIFEN_DATABASE_URL: db.url }, ['users', 'add', 'root', '--role', 'admin', '--display-name', '系统管理员'], 'a-long-admin-password\n');
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.out).toContain('Created root (admin).');
    expect(piped.out).not.toContain('Password');
    expect((await signsIn('root', 'a-long-admin-password')).user).toMatchObject({ username: 'root', displayName: '系统管理员', roles: ['admin'] });

    const generated = await jifen(db.url, ['users', 'add', 'zhang', '--role', 'editor,approver', '--department', 'XX区']);
    expect(generated.code).toBe(0);
    const password = /Password \(shown once, store it now\): (\S+)/.exec(generated.out)?.[1];
    expect(password).toBeDefined();
    expect((await signsIn('zhang', password!)).user).toMatchObject({ roles: ['editor', 'approver'], departments: ['XX区'] });

    const audit = await client.execute("SELECT actor, action, target FROM audit_log WHERE action = 'user-created' ORDER BY seq");
    expect(audit.rows.map((r) => `${r.actor} ${r.action} ${r.target}`)).toEqual(['cli user-created user:root', 'cli user-created user:zhang']);
  });

  it('refuses a bad role or a short password with the field, and wrong usage with exit code 2', async () => {
    const badRole = await jifen(db.url, ['users', 'add', 'x1', '--role', 'superuser'], 'a-long-enough-password\n');
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('roles.0');
    const short = await jifen(db.url, ['users', 'add', 'x2', '--role', 'admin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/password: must .* at least 12 character/);
    expect((await jifen(db.url, ['users', 'add', 'x3'])).code).toBe(2);
    expect((await jifen(db.url, ['nonsense'])).code).toBe(2);
  });

  it('prints a diff in policy terms, in Chinese and English, with the JSON Patch', async () => {
    const editor = { id: 'e1', username: 'zhang', displayName: 'zhang', roles: ['editor' as const], departments: ['XX区'], disabled: false };
    const draft = await createDraft(ctx, editor, 'district-sample', {});
    const raised = structuredClone(draft.document);
    const samaritan = raised.indicators.find((i) => i.id === 'goodSamaritan');
    if (samaritan?.kind !== 'fixed') throw new Error('goodSamaritan is a fixed indicator');
    samaritan.points = 12;
    await saveDraft(ctx, editor, 'district-sample', draft.id, `"${draft.id}-1"`, raised);

    const res = await jifen(db.url, ['diff', 'district-sample', '1', `draft:${draft.id}`]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/指标「见义勇为」\(goodSamaritan\)：.*10 → 12/);
    expect(res.out).toMatch(/Indicator "Bravery for others \(见义勇为\)" \(goodSamaritan\): .*10 → 12/);
    expect(res.out).toMatch(/"op": "replace",\s+"path": "\/indicators\/\d+\/points",\s+"value": 12/);
    expect(res.out).toContain('passed → fails');
  });

  it('verifies the audit trail, and exits with 1 naming the entry edited in the database', async () => {
    const intact = await jifen(db.url, ['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^Audit trail intact: \d+ entries, head seq \d+/);

    await client.execute('DROP TRIGGER audit_log_no_update');
    await client.execute("UPDATE audit_log SET target = 'user:nobody' WHERE seq = 2");
    const broken = await jifen(db.url, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('Audit trail BROKEN');
    expect(broken.out).toMatch(/seq 2 {2}altered: entry 2 \(login by root/);
  });
});
