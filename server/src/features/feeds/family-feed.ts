import { randomUUID } from 'node:crypto';
import type { Client } from '@libsql/client';
import { JifenError, type FieldError } from '../../domain/errors';
import { errorDetail } from '../../platform/http/error-body';
import { childChange, spouseChange, type FamilyChange } from '../../domain/residents/family-links';
import { checkFamilyRecord, type FamilyRecord } from '../../domain/residents/family-record';
import type { Provenance } from '../../domain/residents/types';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction, type SqlExecutor } from '../../platform/db/database';
import { childByIdNumber, noteIdNumber, personByKey, recordFamilyChange } from '../residents';

/** What happened to one family record. */
export type FamilyRecordResult =
  | { key: string; status: 'applied' | 'unchanged' | 'replayed'; residentId: string }
  | { key: string; status: 'pending'; missing: 'resident' | 'spouse' }
  | { key: string; status: 'failed'; error: { code: string; message: string; fields?: FieldError[] } };

export interface FamilyFeedCall {
  source: string;
  credentialId: string;
  records: readonly unknown[];
  /** The day in China: records dated after it are refused. */
  today: string;
  receivedAt: string;
}

type WithoutKey<T> = T extends unknown ? Omit<T, 'key'> : never;
type Outcome = { status: 'applied' | 'unchanged'; residentId: string } | { status: 'pending'; missing: 'resident' | 'spouse' };

/**
 * Applies a family feed (civil affairs: marriages and divorces; public security: children) in one write
 * transaction, record by record in order: each is a new family-history entry with its provenance (this
 * source, the call's time, the record's evidence); a record naming a person not yet on record is kept
 * pending and listed for review; a contradictory one (two current spouses, a third parent) is refused with
 * its fields. Records still pending from earlier calls are tried again at the end.
 *
 * @example
 * await applyFamilyFeed(client, { source: 'civil-affairs', credentialId, records, today, receivedAt });
 */
export async function applyFamilyFeed(client: Client, call: FamilyFeedCall): Promise<{ callId: string; results: FamilyRecordResult[]; resolved: number }> {
  const callId = `family-${randomUUID()}`;
  return inTransaction(client, async (tx) => {
    const results: FamilyRecordResult[] = [];
    for (const [index, raw] of call.records.entries()) {
      const key = typeof raw === 'object' && raw !== null && 'key' in raw ? String(raw.key) : `#${index}`;
      const previous = await replayOf(tx, call.source, key);
      if (previous) {
        results.push({ key, ...previous } as FamilyRecordResult);
        continue;
      }
      try {
        const record = checkFamilyRecord(raw, index, call.today);
        const outcome = await applyOne(tx, record, index, { kind: 'feed', source: call.source, at: call.receivedAt, evidence: record.evidence ?? `${call.source}:${key}` });
        if (outcome.status === 'pending') {
          await tx.execute({
            sql: `INSERT INTO family_pending (source, record_key, record, missing, status, received_at) VALUES (?, ?, ?, ?, 'pending', ?)`,
            args: [call.source, key, JSON.stringify(record), outcome.missing, call.receivedAt],
          });
        } else {
          await tx.execute({
            sql: 'INSERT INTO feed_records (source, record_key, resident_id, call_id, applied_at) VALUES (?, ?, ?, ?, ?)',
            args: [call.source, key, outcome.residentId, callId, call.receivedAt],
          });
        }
        results.push({ key, ...outcome });
      } catch (error) {
        if (!(error instanceof JifenError)) throw error;
        results.push({ key, status: 'failed', error: errorDetail(error) });
      }
    }
    const resolved = await retryPending(tx, call.today, call.receivedAt);
    const count = (s: FamilyRecordResult['status']) => results.filter((r) => r.status === s).length;
    await appendAudit(tx, {
      at: call.receivedAt,
      actor: `credential:${call.credentialId}`,
      action: 'family-feed-applied',
      target: `feed:${call.source}/${callId}`,
      details: { received: results.length, applied: count('applied'), unchanged: count('unchanged'), pending: count('pending'), failed: count('failed'), replayed: count('replayed'), resolved },
    });
    return { callId, results, resolved };
  });
}

/**
 * Tries every pending family record again (its person may be on record now): applied, refused as a
 * contradiction (with the reason kept), or left pending. Answers how many left the pending list.
 */
export async function retryPending(tx: SqlExecutor, today: string, at: string): Promise<number> {
  const pending = await tx.execute("SELECT id, source, record_key, record, received_at FROM family_pending WHERE status = 'pending' ORDER BY id");
  let resolved = 0;
  for (const row of pending.rows) {
    const record = checkFamilyRecord(JSON.parse(String(row.record)), 0, today);
    const source = String(row.source);
    const provenance: Provenance = { kind: 'feed', source, at: String(row.received_at), evidence: record.evidence ?? `${source}:${String(row.record_key)}` };
    try {
      const outcome = await applyOne(tx, record, 0, provenance);
      if (outcome.status === 'pending') continue;
      await tx.execute({ sql: "UPDATE family_pending SET status = 'applied', resolved_at = ?, outcome = ? WHERE id = ?", args: [at, outcome.residentId, Number(row.id)] });
    } catch (error) {
      if (!(error instanceof JifenError)) throw error;
      const reason = [error.message, ...(error.fields ?? []).map((f) => `${f.path.replace(/^records\.0\./, '')}: ${f.message}`)].join('; ');
      await tx.execute({ sql: "UPDATE family_pending SET status = 'refused', resolved_at = ?, outcome = ? WHERE id = ?", args: [at, reason, Number(row.id)] });
    }
    resolved++;
  }
  return resolved;
}

async function applyOne(tx: SqlExecutor, record: FamilyRecord, index: number, provenance: Provenance): Promise<Outcome> {
  const resident = await personByKey(tx, { permitNumber: record.permitNumber });
  if (!resident) return { status: 'pending', missing: 'resident' };
  if (record.idNumber) await noteIdNumber(tx, resident.id, record.idNumber);
  let change: FamilyChange;
  if (record.event === 'child') {
    change = childChange(record, index, resident, await childByIdNumber(tx, record.child.idNumber));
  } else {
    const spouse = await personByKey(tx, record.spouse);
    if (!spouse) return { status: 'pending', missing: 'spouse' };
    change = spouseChange(record, index, resident, spouse);
  }
  await recordFamilyChange(tx, change, record.event === 'child' ? record.child : undefined, provenance);
  return { status: change.kind === 'unchanged' ? 'unchanged' : 'applied', residentId: resident.id };
}

async function replayOf(tx: SqlExecutor, source: string, key: string): Promise<WithoutKey<FamilyRecordResult> | undefined> {
  const done = (await tx.execute({ sql: 'SELECT resident_id FROM feed_records WHERE source = ? AND record_key = ?', args: [source, key] })).rows[0];
  if (done) return { status: 'replayed', residentId: String(done.resident_id) };
  const kept = (await tx.execute({ sql: 'SELECT missing, status, outcome FROM family_pending WHERE source = ? AND record_key = ?', args: [source, key] })).rows[0];
  if (!kept) return undefined;
  if (kept.status === 'applied') return { status: 'replayed', residentId: String(kept.outcome) };
  if (kept.status === 'refused') {
    const error = new JifenError('conflict', { en: `Family: record "${key}" was kept pending and then refused: ${String(kept.outcome)}`, zh: '这条记录曾等待处理，之后被拒绝' });
    return { status: 'failed', error: errorDetail(error) };
  }
  return { status: 'pending', missing: kept.missing === 'spouse' ? 'spouse' : 'resident' };
}
