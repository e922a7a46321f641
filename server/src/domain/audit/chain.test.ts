import { describe, expect, it } from 'vitest';
import { JifenError } from '../errors';
import { sampleAuditChain } from '../../../../test/support/databases/audit-chain';
import { chainEntry, entryHash, GENESIS_HASH, type AuditEntry } from './chain';
import { verifyChain } from './verify';

describe('audit chain', () => {
  it('numbers entries from 1 and links each to the previous one', () => {
    const [first, second] = sampleAuditChain(2);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(second!.hash).toBe(entryHash(second!));
    expect(second!.hash).not.toBe(first!.hash);
  });

  it('hashes the content and the link, so the same content after another entry hashes differently', () => {
    const input = { at: '2026-03-01T09:00:00Z', actor: 'u1', action: 'login' as const, target: 'user:u1' };
    const a = chainEntry(undefined, input);
    const b = chainEntry(a, input);
    expect(b.hash).not.toBe(a.hash);
    expect(chainEntry(undefined, { ...input, actor: 'u2' }).hash).not.toBe(a.hash);
  });

  it('verifies a chain read back from a database, where absent fields come back as null', () => {
    const first = chainEntry(undefined, { at: '2026-03-01T01:00:00Z', actor: 'u1', action: 'login', target: 'user:u1' });
    const second = chainEntry(first, { at: '2026-03-01T01:02:00Z', actor: 'u1', action: 'draft-created', target: 'rule-set:x/draft:1', details: { from: 3 } });
    const stored = [first, second].map((e) => ({ before: null, after: null, details: null, ...e }) as unknown as AuditEntry);
    expect(stored[0]).toMatchObject({ before: null, details: null });
    expect(verifyChain(stored)).toEqual({ ok: true, count: 2, head: { seq: 2, hash: second.hash } });
  });

  it('rejects an entry it cannot record faithfully, naming the field', () => {
    const bad = () =>
      chainEntry(undefined, {
        at: '2026-03-01 09:00',
        actor: '',
        action: 'drop-table' as 'login',
        target: 'x',
        before: 'abc',
      });
    try {
      bad();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JifenError);
      expect((error as JifenError).fields?.map((f) => f.path)).toEqual(['at', 'actor', 'action', 'before']);
    }
  });
});
