import type { SqlExecutor } from '../../platform/db/database';
import { optionalText } from '../../platform/db/sql';

/** A family record kept for review: waiting for a person to be on record, or refused after waiting. */
export interface PendingFamilyRecord {
  id: number;
  source: string;
  key: string;
  status: 'pending' | 'refused';
  missing: 'resident' | 'spouse';
  record: Record<string, unknown>;
  receivedAt: string;
  outcome?: string;
}

/** The review list: pending records first, then refused ones, oldest first. */
export async function listPendingFamilyRecords(db: SqlExecutor): Promise<PendingFamilyRecord[]> {
  const result = await db.execute(
    "SELECT id, source, record_key, status, missing, record, received_at, outcome FROM family_pending WHERE status IN ('pending', 'refused') ORDER BY status, id LIMIT 1000",
  );
  return result.rows.map((row) => {
    const outcome = optionalText(row.outcome);
    return {
      id: Number(row.id),
      source: String(row.source),
      key: String(row.record_key),
      status: row.status === 'refused' ? 'refused' : 'pending',
      missing: row.missing === 'spouse' ? 'spouse' : 'resident',
      record: JSON.parse(String(row.record)) as Record<string, unknown>,
      receivedAt: String(row.received_at),
      ...(outcome ? { outcome } : {}),
    };
  });
}
