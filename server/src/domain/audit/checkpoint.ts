import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry } from './chain';
import { verifyChain, type ChainProblem } from './verify';

/**
 * Signed checkpoints of the audit trail. The hash chain shows an entry changed in place, but someone who
 * can write the database can also cut entries from the end and rewind the recorded head, or rewrite an
 * entry and compute every later hash again: the chain then holds together. A checkpoint is the head of the
 * trail at one moment, signed (HMAC-SHA256) with a key the database does not hold; kept by an auditor or a
 * witness, it proves later that the trail still contains that entry with that hash, and so everything
 * before it unchanged.
 */

export interface AuditCheckpoint {
  /** The entry the trail ended with when the checkpoint was taken (0 for an empty trail). */
  seq: number;
  /** That entry's hash (the genesis hash for an empty trail). */
  hash: string;
  /** When the checkpoint was taken (ISO 8601, UTC). */
  at: string;
  /** The first 16 hex digits of the SHA-256 of the key, so that a checkpoint names the key it needs. */
  keyId: string;
  /** HMAC-SHA256 (base64url) of the canonical JSON of `{seq, hash, at, keyId}`. */
  signature: string;
}

export interface CheckpointVerdict {
  ok: boolean;
  seq: number;
  hash: string;
  at: string;
  /** Whether the checkpoint was signed with this server's key, unaltered. */
  signatureValid: boolean;
  /** Why it does not hold, entry by entry; empty when `ok`. */
  problems: ChainProblem[];
}

/** A key id: names the key without revealing it. */
export function auditKeyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Signs the head of the trail.
 *
 * @example
 * signCheckpoint({ seq: 812, hash: 'ab…' }, '2026-07-01T02:00:00.000Z', key); // { seq: 812, hash, at, keyId, signature }
 */
export function signCheckpoint(head: { seq: number; hash: string }, at: string, key: string): AuditCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at, keyId: auditKeyId(key) };
  return { ...unsigned, signature: mac(unsigned, key) };
}

/**
 * Whether the trail (as stored, in storage order) still holds a checkpoint: signed with `key`, its entry
 * present with the same hash, and every entry up to it intact and linked. `ok: false` names what broke:
 * the tail cut off (the entry is missing), the trail rewritten and chained again (the entry has another
 * hash), or an entry before it altered.
 *
 * @example
 * verifyCheckpoint(saved, key, entries); // { ok: false, problems: [{ seq: 812, kind: 'deleted', message: 'entry 812 … is no longer in the trail' }] }
 */
export function verifyCheckpoint(checkpoint: AuditCheckpoint, key: string, entries: readonly AuditEntry[]): CheckpointVerdict {
  const { seq, hash, at } = checkpoint;
  const signatureValid = signatureMatches(checkpoint, key);
  const problems: ChainProblem[] = [];
  if (!signatureValid) {
    const other = checkpoint.keyId !== auditKeyId(key);
    problems.push({
      seq,
      kind: 'altered',
      message: other ? `the checkpoint was signed with another key (${checkpoint.keyId})` : 'the checkpoint was altered: its signature does not match',
      messageZh: other ? `检查点是用另一把密钥（${checkpoint.keyId}）签名的，不能据此核对` : '检查点本身被改动过：签名不符',
    });
  } else if (seq > 0) {
    const entry = entries.find((e) => e.seq === seq);
    if (!entry) {
      const last = entries.reduce((max, e) => Math.max(max, e.seq), 0);
      problems.push({
        seq,
        kind: 'deleted',
        message: `entry ${seq} is no longer in the trail (it now ends at entry ${last}): entries were cut from the end`,
        messageZh: `第 ${seq} 条记录已不在记录链中（现在最后一条是第 ${last} 条）：末尾的记录被截去`,
      });
    } else if (entry.hash !== hash) {
      problems.push({
        seq,
        kind: 'altered',
        message: `entry ${seq} now has another hash: the trail was rewritten at or before it and chained again`,
        messageZh: `第 ${seq} 条记录的哈希已变：它或它之前的记录被改写，并重新串联了记录链`,
      });
    }
    const prefix = verifyChain(entries.filter((e) => e.seq <= seq));
    if (!prefix.ok) problems.push(...prefix.problems);
  }
  return { ok: problems.length === 0, seq, hash, at, signatureValid, problems };
}

function signatureMatches(checkpoint: AuditCheckpoint, key: string): boolean {
  const { seq, hash, at, keyId, signature } = checkpoint;
  if (keyId !== auditKeyId(key)) return false;
  const expected = Buffer.from(mac({ seq, hash, at, keyId }, key));
  const given = Buffer.from(String(signature));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(unsigned: { seq: number; hash: string; at: string; keyId: string }, key: string): string {
  return createHmac('sha256', key).update(`jifen-audit-checkpoint-v1\n${canonicalize(unsigned)}`).digest('base64url');
}
