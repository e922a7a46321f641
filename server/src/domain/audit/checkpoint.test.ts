import { describe, expect, it } from 'vitest';
import { sampleAuditChain } from '../../../../test/support/databases/audit-chain';
import { chainEntry, entryHash, type AuditEntry } from './chain';
import { signCheckpoint, verifyCheckpoint } from './checkpoint';

const KEY = 'a key the database never sees, 32+ characters long';
const AT = '2026-07-01T02:00:00.000Z';
const kinds = (entries: readonly AuditEntry[], checkpoint = signCheckpoint({ seq: 6, hash: sampleAuditChain(8)[5]!.hash }, AT, KEY)) =>
  verifyCheckpoint(checkpoint, KEY, entries).problems.map((p) => p.kind);

/** What someone with write access to the database does: rewrite entry `seq`, then chain every later entry again. */
function rechain(chain: readonly AuditEntry[], seq: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const e of chain) {
    const prev = out.at(-1);
    const { seq: _s, prevHash: _p, hash: _h, ...input } = e;
    out.push(chainEntry(prev, e.seq === seq ? { ...input, actor: 'intruder' } : input));
  }
  return out;
}

describe('audit checkpoints', () => {
  const chain = sampleAuditChain(8);
  const checkpoint = signCheckpoint({ seq: 6, hash: chain[5]!.hash }, AT, KEY);

  it('holds on the untouched trail and on the trail grown after it', () => {
    expect(verifyCheckpoint(checkpoint, KEY, chain.slice(0, 6))).toMatchObject({ ok: true, seq: 6, signatureValid: true, problems: [] });
    expect(verifyCheckpoint(checkpoint, KEY, chain).ok).toBe(true);
    expect(verifyCheckpoint(signCheckpoint({ seq: 0, hash: '0'.repeat(64) }, AT, KEY), KEY, []).ok).toBe(true);
  });

  it('fails when the tail was cut off, even with the recorded head rewound', () => {
    const cut = chain.slice(0, 4);
    const verdict = verifyCheckpoint(checkpoint, KEY, cut);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems[0]).toMatchObject({ seq: 6, kind: 'deleted' });
    expect(verdict.problems[0]!.message).toContain('ends at entry 4');
  });

  it('fails when an entry before it was rewritten and every hash after it computed again', () => {
    const forged = rechain(chain, 3);
    expect(forged.every((e, i) => e.hash === entryHash(e) && (i === 0 || e.prevHash === forged[i - 1]!.hash))).toBe(true);
    expect(kinds(forged, checkpoint)).toEqual(['altered']);
    expect(verifyCheckpoint(checkpoint, KEY, forged).problems[0]!.message).toContain('chained again');
  });

  it('fails when an entry before it was edited in place', () => {
    const edited = chain.map((e) => (e.seq === 2 ? { ...e, actor: 'intruder' } : e));
    expect(kinds(edited, checkpoint)).toContain('altered');
  });

  it('refuses a checkpoint that was altered or signed with another key', () => {
    const moved = { ...checkpoint, seq: 4, hash: chain[3]!.hash };
    expect(verifyCheckpoint(moved, KEY, chain)).toMatchObject({ ok: false, signatureValid: false });
    const other = signCheckpoint({ seq: 6, hash: chain[5]!.hash }, AT, 'another key, also long enough to be a key');
    const verdict = verifyCheckpoint(other, KEY, chain);
    expect(verdict).toMatchObject({ ok: false, signatureValid: false });
    expect(verdict.problems[0]!.message).toContain('another key');
  });
});
