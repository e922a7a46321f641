import { describe, expect, it } from 'vitest';
import { sampleAuditChain } from '../../../../test/support/databases/audit-chain';
import { chainEntry, entryHash, type AuditEntry } from './chain';
import { verifyChain, type ChainReport } from './verify';

const problems = (report: ChainReport) => (report.ok ? [] : report.problems.map(({ seq, kind }) => ({ seq, kind })));
const renumber = (e: AuditEntry, seq: number): AuditEntry => ({ ...e, seq });

describe('verifyChain', () => {
  const chain = sampleAuditChain(8);

  it('accepts an untouched chain and reports its head', () => {
    expect(verifyChain(chain)).toEqual({ ok: true, count: 8, head: { seq: 8, hash: chain[7]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('names an entry whose content was edited in place', () => {
    const tampered = chain.map((e) => (e.seq === 4 ? { ...e, actor: 'intruder' } : e));
    const report = verifyChain(tampered);
    expect(problems(report)).toEqual([{ seq: 4, kind: 'altered' }]);
    expect(report.ok || report.problems[0]!.message).toContain('entry 4 (draft-approved by intruder');
  });

  it('names an entry that was edited and given a fresh hash', () => {
    const tampered = chain.map((e) => {
      if (e.seq !== 4) return e;
      const changed = { ...e, details: { note: 'nothing to see' } };
      return { ...changed, hash: entryHash(changed) };
    });
    expect(problems(verifyChain(tampered))).toEqual([{ seq: 4, kind: 'altered' }]);
  });

  it('names a deleted entry, whether or not the rest were renumbered', () => {
    expect(problems(verifyChain(chain.filter((e) => e.seq !== 5)))).toEqual([{ seq: 5, kind: 'deleted' }]);
    expect(problems(verifyChain(chain.slice(1)))).toEqual([{ seq: 1, kind: 'deleted' }]);
    const closedUp = chain.filter((e) => e.seq !== 5).map((e) => (e.seq > 5 ? renumber(e, e.seq - 1) : e));
    const report = problems(verifyChain(closedUp));
    expect(report).toContainEqual({ seq: 5, kind: 'deleted' });
    expect(report.filter((p) => p.kind !== 'altered')).toEqual([{ seq: 5, kind: 'deleted' }]);
  });

  it('needs the recorded head to notice entries cut from the end', () => {
    expect(verifyChain(chain.slice(0, 6)).ok).toBe(true);
    const head = { seq: 8, hash: chain[7]!.hash };
    expect(problems(verifyChain(chain.slice(0, 6), { head }))).toEqual([{ seq: 7, kind: 'deleted' }]);
    expect(verifyChain(chain, { head }).ok).toBe(true);
  });

  it('names an inserted entry, with the later entries renumbered', () => {
    const forged = chainEntry(chain[2], { at: '2026-03-01T09:02:30+08:00', actor: 'intruder', action: 'version-published', target: 'rule-set:district-sample' });
    const spliced = [...chain.slice(0, 3), forged, ...chain.slice(3).map((e) => renumber(e, e.seq + 1))];
    const report = verifyChain(spliced);
    expect(problems(report).filter((p) => p.kind !== 'altered')).toEqual([{ seq: 4, kind: 'inserted' }]);
    expect(report.ok || report.problems.find((p) => p.kind === 'inserted')!.message).toContain('intruder');
  });

  it('names an inserted entry that reuses a number, wherever it is stored', () => {
    const forged = { ...chainEntry(chain[2], { at: '2026-03-01T09:02:30+08:00', actor: 'intruder', action: 'key-issued', target: 'partner:p1' }) };
    for (const stored of [[...chain, forged], [...chain.slice(0, 3), forged, ...chain.slice(3)]]) {
      const sorted = [...stored].sort((a, b) => a.seq - b.seq);
      const report = verifyChain(sorted);
      expect(problems(report)).toEqual([{ seq: 4, kind: 'inserted' }]);
      expect(report.ok || report.problems[0]!.message).toContain('key-issued by intruder');
    }
  });

  it('names entries stored out of order', () => {
    const swapped = [...chain];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(problems(verifyChain(swapped))).toEqual([{ seq: 3, kind: 'reordered' }]);
  });

  it('names a link that was cut when the entry itself was also changed', () => {
    const tampered = chain.map((e) => (e.seq === 6 ? { ...e, prevHash: '1'.repeat(64) } : e));
    expect(problems(verifyChain(tampered))).toEqual([
      { seq: 6, kind: 'altered' },
      { seq: 6, kind: 'broken-link' },
    ]);
  });
});
