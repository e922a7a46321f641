import { randomUUID } from 'node:crypto';
import type { InValue } from '@libsql/client';
import { toHundredths } from '../../domain/points';
import type { FeedRecordPlan } from '../../domain/residents/feed-record';
import { insertRows, updateIds } from '../../platform/db/bulk-insert';
import type { SqlExecutor } from '../../platform/db/database';

/** What a feed call needs to know of a resident while it plans its writes. */
export type KnownResident = { id: string; residenceRegistrationDate?: string };

/** The writes of a feed call, gathered record by record and written in bulk by `flush`. */
export class FeedWrites {
  private readonly residents: InValue[][] = [];
  private readonly registrations = new Map<string, string>();
  private readonly facts: InValue[][] = [];
  private readonly ledger: InValue[][] = [];
  private readonly records: InValue[][] = [];
  private readonly ledgerTouched = new Set<string>();
  private readonly all = new Set<string>();

  constructor(
    private readonly call: { source: string; receivedAt: string },
    private readonly callId: string,
  ) {}

  register(plan: FeedRecordPlan): KnownResident {
    const id = `res-${randomUUID()}`;
    const at = this.call.receivedAt;
    this.residents.push([id, plan.permitNumber, plan.name ?? '', plan.residenceRegistrationDate ?? null, at, at]);
    return { id, ...(plan.residenceRegistrationDate ? { residenceRegistrationDate: plan.residenceRegistrationDate } : {}) };
  }

  apply(resident: KnownResident, plan: FeedRecordPlan): void {
    const { source, receivedAt: at } = this.call;
    const evidence = plan.evidence ?? plan.key;
    if (plan.residenceRegistrationDate && plan.residenceRegistrationDate !== resident.residenceRegistrationDate) {
      this.registrations.set(resident.id, plan.residenceRegistrationDate);
      resident.residenceRegistrationDate = plan.residenceRegistrationDate;
    }
    for (const change of plan.changes) {
      this.facts.push([resident.id, change.fact, change.value === null ? null : JSON.stringify(change.value), 'feed', source, at, evidence]);
    }
    plan.ledger.forEach((entry, i) => {
      const id = `led-${this.callId.slice(5)}-${plan.index}-${i}`;
      this.ledger.push([id, resident.id, entry.indicator, 'earn', toHundredths(entry.points), entry.earnedOn, entry.ref ?? null, null, 'feed', source, at, evidence]);
      this.ledgerTouched.add(resident.id);
    });
    this.records.push([source, plan.key, resident.id, this.callId, at]);
    this.all.add(resident.id);
  }

  touched(): string[] {
    return [...this.all];
  }

  async flush(tx: SqlExecutor): Promise<void> {
    const at = this.call.receivedAt;
    await insertRows(tx, 'residents', ['id', 'permit_number', 'name', 'residence_registration_date', 'created_at', 'updated_at'], this.residents);
    for (const [id, date] of this.registrations) {
      await tx.execute({ sql: 'UPDATE residents SET residence_registration_date = ? WHERE id = ?', args: [date, id] });
    }
    const before = Number((await tx.execute('SELECT coalesce(max(seq), 0) AS n FROM fact_history')).rows[0]?.n ?? 0);
    await insertRows(tx, 'fact_history', ['resident_id', 'fact', 'value', 'source_kind', 'source', 'recorded_at', 'evidence'], this.facts);
    await tx.execute({
      sql: `INSERT INTO resident_facts (resident_id, fact, seq) SELECT resident_id, fact, max(seq) FROM fact_history WHERE seq > ? GROUP BY resident_id, fact
            ON CONFLICT (resident_id, fact) DO UPDATE SET seq = excluded.seq`,
      args: [before],
    });
    await insertRows(
      tx,
      'ledger_entries',
      ['id', 'resident_id', 'indicator', 'kind', 'points_hundredths', 'earned_on', 'ref', 'benefit', 'source_kind', 'source', 'recorded_at', 'evidence'],
      this.ledger,
    );
    await updateIds(tx, 'UPDATE residents SET ledger_revision = ledger_revision + 1 WHERE id IN', [], [...this.ledgerTouched]);
    await updateIds(tx, 'UPDATE residents SET updated_at = ? WHERE id IN', [at], this.touched());
    await insertRows(tx, 'feed_records', ['source', 'record_key', 'resident_id', 'call_id', 'applied_at'], this.records);
  }
}
