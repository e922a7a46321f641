import type { Row } from '@libsql/client';
import { indexOverrides, type CalendarOverride } from '../../domain/calendar/overrides';
import { JifenError } from '../../domain/errors';
import { appendAudit } from '../../platform/db/audit-log';
import type { SqlExecutor } from '../../platform/db/database';

/** An override as stored, with who entered it. */
export interface StoredOverride extends CalendarOverride {
  createdAt: string;
  createdBy: string;
}

/**
 * The admin's override table of the working-day calendar, by date: pass it to `addWorkingDays` and
 * `isWorkingDay` (domain/calendar).
 *
 * @example
 * const due = addWorkingDays('2027-02-04', 10, await loadCalendarOverrides(client));
 */
export async function loadCalendarOverrides(db: SqlExecutor): Promise<StoredOverride[]> {
  const result = await db.execute('SELECT date, kind, note, created_at, created_by FROM calendar_overrides ORDER BY date');
  return result.rows.map(toOverride);
}

/**
 * Sets (adds or replaces) the override of one date and audits it, in the caller's write transaction.
 *
 * @example
 * await inTransaction(client, (tx) => setCalendarOverride(tx, { date: '2027-02-06', kind: 'workday', note: '春节调休上班' }, 'u1', now));
 */
export async function setCalendarOverride(tx: SqlExecutor, override: CalendarOverride, by: string, at: string): Promise<StoredOverride> {
  indexOverrides([override]);
  const before = (await tx.execute({ sql: 'SELECT date, kind, note, created_at, created_by FROM calendar_overrides WHERE date = ?', args: [override.date] })).rows[0];
  await tx.execute({
    sql: `INSERT INTO calendar_overrides (date, kind, note, created_at, created_by) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note, created_at = excluded.created_at, created_by = excluded.created_by`,
    args: [override.date, override.kind, override.note ?? null, at, by],
  });
  await appendAudit(tx, {
    at,
    actor: by,
    action: 'calendar-override-changed',
    target: `calendar:${override.date}`,
    details: { change: before ? 'replaced' : 'added', kind: override.kind, ...(override.note ? { note: override.note } : {}), ...(before ? { previousKind: String(before.kind) } : {}) },
  });
  return { ...override, createdAt: at, createdBy: by };
}

/** Removes the override of one date and audits it; `not_found` when there is none. */
export async function removeCalendarOverride(tx: SqlExecutor, date: string, by: string, at: string): Promise<void> {
  const result = await tx.execute({ sql: 'DELETE FROM calendar_overrides WHERE date = ? RETURNING kind', args: [date] });
  const removed = result.rows[0];
  if (!removed) throw new JifenError('not_found', { en: `Calendar: no override on ${date}`, zh: `${date} 没有手动调整的记录` }, [{ path: 'date', message: 'has no override' }]);
  await appendAudit(tx, { at, actor: by, action: 'calendar-override-changed', target: `calendar:${date}`, details: { change: 'removed', kind: String(removed.kind) } });
}

function toOverride(row: Row): StoredOverride {
  return {
    date: String(row.date),
    kind: row.kind === 'workday' ? 'workday' : 'holiday',
    ...(row.note === null ? {} : { note: String(row.note) }),
    createdAt: String(row.created_at),
    createdBy: String(row.created_by),
  };
}
