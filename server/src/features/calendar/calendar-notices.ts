import { randomUUID } from 'node:crypto';
import type { Row } from '@libsql/client';
import type { WorkingCalendar } from '../../domain/calendar/calendar';
import { checkNotice, type HolidayNotice, type NoticeHoliday, type NoticeWorkday } from '../../domain/calendar/notice';
import { JifenError } from '../../domain/errors';
import { appendAudit } from '../../platform/db/audit-log';
import type { SqlExecutor } from '../../platform/db/database';
import { optionalText } from '../../platform/db/sql';
import { loadCalendarOverrides, type StoredOverride } from './calendar-overrides';

export type NoticeStatus = 'entered' | 'confirmed' | 'superseded' | 'withdrawn';

/** A notice as stored: entered by one admin, in force once confirmed. */
export interface StoredNotice extends HolidayNotice {
  holidays: NoticeHoliday[];
  workdays: NoticeWorkday[];
  id: string;
  source: 'text' | 'ics';
  status: NoticeStatus;
  enteredAt: string;
  enteredBy: string;
  confirmedAt?: string;
  confirmedBy?: string;
}

const COLUMNS = 'id, year, title, holidays, workdays, source, status, entered_at, entered_by, confirmed_at, confirmed_by';

/**
 * The calendar every deadline is counted by: the override table and the confirmed notices.
 *
 * @example
 * const due = addWorkingDays('2026-12-24', 10, await loadCalendar(client));
 */
export async function loadCalendar(db: SqlExecutor): Promise<WorkingCalendar & { overrides: StoredOverride[]; notices: StoredNotice[] }> {
  const [overrides, notices] = await Promise.all([loadCalendarOverrides(db), listNotices(db, 'confirmed')]);
  return { overrides, notices };
}

/** Notices, newest first; only those of `status` when given. */
export async function listNotices(db: SqlExecutor, status?: NoticeStatus): Promise<StoredNotice[]> {
  const result = status
    ? await db.execute({ sql: `SELECT ${COLUMNS} FROM calendar_notices WHERE status = ? ORDER BY year, entered_at`, args: [status] })
    : await db.execute(`SELECT ${COLUMNS} FROM calendar_notices ORDER BY year DESC, entered_at DESC`);
  return result.rows.map(toNotice);
}

export async function getNotice(db: SqlExecutor, id: string): Promise<StoredNotice> {
  const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM calendar_notices WHERE id = ?`, args: [id] })).rows[0];
  if (!row) throw new JifenError('not_found', { en: `Calendar: no notice "${id}"`, zh: '没有这份节假日通知' }, [{ path: 'id', message: 'no such notice' }]);
  return toNotice(row);
}

/**
 * Stores a checked notice as entered (not yet in force) and audits it; an earlier notice of the same year
 * that was entered but never confirmed is withdrawn.
 */
export async function enterNotice(tx: SqlExecutor, notice: HolidayNotice, source: 'text' | 'ics', by: string, at: string): Promise<StoredNotice> {
  checkNotice(notice);
  const id = `notice-${notice.year}-${randomUUID().slice(0, 8)}`;
  await tx.execute({ sql: "UPDATE calendar_notices SET status = 'withdrawn' WHERE year = ? AND status = 'entered'", args: [notice.year] });
  await tx.execute({
    sql: `INSERT INTO calendar_notices (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 'entered', ?, ?, NULL, NULL)`,
    args: [id, notice.year, notice.title, JSON.stringify(notice.holidays), JSON.stringify(notice.workdays), source, at, by],
  });
  await appendAudit(tx, {
    at,
    actor: by,
    action: 'calendar-notice-entered',
    target: `calendar-notice:${id}`,
    details: { year: notice.year, title: notice.title, source, holidays: notice.holidays.length, workdays: notice.workdays.length },
  });
  return { ...notice, holidays: [...notice.holidays], workdays: [...notice.workdays], id, source, status: 'entered', enteredAt: at, enteredBy: by };
}

/**
 * Puts an entered notice in force for its year (the year's earlier confirmed notice is superseded) and
 * audits it. The caller recounts the deadlines it moves in the same transaction.
 */
export async function confirmNotice(tx: SqlExecutor, id: string, by: string, at: string): Promise<StoredNotice> {
  const notice = await getNotice(tx, id);
  if (notice.status !== 'entered') {
    throw new JifenError('conflict', { en: `Calendar: notice "${id}" is ${notice.status}, not waiting for confirmation`, zh: '这份通知不在待确认状态' }, [{ path: 'id', message: `is ${notice.status}` }]);
  }
  await tx.execute({ sql: "UPDATE calendar_notices SET status = 'superseded' WHERE year = ? AND status = 'confirmed'", args: [notice.year] });
  await tx.execute({ sql: "UPDATE calendar_notices SET status = 'confirmed', confirmed_at = ?, confirmed_by = ? WHERE id = ?", args: [at, by, id] });
  await appendAudit(tx, { at, actor: by, action: 'calendar-notice-confirmed', target: `calendar-notice:${id}`, details: { year: notice.year, title: notice.title } });
  return { ...notice, status: 'confirmed', confirmedAt: at, confirmedBy: by };
}

function toNotice(row: Row): StoredNotice {
  const confirmedAt = optionalText(row.confirmed_at);
  const confirmedBy = optionalText(row.confirmed_by);
  return {
    id: String(row.id),
    year: Number(row.year),
    title: String(row.title),
    holidays: JSON.parse(String(row.holidays)) as NoticeHoliday[],
    workdays: JSON.parse(String(row.workdays)) as NoticeWorkday[],
    source: row.source === 'ics' ? 'ics' : 'text',
    status: String(row.status) as NoticeStatus,
    enteredAt: String(row.entered_at),
    enteredBy: String(row.entered_by),
    ...(confirmedAt ? { confirmedAt } : {}),
    ...(confirmedBy ? { confirmedBy } : {}),
  };
}
