import { JifenError, type FieldError } from '../errors';
import { contentHash } from '../rule-set/hash';
import { isAuditAction, type AuditAction } from './actions';

/**
 * A tamper-evident audit trail: every entry carries the SHA-256 of its own content and of the entry before
 * it, so changing, inserting or deleting an entry breaks the chain from that point on (see verify.ts).
 */

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the caller records; the chain adds `seq`, `prevHash` and `hash`. */
export interface AuditInput {
  /** ISO 8601 timestamp with a zone, passed in (the domain never reads the clock). */
  at: string;
  /** Who: a user id, a service credential's id, or `system`. */
  actor: string;
  action: AuditAction;
  /** What, e.g. `rule-set:district-sample/draft:12`. */
  target: string;
  /** Content hash of the target before the action. */
  before?: string;
  /** Content hash of the target after the action. */
  after?: string;
  /** Anything else worth keeping (a change note, a reason, counts); plain JSON. */
  details?: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  /** 1, 2, 3… without gaps. */
  seq: number;
  prevHash: string;
  hash: string;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The hash an entry must carry: SHA-256 of the canonical JSON of everything but `hash`, `prevHash`
 * included. Absent and `null` optional fields are the same (a database column reads back as null).
 */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const content: Record<string, unknown> = {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    prevHash: entry.prevHash,
  };
  for (const key of ['before', 'after', 'details'] as const) {
    if (entry[key] !== undefined && entry[key] !== null) content[key] = entry[key];
  }
  return contentHash(content);
}

/**
 * The entry that follows `prev` (or starts the chain when `prev` is undefined).
 *
 * @example
 * const first = chainEntry(undefined, { at: '2026-03-01T09:00:00+08:00', actor: 'u1', action: 'login', target: 'user:u1' });
 * const second = chainEntry(first, { at: '2026-03-01T09:05:00+08:00', actor: 'u1', action: 'draft-created', target: 'rule-set:district-sample/draft:1' });
 * second.prevHash === first.hash; // true
 */
export function chainEntry(prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined, input: AuditInput): AuditEntry {
  checkInput(input);
  const { at, actor, action, target, before, after, details } = input;
  const entry: Omit<AuditEntry, 'hash'> = {
    seq: prev ? prev.seq + 1 : 1,
    at,
    actor,
    action,
    target,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(details !== undefined ? { details } : {}),
    prevHash: prev ? prev.hash : GENESIS_HASH,
  };
  return { ...entry, hash: entryHash(entry) };
}

function checkInput(input: AuditInput): void {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (typeof input.at !== 'string' || !ISO_TIMESTAMP.test(input.at) || Number.isNaN(Date.parse(input.at))) {
    add('at', 'must be an ISO 8601 timestamp with a time zone');
  }
  if (typeof input.actor !== 'string' || input.actor.length === 0 || input.actor.length > 200) add('actor', 'must be 1–200 characters');
  if (typeof input.action !== 'string' || !isAuditAction(input.action)) add('action', `unknown audit action "${String(input.action)}"`);
  if (typeof input.target !== 'string' || input.target.length === 0 || input.target.length > 500) add('target', 'must be 1–500 characters');
  for (const key of ['before', 'after'] as const) {
    const value = input[key];
    if (value !== undefined && (typeof value !== 'string' || !SHA256.test(value))) add(key, 'must be a SHA-256 content hash (64 hex digits)');
  }
  if (input.details !== undefined) {
    const plain = typeof input.details === 'object' && input.details !== null && !Array.isArray(input.details);
    if (!plain) add('details', 'must be a JSON object');
    else {
      try {
        contentHash(input.details);
      } catch {
        add('details', 'must be plain JSON');
      }
    }
  }
  if (problems.length > 0) throw new JifenError('validation_failed', { en: 'Audit: invalid entry', zh: '审计记录有误' }, problems);
}
