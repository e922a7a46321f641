import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;

describe('GET /api/v1/audit and /audit/verify', () => {
  let env: Env;
  let wang: Browser;
  beforeEach(async () => {
    env = await lifecycleApp();
    const auditor = await addStaff(env.ctx, 'wang', ['auditor']);
    const editor = await addStaff(env.ctx, 'zhang', ['editor'], ['XX区']);
    const zhang = await signIn(env.app, 'zhang', editor.password);
    env.clock.advance(60_000);
    await zhang.call('POST', '/api/v1/rule-sets/district-sample/drafts', { body: { note: 'try' } });
    env.clock.advance(60_000);
    wang = await signIn(env.app, 'wang', auditor.password);
  });
  afterEach(() => env.cleanup());

  it('lists every state-changing action, newest first, with filters and a cursor', async () => {
    const all = await (await wang.call('GET', '/api/v1/audit')).json();
    expect(all.entries.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual([
      'login wang',
      'draft-created zhang',
      'login zhang',
      'user-created test',
      'user-created test',
    ]);
    expect(all.nextCursor).toBeUndefined();
    const created = all.entries[1];
    expect(created).toMatchObject({ seq: 4, target: expect.stringMatching(/^rule-set:district-sample\/draft:/), details: { fromVersion: 2, note: 'try' } });
    expect(created.before).toMatch(/^[0-9a-f]{64}$/);
    expect(created.prevHash).toBe(all.entries[2].hash);

    const page = await (await wang.call('GET', '/api/v1/audit?limit=2')).json();
    expect(page.entries.map((e: { seq: number }) => e.seq)).toEqual([5, 4]);
    const next = await (await wang.call('GET', `/api/v1/audit?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.entries.map((e: { seq: number }) => e.seq)).toEqual([3, 2]);

    const logins = await (await wang.call('GET', '/api/v1/audit?action=login&actor=zhang')).json();
    expect(logins.entries.map((e: { seq: number }) => e.seq)).toEqual([3]);
    const drafts = await (await wang.call('GET', '/api/v1/audit?target=rule-set:district-sample')).json();
    expect(drafts.entries.map((e: { action: string }) => e.action)).toEqual(['draft-created']);
    // 2026-06-30 China time covers all of it; the day before, nothing.
    expect((await (await wang.call('GET', '/api/v1/audit?from=2026-06-30&to=2026-06-30')).json()).entries).toHaveLength(5);
    expect((await (await wang.call('GET', '/api/v1/audit?to=2026-06-29')).json()).entries).toHaveLength(0);
    expect((await wang.call('GET', '/api/v1/audit?limit=0')).status).toBe(422);
  });

  it("refuses a filter's bad dates and page size, naming each field in Chinese beside the English", async () => {
    const res = await wang.call('GET', '/api/v1/audit?from=2026-02-30&to=yesterday&limit=0');
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { messageZh: string; fields: { path: string; message: string; messageZh: string }[] } };
    expect(error.messageZh).toBe('查询条件有误，请按每一项的提示修改');
    const byPath = Object.fromEntries(error.fields.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['from', 'limit', 'to']);
    for (const path of ['from', 'to']) {
      expect(byPath[path]).toEqual({ path, message: 'must be a date YYYY-MM-DD or an ISO 8601 instant', messageZh: '必须是日期（YYYY-MM-DD）或具体时刻' });
    }
    expect(byPath.limit?.messageZh).toBe('必须是 1 到 500 之间的数字');
  });

  it('refuses filters that could only find nothing: an unknown action, a range turned round, an instant without its zone', async () => {
    const refusal = async (query: string) => {
      const res = await wang.call('GET', `/api/v1/audit?${query}`);
      expect(res.status, query).toBe(422);
      return ((await res.json()) as { error: { fields: { path: string; message: string; messageZh: string }[] } }).error.fields;
    };
    const [action] = await refusal('action=nope');
    expect(action).toMatchObject({ path: 'action', message: expect.stringMatching(/^must be one of .*draft-approved/), messageZh: expect.stringMatching(/^必须是以下之一：/) });
    expect(await refusal('from=2026-12-06&to=2026-12-01')).toEqual([{ path: 'to', message: 'must be after from', messageZh: '必须晚于开始时间（from）' }]);
    expect((await refusal('from=2026-06-30T10:00:00')).map((f) => f.path)).toEqual(['from']);
    // One message for a page size that is not a number at all.
    expect((await refusal('limit=abc')).map((f) => f.message)).toEqual(['must be a number from 1 to 500']);
    // The same instant with its zone, and a one-day range, are fine.
    expect((await wang.call('GET', '/api/v1/audit?from=2026-06-30T00:00:00%2B08:00&to=2026-06-30')).status).toBe(200);
  });

  it('verifies the chain, and names an entry edited in the database', async () => {
    expect(await (await wang.call('GET', '/api/v1/audit/verify')).json()).toMatchObject({ ok: true, count: 5 });
    await env.client.execute('DROP TRIGGER audit_log_no_update');
    await env.client.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4");
    const report = await (await wang.call('GET', '/api/v1/audit/verify')).json();
    expect(report.ok).toBe(false);
    // In Chinese too, with the time in China time, for the auditor reading the audit page.
    expect(report.problems).toEqual([
      {
        seq: 4,
        kind: 'altered',
        message: expect.stringContaining('entry 4 (draft-created by someone-else'),
        messageZh: expect.stringMatching(/^第 4 条记录（someone-else，draft-created，2026-06-30 \d{2}:\d{2}）与其哈希不符，内容被改动$/),
      },
    ]);
  });
});
