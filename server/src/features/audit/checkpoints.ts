import { GENESIS_HASH } from '../../domain/audit/chain';
import { signCheckpoint, verifyCheckpoint, type AuditCheckpoint, type CheckpointVerdict } from '../../domain/audit/checkpoint';
import { latestAuditEntry, readAuditTrail } from '../../platform/db/audit-log';
import type { SqlExecutor } from '../../platform/db/database';

/**
 * A signed checkpoint of the trail's newest entry, now.
 *
 * @example
 * const checkpoint = await takeCheckpoint(client, key, new Date()); // { seq: 812, hash, at, keyId, signature }
 */
export async function takeCheckpoint(db: SqlExecutor, key: string, now: Date): Promise<AuditCheckpoint> {
  const last = await latestAuditEntry(db);
  return signCheckpoint(last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH }, now.toISOString(), key);
}

/**
 * Whether the trail as stored still holds a checkpoint (see domain/audit/checkpoint).
 *
 * @example
 * const verdict = await checkCheckpoint(client, key, saved); // { ok: false, problems: [{ seq: 812, kind: 'deleted', … }] }
 */
export async function checkCheckpoint(db: SqlExecutor, key: string, checkpoint: AuditCheckpoint): Promise<CheckpointVerdict> {
  return verifyCheckpoint(checkpoint, key, await readAuditTrail(db));
}
