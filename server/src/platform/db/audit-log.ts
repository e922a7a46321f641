import type { Row } from '@libsql/client';
import { chainEntry, type AuditEntry, type AuditInput } from '../../domain/audit/chain';
import { verifyChain, type ChainReport } from '../../domain/audit/verify';
import { isAuditAction } from '../../domain/audit/actions';
import type { SqlExecutor } from './database';

/**
 * The audit trail in libsql: an append-only, hash-chained table (see domain/audit). Entries are written by
 * `appendAudit` inside the same write transaction as the change they record, so the change and its entry
 * commit together or not at all.
 */

const COLUMNS = 'seq, at, actor, action, target, before, after, details, prev_hash, hash';

/**
 * Appends one entry to the audit trail, chained to the head recorded with the latest append. Call it with
 * the open write transaction of the change it records (never with the bare client): the write transaction
 * serialises appends, and `seq` is the primary key, so two appends can never fork the chain. `at` may be a
 * Date or an ISO instant; it is stored as UTC (`…Z`) so that entries sort by time as text.
 *
 * The recorded head, not the last row, is what the next entry follows: entries cut from the end of the
 * table (or added to it) outside Jifen would otherwise be chained over by the next change, and the trail
 * would verify whole again. Following the head, the cut stays a gap that `verifyAuditLog` names.
 *
 * @example
 * await inTransaction(client, async (tx) => {
 *   await tx.execute({ sql: 'UPDATE …', args });
 *   await appendAudit(tx, { at: now(), actor: 'zhang.editor', action: 'draft-edited', target: 'rule-set:district-sample/draft:abc', before, after });
 * });
 */
export async function appendAudit(tx: SqlExecutor, entry: Omit<AuditInput, 'at'> & { at: Date | string }): Promise<AuditEntry> {
  const at = typeof entry.at === 'string' ? normaliseInstant(entry.at) : entry.at.toISOString();
  const { head, lastSeq } = await trailEnd(tx);
  // After the head, and after any entry already in the table, so that `seq` stays unique either way.
  const prev = head ? { seq: Math.max(head.seq, lastSeq ?? 0), hash: head.hash } : await lastEntry(tx);
  const next = chainEntry(prev, { ...entry, at });
  await tx.execute({
    sql: `INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      next.seq,
      next.at,
      next.actor,
      next.action,
      next.target,
      next.before ?? null,
      next.after ?? null,
      next.details === undefined ? null : JSON.stringify(next.details),
      next.prevHash,
      next.hash,
    ],
  });
  await tx.execute({
    sql: `INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
    args: [next.seq, next.hash],
  });
  return next;
}

/** The head recorded with the latest append, and the highest `seq` in the table. */
async function trailEnd(db: SqlExecutor): Promise<{ head?: { seq: number; hash: string }; lastSeq?: number }> {
  const row = (await db.execute('SELECT (SELECT max(seq) FROM audit_log) AS last_seq, h.seq, h.hash FROM (SELECT 1) LEFT JOIN audit_head h ON h.id = 1')).rows[0]!;
  return {
    ...(row.seq === null ? {} : { head: { seq: Number(row.seq), hash: String(row.hash) } }),
    ...(row.last_seq === null ? {} : { lastSeq: Number(row.last_seq) }),
  };
}

async function lastEntry(db: SqlExecutor): Promise<AuditEntry | undefined> {
  const last = await db.execute(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`);
  return last.rows[0] ? toEntry(last.rows[0]) : undefined;
}

/**
 * Whether the trail ends where its recorded head says, in a sentence when it does not: checked when the
 * server starts, before anything is appended, so that an operator hears of a cut at once.
 *
 * @example
 * const problem = await auditTailProblem(client); // 'the recorded head is entry 627, but the last entry in the table is 626: …'
 */
export async function auditTailProblem(db: SqlExecutor): Promise<string | undefined> {
  const { head, lastSeq } = await trailEnd(db);
  if (!head) return lastSeq === undefined ? undefined : `the table holds entries up to ${lastSeq} but no recorded head: it was removed outside Jifen`;
  if (lastSeq === head.seq) return undefined;
  return lastSeq === undefined || lastSeq < head.seq
    ? `the recorded head is entry ${head.seq}, but the last entry in the table is ${lastSeq ?? 'none'}: entries were cut from its end outside Jifen`
    : `the recorded head is entry ${head.seq}, but the table holds entries up to ${lastSeq}: entries were added to its end outside Jifen`;
}

/** Filters of the audit listing; every one given must hold. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  /** The target itself or anything under it: `rule-set:district-sample` also finds `rule-set:district-sample/draft:…`. */
  target?: string;
  /** Entries at or after this instant (ISO 8601, UTC). */
  from?: string;
  /** Entries before this instant (ISO 8601, UTC). */
  to?: string;
  /** Entries older than this `seq` (the `nextCursor` of the previous page). */
  before?: number;
  limit: number;
}

/**
 * One page of the audit trail, newest first, and the cursor of the next page when there is one.
 *
 * @example
 * await listAudit(client, { action: 'draft-approved', limit: 50 }); // { entries: [...], nextCursor: 812 }
 */
export async function listAudit(db: SqlExecutor, query: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor?: number }> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (query.actor !== undefined) add('actor = ?', query.actor);
  if (query.action !== undefined) add('action = ?', query.action);
  // '/' sorts just before '0': the range holds every target that starts with `<target>/`.
  if (query.target !== undefined) add('(target = ? OR (target >= ? AND target < ?))', query.target, `${query.target}/`, `${query.target}0`);
  if (query.from !== undefined) add('at >= ?', query.from);
  if (query.to !== undefined) add('at < ?', query.to);
  if (query.before !== undefined) add('seq < ?', query.before);
  const result = await db.execute({
    sql: `SELECT ${COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
    args: [...args, query.limit + 1],
  });
  const entries = result.rows.slice(0, query.limit).map(toEntry);
  const more = result.rows.length > query.limit;
  return more ? { entries, nextCursor: entries.at(-1)!.seq } : { entries };
}

/**
 * Reads the whole trail in storage order, with the head recorded beside it, and checks the chain:
 * an entry edited, deleted or inserted in the database is reported with its `seq`. Entries appended after
 * the recorded head (a forged tail with correct hashes) are reported too.
 *
 * @example
 * const report = await verifyAuditLog(client);
 * if (!report.ok) console.log(report.problems); // [{ seq: 4, kind: 'altered', message: 'entry 4 (…) does not match its hash' }]
 */
export async function verifyAuditLog(db: SqlExecutor): Promise<ChainReport> {
  const entries = await readAuditTrail(db);
  const headRow = (await db.execute('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0];
  const head = headRow ? { seq: Number(headRow.seq), hash: String(headRow.hash) } : undefined;
  const report = verifyChain(entries, head ? { head } : {});
  const last = entries.reduce((max, e) => Math.max(max, e.seq), 0);
  if (!head) {
    if (entries.length === 0) return report;
    const missing = { seq: last, kind: 'broken-link' as const, message: 'the recorded head of the trail is missing', messageZh: '登记的最新记录（记录链末端）不见了：在积分系统之外被删除' };
    return { ok: false, count: report.count, problems: [...(report.ok ? [] : report.problems), missing] };
  }
  if (last <= head.seq) return report;
  const added = {
    seq: head.seq + 1,
    kind: 'inserted' as const,
    message: `entries ${head.seq + 1}–${last} were added behind Jifen's back: the recorded head is entry ${head.seq}`,
    messageZh: `第 ${head.seq + 1}–${last} 条记录是在积分系统之外添加的：登记的最新记录是第 ${head.seq} 条`,
  };
  return { ok: false, count: report.count, problems: [...(report.ok ? [] : report.problems), added] };
}

/**
 * The whole trail in storage order (by rowid, not seq, so that entries renumbered in the database are still
 * read as stored), for the checks that need all of it.
 *
 * @example
 * const entries = await readAuditTrail(client);
 */
export async function readAuditTrail(db: SqlExecutor): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  const PAGE = 5_000;
  for (let after = -1; ; ) {
    const page = await db.execute({
      sql: `SELECT rowid AS storage_order, ${COLUMNS} FROM audit_log WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      args: [after, PAGE],
    });
    for (const row of page.rows) entries.push(toEntry(row));
    if (page.rows.length < PAGE) break;
    after = Number(page.rows.at(-1)!.storage_order);
  }
  return entries;
}

/** The latest entry of the trail by `seq` (what a checkpoint signs), or undefined for an empty trail. */
export async function latestAuditEntry(db: SqlExecutor): Promise<AuditEntry | undefined> {
  const row = (await db.execute(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`)).rows[0];
  return row && toEntry(row);
}

function toEntry(row: Row): AuditEntry {
  const action = String(row.action);
  return {
    seq: Number(row.seq),
    at: String(row.at),
    actor: String(row.actor),
    // An action unknown to this version of Jifen is still verified by its hash; the name is kept as stored.
    action: isAuditAction(action) ? action : (action as AuditEntry['action']),
    target: String(row.target),
    ...(row.before === null ? {} : { before: String(row.before) }),
    ...(row.after === null ? {} : { after: String(row.after) }),
    ...(row.details === null ? {} : { details: parseDetails(String(row.details)) }),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}

function parseDetails(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : { value };
}

function normaliseInstant(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}
