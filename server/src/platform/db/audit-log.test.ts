import type { Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../domain/audit/chain';
import { contentHash } from '../../domain/rule-set/hash';
import { parseRuleSet } from '../../domain/rule-set/validate';
import { tinyRuleSet } from '../../../../test/support/data/rule-set-docs';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import { appendAudit, auditTailProblem, listAudit, verifyAuditLog } from './audit-log';
import { inTransaction } from './database';
import { createLibsqlRuleSetRepository } from '../../features/rule-sets/libsql-rule-set-repository';
import { migrate } from './migrations/migrations';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 30, 2, minute)).toISOString();

async function appendSample(client: Client, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await inTransaction(client, (tx) =>
      appendAudit(tx, {
        at: at(i),
        actor: i % 2 ? 'li' : 'zhang',
        action: i % 2 ? 'draft-approved' : 'draft-edited',
        target: `rule-set:district-sample/draft:d${i % 3}`,
        before: contentHash({ i }),
        after: contentHash({ i: i + 1 }),
        details: { note: `change ${i}` },
      }),
    );
  }
}

/** What an intruder with write access to the database file does first. */
async function dropGuards(client: Client): Promise<void> {
  await client.execute('DROP TRIGGER audit_log_no_update');
  await client.execute('DROP TRIGGER audit_log_no_delete');
}

/** An entry added straight into the table after the last one, hashed and chained correctly; answers the entry it follows. */
async function appendBehindItsBack(client: Client): Promise<{ seq: number; hash: string }> {
  const row = (await client.execute('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0]!;
  const last = { seq: Number(row.seq), hash: String(row.hash) };
  const forged = { seq: last.seq + 1, at: at(9), actor: 'intruder', action: 'user-created' as const, target: 'user:intruder', prevHash: last.hash };
  await client.execute({
    sql: 'INSERT INTO audit_log (seq, at, actor, action, target, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    args: [forged.seq, forged.at, forged.actor, forged.action, forged.target, forged.prevHash, entryHash(forged)],
  });
  return last;
}

const problems = async (client: Client) => {
  const report = await verifyAuditLog(client);
  return report.ok ? [] : report.problems.map(({ seq, kind }) => ({ seq, kind }));
};

describe('the audit log in libsql', () => {
  let db: ReturnType<typeof tempDatabase>;
  let client: Client;
  beforeEach(async () => {
    db = tempDatabase();
    client = db.open();
    await migrate(client);
  });
  afterEach(() => db.cleanup());

  it('chains entries appended in their transactions, and verifies them', async () => {
    await appendSample(client, 6);
    const report = await verifyAuditLog(client);
    expect(report).toMatchObject({ ok: true, count: 6, head: { seq: 6 } });
    const rows = await client.execute('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
    expect(rows.rows[1]!.prev_hash).toBe(rows.rows[0]!.hash);
  });

  it('never forks the chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inTransaction(client, (tx) => appendAudit(tx, { at: at(i % 60), actor: `u${i}`, action: 'login', target: `user:u${i}` })),
      ),
    );
    const seqs = (await client.execute('SELECT seq FROM audit_log ORDER BY seq')).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditLog(client)).toMatchObject({ ok: true, count: 40 });
  });

  it('commits the change and its entry together, or neither', async () => {
    const document = parseRuleSet(tinyRuleSet());
    const failing = inTransaction(client, async (tx) => {
      await createLibsqlRuleSetRepository(tx).insertVersion({ document, publishedAt: at(0), publishedBy: 'zhang', note: '' });
      // An entry the trail refuses (unknown action): the version must go with it.
      await appendAudit(tx, { at: at(0), actor: 'li', action: 'drop-everything' as 'login', target: 'rule-set:tiny/version:1' });
    });
    await expect(failing).rejects.toThrow(/Audit: invalid entry/);
    expect((await client.execute('SELECT count(*) AS n FROM rule_set_versions')).rows[0]!.n).toBe(0);
    expect((await client.execute('SELECT count(*) AS n FROM audit_log')).rows[0]!.n).toBe(0);

    const crash = inTransaction(client, async (tx) => {
      await appendAudit(tx, { at: at(1), actor: 'li', action: 'version-published', target: 'rule-set:tiny/version:1' });
      await createLibsqlRuleSetRepository(tx).insertVersion({ document, publishedAt: at(1), publishedBy: 'zhang', note: '' });
      throw new Error('crash between the two writes');
    });
    await expect(crash).rejects.toThrow('crash');
    expect((await client.execute('SELECT count(*) AS n FROM audit_log')).rows[0]!.n).toBe(0);
    expect((await client.execute('SELECT count(*) AS n FROM rule_set_versions')).rows[0]!.n).toBe(0);
  });

  it('refuses to update or delete entries through SQL', async () => {
    await appendSample(client, 2);
    await expect(client.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(client.execute('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('names an entry edited directly in the database', async () => {
    await appendSample(client, 8);
    await dropGuards(client);
    await client.execute("UPDATE audit_log SET actor = 'intruder' WHERE seq = 4");
    expect(await problems(client)).toEqual([{ seq: 4, kind: 'altered' }]);
  });

  it('names an entry rewritten with a fresh hash of its own', async () => {
    await appendSample(client, 8);
    await dropGuards(client);
    const row = (await client.execute('SELECT * FROM audit_log WHERE seq = 5')).rows[0]!;
    const forged = {
      seq: 5,
      at: String(row.at),
      actor: String(row.actor),
      action: 'draft-rejected' as const,
      target: String(row.target),
      prevHash: String(row.prev_hash),
    };
    await client.execute({ sql: "UPDATE audit_log SET action = 'draft-rejected', before = NULL, after = NULL, details = NULL, hash = ? WHERE seq = 5", args: [entryHash(forged)] });
    expect(await problems(client)).toEqual([{ seq: 5, kind: 'altered' }]);
  });

  it('names a deleted entry', async () => {
    await appendSample(client, 8);
    await dropGuards(client);
    await client.execute('DELETE FROM audit_log WHERE seq = 3');
    expect(await problems(client)).toEqual([{ seq: 3, kind: 'deleted' }]);
  });

  it('names entries cut from the end, thanks to the head recorded with each append', async () => {
    await appendSample(client, 8);
    await dropGuards(client);
    await client.execute('DELETE FROM audit_log WHERE seq >= 7');
    expect(await problems(client)).toEqual([{ seq: 7, kind: 'deleted' }]);
  });

  it('keeps a cut end in view after the next change: the next entry follows the recorded head, not the last row', async () => {
    await appendSample(client, 8);
    const eighth = String((await client.execute('SELECT hash FROM audit_log WHERE seq = 8')).rows[0]!.hash);
    await dropGuards(client);
    await client.execute('DELETE FROM audit_log WHERE seq >= 7');
    expect(await auditTailProblem(client)).toBe('the recorded head is entry 8, but the last entry in the table is 6: entries were cut from its end outside Jifen');
    const next = await inTransaction(client, (tx) => appendAudit(tx, { at: at(30), actor: 'admin', action: 'login', target: 'user:admin' }));
    expect(next).toMatchObject({ seq: 9, prevHash: eighth });
    expect(await problems(client)).toContainEqual({ seq: 7, kind: 'deleted' });
    expect(await auditTailProblem(client)).toBeUndefined();
  });

  it('keeps entries added behind its back in view after the next change', async () => {
    await appendSample(client, 4);
    const last = await appendBehindItsBack(client);
    expect(await auditTailProblem(client)).toMatch(/recorded head is entry 4, but the table holds entries up to 5/);
    const next = await inTransaction(client, (tx) => appendAudit(tx, { at: at(30), actor: 'admin', action: 'login', target: 'user:admin' }));
    // After the forged entry in number, but chained to the last entry Jifen wrote: the chain breaks there.
    expect(next).toMatchObject({ seq: 6, prevHash: last.hash });
    expect(await problems(client)).toEqual([{ seq: 5, kind: 'inserted' }]);
  });

  it('names an entry inserted in the middle, with the later ones renumbered', async () => {
    await appendSample(client, 6);
    await dropGuards(client);
    const rows = (await client.execute('SELECT * FROM audit_log ORDER BY seq')).rows.map((r) => ({ ...r }));
    const prev = rows[2]!;
    const forged = { seq: 4, at: at(2), actor: 'intruder', action: 'version-published' as const, target: 'rule-set:district-sample/version:9', prevHash: String(prev.hash) };
    await client.execute('DELETE FROM audit_log');
    const insert = (r: Record<string, unknown>) =>
      client.execute({
        sql: 'INSERT INTO audit_log (seq, at, actor, action, target, before, after, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        args: [r.seq, r.at, r.actor, r.action, r.target, r.before ?? null, r.after ?? null, r.details ?? null, r.prev_hash, r.hash] as (string | number | null)[],
      });
    for (const r of rows.slice(0, 3)) await insert(r);
    await insert({ ...forged, prev_hash: forged.prevHash, hash: entryHash(forged) });
    for (const r of rows.slice(3)) await insert({ ...r, seq: Number(r.seq) + 1 });
    const found = await problems(client);
    expect(found).toContainEqual({ seq: 4, kind: 'inserted' });
    // Nothing before the forged entry is blamed; what follows it was renumbered, which shows too.
    expect(Math.min(...found.map((p) => p.seq))).toBe(4);
  });

  it('names entries appended behind its back, even with correct hashes', async () => {
    await appendSample(client, 4);
    await appendBehindItsBack(client);
    expect(await problems(client)).toEqual([{ seq: 5, kind: 'inserted' }]);
  });

  it('lists entries newest first, by filter, a page at a time', async () => {
    await appendSample(client, 9);
    const first = await listAudit(client, { limit: 4 });
    expect(first.entries.map((e) => e.seq)).toEqual([9, 8, 7, 6]);
    const second = await listAudit(client, { limit: 4, before: first.nextCursor! });
    expect(second.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2]);
    const third = await listAudit(client, { limit: 4, before: second.nextCursor! });
    expect(third).toMatchObject({ entries: [{ seq: 1 }] });
    expect(third.nextCursor).toBeUndefined();

    expect((await listAudit(client, { actor: 'li', limit: 50 })).entries.map((e) => e.seq)).toEqual([8, 6, 4, 2]);
    expect((await listAudit(client, { action: 'draft-edited', limit: 50 })).entries.map((e) => e.seq)).toEqual([9, 7, 5, 3, 1]);
    expect((await listAudit(client, { target: 'rule-set:district-sample/draft:d1', limit: 50 })).entries.map((e) => e.seq)).toEqual([8, 5, 2]);
    expect((await listAudit(client, { target: 'rule-set:district-sample', limit: 50 })).entries).toHaveLength(9);
    expect((await listAudit(client, { target: 'rule-set:district', limit: 50 })).entries).toHaveLength(0);
    expect((await listAudit(client, { from: at(3), to: at(5), limit: 50 })).entries.map((e) => e.seq)).toEqual([5, 4]);
    expect((await listAudit(client, { limit: 1 })).entries[0]).toMatchObject({ details: { note: 'change 8' }, before: contentHash({ i: 8 }) });
  });
});
