// First: the server's modules extend zod with `.openapi` before any schema below is built.
import { startServer, type RunningServer } from '../../server/src/server';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainEntry, type AuditEntry } from '../../server/src/domain/audit/chain';
import { readAuditTrail } from '../../server/src/platform/db/audit-log';
import { migrate } from '../../server/src/platform/db/migrations/migrations';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { addStaff, signIn, type Browser } from '../support/callers/staff';
import { tempDatabase } from '../support/databases/temp-database';
import { runJifen } from '../support/apps/cli';

/**
 * Someone who can write the database file cuts the audit trail back, or rewrites an entry and computes
 * every later hash again, and moves the recorded head to match: the chain alone then verifies. A
 * checkpoint an auditor downloaded earlier, or a witness file, signed with a key the database does not
 * hold, shows it — through the API and through the CLI.
 */

const KEY = 'an audit key kept away from the database, long enough';
const db = tempDatabase();
const dir = mkdtempSync(join(tmpdir(), 'jifen-witness-'));
const witnessFile = join(dir, 'witness.jsonl');
let server: RunningServer;
let client: Client;
let auditor: Browser;
let editor: Browser;

beforeAll(async () => {
  client = db.open();
  await migrate(client);
  const ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() };
  const wang = await addStaff(ctx, 'wang', ['auditor']);
  const zhang = await addStaff(ctx, 'zhang', ['editor'], ['XX区']);
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR, auditKey: KEY, auditWitness: witnessFile });
  auditor = await signIn(server.app, 'wang', wang.password);
  editor = await signIn(server.app, 'zhang', zhang.password);
  for (const note of ['first', 'second', 'third']) await editor.call('POST', '/api/v1/rule-sets/district-sample/drafts', { body: { note } });
});

afterAll(async () => {
  await server?.close();
  db.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const checkpoint = async () => (await auditor.call('GET', '/api/v1/audit/checkpoint')).json();
const verifyWith = async (cp: unknown) => (await auditor.call('POST', '/api/v1/audit/verify', { body: { checkpoint: cp } })).json();
const chainVerdict = async () => (await auditor.call('GET', '/api/v1/audit/verify')).json();

/** `npm run jifen -- …` on the test database with the server's key; `out` holds standard output and error. */
async function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  const run = await runJifen({ JIFEN_DATABASE_URL: db.url, JIFEN_AUDIT_KEY: KEY }, args);
  return { code: run.code, out: run.both };
}

/** What the attacker runs on the database file: no triggers, then the trail and its head as they like. */
async function rewriteTrail(entries: readonly AuditEntry[]): Promise<void> {
  await client.execute('DROP TRIGGER IF EXISTS audit_log_no_update');
  await client.execute('DROP TRIGGER IF EXISTS audit_log_no_delete');
  await client.execute('DELETE FROM audit_log');
  for (const e of entries) {
    await client.execute({
      sql: 'INSERT INTO audit_log (seq, at, actor, action, target, before, after, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      args: [e.seq, e.at, e.actor, e.action, e.target, e.before ?? null, e.after ?? null, e.details === undefined ? null : JSON.stringify(e.details), e.prevHash, e.hash],
    });
  }
  const head = entries.at(-1)!;
  await client.execute({ sql: 'UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', args: [head.seq, head.hash] });
}

describe('the trail of a district that starts with the shipped rules', () => {
  it('names who published each shipped version: seed, with its hash and the file it came from', async () => {
    const seeded = (await (await auditor.call('GET', '/api/v1/audit?actor=seed')).json()) as { entries: AuditEntry[] };
    const targets = seeded.entries.map((e) => e.target).sort();
    expect(targets).toEqual(['rule-set:district-sample/version:1', 'rule-set:district-sample/version:2', 'rule-set:provincial-common/version:1', 'rule-set:provincial-common/version:2']);
    for (const e of seeded.entries) {
      expect(e).toMatchObject({ action: 'version-published', after: expect.stringMatching(/^[0-9a-f]{64}$/), details: { note: expect.stringMatching(/^Shipped with Jifen \(rule-sets\//) } });
    }
  });
});

describe('audit checkpoints against someone who rewrites the database', () => {
  it('signs the head with a key that is nowhere in the database file', async () => {
    const cp = await checkpoint();
    expect(cp).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String) });
    expect(await verifyWith(cp)).toMatchObject({ ok: true, signatureValid: true, problems: [] });
    const bytes = readFileSync(db.dataFile).toString('latin1') + (() => {
      try {
        return readFileSync(`${db.dataFile}-wal`).toString('latin1');
      } catch {
        return '';
      }
    })();
    expect(bytes).not.toContain(KEY);
  });

  it('notices the newest entries deleted and the head rewound, which the chain alone does not', async () => {
    const cp = await checkpoint();
    const saved = join(dir, 'checkpoint.json');
    writeFileSync(saved, JSON.stringify(cp, null, 2));
    const trail = await readAuditTrail(client);
    await rewriteTrail(trail.slice(0, -3));

    expect(await chainVerdict()).toMatchObject({ ok: true });
    const verdict = await verifyWith(cp);
    expect(verdict).toMatchObject({ ok: false, signatureValid: true, seq: cp.seq });
    expect(verdict.problems[0]).toMatchObject({ seq: cp.seq, kind: 'deleted', messageZh: expect.stringContaining('末尾的记录被截去') });

    const run = await cli(['audit', 'verify', '--checkpoint', saved]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Audit trail intact');
    expect(run.out).toContain('Checkpoint FAILS');
    expect(run.out).toMatch(new RegExp(`seq ${cp.seq} {2}deleted`));
  });

  it('notices an entry rewritten and every later hash computed again; a checkpoint holds as the trail grows', async () => {
    const cp = await checkpoint();
    await editor.call('POST', '/api/v1/rule-sets/district-sample/drafts', { body: { note: 'after the checkpoint' } });
    expect(await verifyWith(cp)).toMatchObject({ ok: true });

    const trail = await readAuditTrail(client);
    const forged: AuditEntry[] = [];
    for (const e of trail) {
      const { seq: _s, prevHash: _p, hash: _h, ...input } = e;
      forged.push(chainEntry(forged.at(-1), e.seq === 1 ? { ...input, details: { roles: ['admin'], departments: [] } } : input));
    }
    await rewriteTrail(forged);

    expect(await chainVerdict()).toMatchObject({ ok: true });
    const verdict = await verifyWith(cp);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.map((p: { kind: string }) => p.kind)).toContain('altered');
    // The witness took its checkpoint at start, before any of this: it fails too.
    const lines = readFileSync(witnessFile, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const witnessed = await verifyWith(JSON.parse(lines.at(-1)!));
    expect(witnessed).toMatchObject({ ok: false, signatureValid: true });
  });

  it('refuses a checkpoint that was edited to point at an earlier entry', async () => {
    const cp = await checkpoint();
    const verdict = await verifyWith({ ...cp, seq: 1 });
    expect(verdict).toMatchObject({ ok: false, signatureValid: false });
    const malformed = await auditor.call('POST', '/api/v1/audit/verify', { body: { checkpoint: { seq: 'x' } } });
    expect(malformed.status).toBe(422);
    expect((await editor.call('GET', '/api/v1/audit/checkpoint')).status).toBe(403);
  });
});
