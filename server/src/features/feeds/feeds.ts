import { randomUUID } from 'node:crypto';
import type { Client } from '@libsql/client';
import { JifenError, type FieldError } from '../../domain/errors';
import { errorDetail } from '../../platform/http/error-body';
import { checkFeedRecord, type FeedRecordPlan } from '../../domain/residents/feed-record';
import { earnedOnProblem, recordBoundViolations } from '../../domain/residents/record-bounds';
import type { FactValue } from '../../domain/scoring/types';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { appendAudit } from '../../platform/db/audit-log';
import { retryPending } from './family-feed';
import { FeedWrites, type KnownResident } from './feed-writes';
import { inTransaction, type SqlExecutor } from '../../platform/db/database';
import { createLibsqlResidentRepository } from '../residents';
import { chunks, placeholders } from '../../platform/db/sql';
import { rescoreResidents } from '../residents';
import type { RuleSetResolver } from '../rule-sets';

/** What happened to one record of a feed call. */
export type FeedRecordResult =
  | { key: string; status: 'applied'; residentId: string; created: boolean }
  | { key: string; status: 'replayed'; residentId: string }
  | { key: string; status: 'failed'; error: { code: string; message: string; fields?: FieldError[] } };

export interface FeedOutcome {
  callId: string;
  source: string;
  ruleSetId: string;
  version: number;
  received: number;
  applied: number;
  replayed: number;
  failed: number;
  /** Residents re-scored after the call. */
  rescored: number;
  results: FeedRecordResult[];
}

export interface FeedCall {
  source: string;
  /** The service credential that made the call (its id, recorded as the audit actor). */
  credentialId: string;
  /** The records as received; each one is validated on its own. */
  records: readonly ({ key: string } & Record<string, unknown>)[];
  /** The rule set records are validated against and residents re-scored with. */
  rs: ResolvedRuleSet;
  /** The evaluation date for re-scoring (`YYYY-MM-DD`). */
  asOf: string;
  /** When the call was received (ISO instant): provenance time of every value written. */
  receivedAt: string;
}

/**
 * Applies a feed call (无感赋分) in one write transaction: each valid record wholly (its resident, facts and
 * ledger entries) or not at all; a record whose key this source already applied is a no-op reported as
 * `replayed`; the residents touched are re-scored; the call and its counts are recorded with one audit
 * entry. A record that fails leaves the others applied and itself untouched.
 *
 * Every record's fate is decided before anything is written — validation against the rule set, replayed
 * keys and unknown permit numbers are all known up front — and the writes then go in bulk, so that a
 * call of 10,000 records takes seconds, not minutes.
 *
 * @example
 * const outcome = await applyFeed(client, resolver, { source: 'hrss', credentialId, records, rs, asOf, receivedAt });
 */
export async function applyFeed(client: Client, resolver: RuleSetResolver, call: FeedCall): Promise<FeedOutcome> {
  const checked = call.records.map((raw, index) => {
    try {
      return { key: raw.key, plan: checkFeedRecord(call.rs, raw, index) };
    } catch (error) {
      if (!(error instanceof JifenError)) throw error;
      return { key: raw.key, error };
    }
  });
  const callId = `feed-${randomUUID()}`;
  return inTransaction(client, async (tx) => {
    const repo = createLibsqlResidentRepository(tx);
    const done = await appliedKeys(tx, call.source, checked.map((c) => c.key));
    const known = await residentsByPermit(tx, checked.flatMap((c) => (c.plan ? [c.plan.permitNumber] : [])));
    const onRecord = await repo.currentValues([...known.values()].map((r) => r.id));
    const writes = new FeedWrites(call, callId);
    const results: FeedRecordResult[] = [];
    for (const item of checked) {
      const previous = done.get(item.key);
      if (previous) {
        results.push({ key: item.key, status: 'replayed', residentId: previous });
        continue;
      }
      if (!item.plan) {
        results.push({ key: item.key, status: 'failed', error: errorOf(item.error) });
        continue;
      }
      const plan = item.plan;
      let resident = known.get(plan.permitNumber);
      const facts = resident ? (onRecord.get(resident.id) ?? {}) : {};
      const outOfBounds = boundsOf(call, plan, facts);
      if (outOfBounds.length > 0) {
        const error = new JifenError('validation_failed', { en: `Feeds: record ${plan.index} is out of bounds`, zh: `第 ${plan.index} 条记录超出允许范围` }, outOfBounds);
        results.push({ key: item.key, status: 'failed', error: errorOf(error) });
        continue;
      }
      let created = false;
      if (!resident) {
        if (!plan.name) {
          const error = new JifenError('not_found', { en: `Feeds: no resident with the permit number of record ${plan.index}`, zh: `没有持第 ${plan.index} 条记录中居住证号的居民` }, [
            { path: `records.${plan.index}.permitNumber`, message: 'no resident holds this permit number; send name to register them' },
          ]);
          results.push({ key: item.key, status: 'failed', error: errorOf(error) });
          continue;
        }
        resident = writes.register(plan);
        known.set(plan.permitNumber, resident);
        created = true;
      }
      writes.apply(resident, plan);
      // Later records of the same resident in this call are checked against what this one set.
      onRecord.set(resident.id, afterChanges(facts, plan));
      done.set(item.key, resident.id);
      results.push({ key: item.key, status: 'applied', residentId: resident.id, created });
    }
    await writes.flush(tx);
    // A resident registered now may be the person a pending family record waits for.
    if (writes.touched().length > 0) await retryPending(tx, call.asOf, call.receivedAt);
    const rescored = await rescoreResidents(repo, resolver, writes.touched(), {
      asOf: call.asOf,
      scoredAt: call.receivedAt,
      ruleSetId: call.rs.id,
      version: call.rs.version,
    });
    const count = (status: FeedRecordResult['status']) => results.filter((r) => r.status === status).length;
    const outcome: FeedOutcome = {
      callId,
      source: call.source,
      ruleSetId: call.rs.id,
      version: call.rs.version,
      received: results.length,
      applied: count('applied'),
      replayed: count('replayed'),
      failed: count('failed'),
      rescored: rescored.length,
      results,
    };
    await tx.execute({
      sql: `INSERT INTO feed_calls (id, source, credential_id, received_at, records, applied, replayed, failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [callId, call.source, call.credentialId, call.receivedAt, outcome.received, outcome.applied, outcome.replayed, outcome.failed],
    });
    await appendAudit(tx, {
      at: call.receivedAt,
      actor: `credential:${call.credentialId}`,
      action: 'feed-applied',
      target: `feed:${call.source}/${callId}`,
      details: {
        ruleSetId: call.rs.id,
        version: call.rs.version,
        received: outcome.received,
        applied: outcome.applied,
        replayed: outcome.replayed,
        failed: outcome.failed,
        rescored: outcome.rescored,
        failedKeys: results.filter((r) => r.status === 'failed').slice(0, 100).map((r) => r.key),
      },
    });
    return outcome;
  });
}

/** Residents on record by permit number (only those asked for). */
async function residentsByPermit(tx: SqlExecutor, permits: readonly string[]): Promise<Map<string, KnownResident>> {
  const out = new Map<string, KnownResident>();
  for (const part of chunks([...new Set(permits)])) {
    const result = await tx.execute({
      sql: `SELECT id, permit_number, residence_registration_date FROM residents WHERE permit_number IN (${placeholders(part.length)})`,
      args: part,
    });
    for (const row of result.rows) {
      const date = row.residence_registration_date;
      out.set(String(row.permit_number), { id: String(row.id), ...(date === null ? {} : { residenceRegistrationDate: String(date) }) });
    }
  }
  return out;
}

/** Keys this source has already applied, with the resident each one concerned. */
async function appliedKeys(tx: SqlExecutor, source: string, keys: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(keys)])) {
    const result = await tx.execute({
      sql: `SELECT record_key, resident_id FROM feed_records WHERE source = ? AND record_key IN (${placeholders(part.length)})`,
      args: [source, ...part],
    });
    for (const row of result.rows) out.set(String(row.record_key), String(row.resident_id));
  }
  return out;
}

function errorOf(error: JifenError): { code: string; message: string; messageZh?: string; fields?: FieldError[] } {
  return errorDetail(error);
}

/** The record's facts (with those on record) and ledger dates out of their bounds on the day of the call. */
function boundsOf(call: FeedCall, plan: FeedRecordPlan, facts: Readonly<Record<string, FactValue>>): FieldError[] {
  const base = `records.${plan.index}`;
  const registration = plan.residenceRegistrationDate ? { date: plan.residenceRegistrationDate, path: `${base}.residenceRegistrationDate` } : undefined;
  const errors = recordBoundViolations(call.rs, facts, plan.changes, call.asOf, `${base}.facts`, registration);
  plan.ledger.forEach((entry, i) => {
    const problem = earnedOnProblem(entry.earnedOn, call.asOf, `${base}.ledger.${i}.earnedOn`);
    if (problem) errors.push(problem);
  });
  return errors;
}

function afterChanges(facts: Readonly<Record<string, FactValue>>, plan: FeedRecordPlan): Record<string, FactValue> {
  const after: Record<string, FactValue> = { ...facts };
  for (const { fact, value } of plan.changes) {
    if (value === null) delete after[fact];
    else after[fact] = value;
  }
  return after;
}
