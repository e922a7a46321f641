import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import { tinyRuleSet } from '../../../../test/support/data/rule-set-docs';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import { parseRuleSet } from '../../domain/rule-set/validate';
import { createLibsqlRuleSetRepository } from './libsql-rule-set-repository';
import { createMemoryRuleSetRepository } from './memory-rule-set-repository';
import { migrate } from '../../platform/db/migrations/migrations';
import { openPreparedReads } from '../../platform/db/prepared-reads';

const publish = (repo: RuleSetRepository, options: Parameters<typeof tinyRuleSet>[0], note = '') =>
  repo.insertVersion({ document: parseRuleSet(tinyRuleSet(options)), publishedAt: '2026-01-01T08:00:00.000Z', publishedBy: 'alice', note });

const implementations: [string, () => Promise<{ repo: RuleSetRepository; cleanup: () => void }>][] = [
  [
    'libsql file',
    async () => {
      const db = tempDatabase();
      const client = db.open();
      await migrate(client);
      return { repo: createLibsqlRuleSetRepository(client), cleanup: db.cleanup };
    },
  ],
  [
    // The version in force read through a statement prepared once (an embedded file; on sqld, the client reads).
    'libsql file with prepared reads',
    async () => {
      const db = tempDatabase();
      const client = db.open();
      await migrate(client);
      const reads = openPreparedReads(db.url);
      return {
        repo: createLibsqlRuleSetRepository(client, reads ? { reads } : {}),
        cleanup: () => {
          reads?.close();
          db.cleanup();
        },
      };
    },
  ],
  ['memory', async () => ({ repo: createMemoryRuleSetRepository(), cleanup: () => undefined })],
];

describe.each(implementations)('RuleSetRepository on %s', (_name, make) => {
  let repo: RuleSetRepository;
  let cleanup: () => void;
  beforeEach(async () => ({ repo, cleanup } = await make()));
  afterEach(() => cleanup());

  it('stores a version with its content hash and gives the same document back', async () => {
    const document = parseRuleSet(tinyRuleSet({ points: 0.5 }));
    const meta = await repo.insertVersion({ document, publishedAt: '2026-01-01T08:00:00.000Z', publishedBy: 'alice', note: 'first' });
    expect(meta).toEqual({
      ruleSetId: 'tiny',
      version: 1,
      hash: contentHash(document),
      effectiveFrom: '2026-01-01',
      publishedAt: '2026-01-01T08:00:00.000Z',
      publishedBy: 'alice',
      note: 'first',
    });
    const stored = await repo.getVersion('tiny', 1);
    expect(stored?.document).toEqual(document);
    expect(contentHash(stored?.document)).toBe(meta.hash);
    expect(await repo.getVersionMeta('tiny', 1)).toEqual(meta);
    expect(await repo.getVersion('tiny', 2)).toBeUndefined();
    expect(await repo.getVersion('nope', 1)).toBeUndefined();
  });

  it('refuses to publish a version number twice and keeps the first', async () => {
    const first = await publish(repo, { points: 0.25 });
    const second = publish(repo, { points: 1 });
    await expect(second).rejects.toBeInstanceOf(JifenError);
    await expect(second).rejects.toMatchObject({ code: 'conflict', fields: [{ path: 'version' }] });
    expect((await repo.getVersionMeta('tiny', 1))?.hash).toBe(first.hash);
  });

  it('finds the version in force: latest effective date on or before asOf, the highest number on a tie', async () => {
    await publish(repo, { version: 1, effectiveFrom: '2026-01-01' });
    await publish(repo, { version: 2, effectiveFrom: '2027-01-01', points: 0.5 });
    await publish(repo, { version: 3, effectiveFrom: '2027-01-01', points: 1 });
    // Published later but taking effect earlier than 2 and 3 (a correction of version 1's period).
    await publish(repo, { version: 4, effectiveFrom: '2026-07-01', points: 2 });
    const inForce = async (asOf: string) => {
      const version = (await repo.findVersionInForce('tiny', asOf))?.version;
      // The number alone (what evaluation asks every time) always agrees with the full lookup.
      expect(await repo.findVersionNumberInForce('tiny', asOf)).toBe(version);
      return version;
    };
    expect(await inForce('2025-12-31')).toBeUndefined();
    expect(await inForce('2026-01-01')).toBe(1);
    expect(await inForce('2026-06-30')).toBe(1);
    expect(await inForce('2026-07-01')).toBe(4);
    expect(await inForce('2026-12-31')).toBe(4);
    expect(await inForce('2027-01-01')).toBe(3);
    expect(await inForce('2099-01-01')).toBe(3);
    expect(await repo.findVersionInForce('nope', '2026-06-30')).toBeUndefined();
    expect(await repo.findVersionNumberInForce('nope', '2026-06-30')).toBeUndefined();
  });

  it('lists rule sets with their latest version, and versions oldest first', async () => {
    await publish(repo, { version: 2, effectiveFrom: '2027-01-01' });
    await publish(repo, { version: 1 });
    await publish(repo, { id: 'another', version: 1 });
    const list = await repo.listRuleSets();
    expect(list.map((s) => [s.id, s.latest.version])).toEqual([
      ['another', 1],
      ['tiny', 2],
    ]);
    expect(list[1]).toMatchObject({ title: { zh: '测试规则', en: 'Tiny rules' }, owner: 'Test' });
    expect((await repo.listVersions('tiny')).map((v) => v.version)).toEqual([1, 2]);
    expect(await repo.listVersions('nope')).toEqual([]);
    expect((await repo.getRuleSet('tiny'))?.latest.effectiveFrom).toBe('2027-01-01');
    expect(await repo.getRuleSet('nope')).toBeUndefined();
  });

  it('cannot be changed through the objects it hands out', async () => {
    await publish(repo, {});
    const stored = await repo.getVersion('tiny', 1);
    if (!stored) throw new Error('not stored');
    stored.document.title.en = 'Changed';
    stored.hash = 'x';
    expect((await repo.getVersion('tiny', 1))?.document.title.en).toBe('Tiny rules');
    expect((await repo.getVersionMeta('tiny', 1))?.hash).not.toBe('x');
  });
});

describe('libsql immutability', () => {
  let db: ReturnType<typeof tempDatabase>;
  afterEach(() => db.cleanup());

  it('refuses UPDATE and DELETE of a published version in the database itself', async () => {
    db = tempDatabase();
    const client = db.open();
    await migrate(client);
    const repo = createLibsqlRuleSetRepository(client);
    const meta = await publish(repo, {});

    await expect(client.execute("UPDATE rule_set_versions SET note = 'sneaky' WHERE rule_set_id = 'tiny'")).rejects.toThrow(
      /immutable/,
    );
    await expect(client.execute("UPDATE rule_set_versions SET document = '{}'")).rejects.toThrow(/immutable/);
    await expect(client.execute('DELETE FROM rule_set_versions')).rejects.toThrow(/immutable/);
    await expect(
      client.execute(`INSERT OR REPLACE INTO rule_set_versions (rule_set_id, version, hash, effective_from, published_at, published_by, note, document)
        SELECT rule_set_id, version, hash, effective_from, published_at, published_by, 'replaced', document FROM rule_set_versions`),
    ).rejects.toThrow(/immutable/);

    expect(await repo.getVersionMeta('tiny', 1)).toEqual(meta);
  });
});

describe('the version in force through prepared reads', () => {
  it('is read through the client when the prepared read fails (a locked file), and the log says so once', async () => {
    const db = tempDatabase();
    const client = db.open();
    await migrate(client);
    const lockedRead = () => {
      throw new Error('SQLITE_BUSY: database is locked');
    };
    const warnings: string[] = [];
    const repo = createLibsqlRuleSetRepository(client, { reads: { prepare: () => lockedRead, close: () => undefined }, warn: (m) => warnings.push(m) });
    await publish(repo, { version: 1, effectiveFrom: '2026-01-01' });
    expect(await repo.findVersionNumberInForce('tiny', '2026-06-30')).toBe(1);
    expect(await repo.findVersionNumberInForce('tiny', '2025-06-30')).toBeUndefined();
    expect(warnings).toEqual(['Jifen: the version in force was read through the database client instead (SQLITE_BUSY: database is locked)']);
    db.cleanup();
  });

  it('is read through the client when the statement cannot be prepared (a file without the table)', async () => {
    const db = tempDatabase();
    const client = db.open();
    await migrate(client);
    const warnings: string[] = [];
    const unprepared = {
      prepare: () => {
        throw new Error('SQLITE_ERROR: no such table: rule_set_versions');
      },
      close: () => undefined,
    };
    const repo = createLibsqlRuleSetRepository(client, { reads: unprepared, warn: (m) => warnings.push(m) });
    await publish(repo, { version: 1, effectiveFrom: '2026-01-01' });
    expect(await repo.findVersionNumberInForce('tiny', '2026-06-30')).toBe(1);
    expect(warnings).toHaveLength(1);
    db.cleanup();
  });
});
