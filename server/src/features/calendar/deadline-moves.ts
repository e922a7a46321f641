import type { CalendarInput } from '../../domain/calendar/calendar';
import { movedDeadlines, type SetDeadline } from '../../domain/calendar/deadline-changes';
import type { Text } from '../../domain/rule-set/schema';
import { appendAudit } from '../../platform/db/audit-log';
import type { SqlExecutor } from '../../platform/db/database';
import { chunks, placeholders } from '../../platform/db/sql';

/** A deadline still running: the `days`-th working day after `from`, stored as `dueOn`. */
export interface OpenDeadline extends SetDeadline {
  id: string;
}

/**
 * Where running deadlines live. Each capability with deadlines (self-applications, objections, public
 * notices) gives one, so that a confirmed notice recounts them all without the calendar knowing their tables.
 */
export interface DeadlineSource {
  /** e.g. `self-application`. */
  kind: string;
  /** The deadlines not yet met (pending applications, open objections, notices still public). */
  open(db: SqlExecutor): Promise<OpenDeadline[]>;
  /** Stores the new date of one deadline, in the caller's transaction. */
  move(tx: SqlExecutor, id: string, dueOn: string): Promise<void>;
}

/** A deadline a calendar change moves (or would move), as a reviewer reads it. */
export interface DeadlineMove {
  kind: string;
  id: string;
  countedFrom: string;
  workingDays: number;
  dueOn: string;
  newDueOn: string;
  reason: Text;
}

/** A recorded move, with the notice that caused it. */
export interface RecordedMove extends DeadlineMove {
  noticeId: string;
  changedAt: string;
  changedBy: string;
}

/**
 * The running deadlines that `after` moves compared with `before`, without changing anything: what the
 * admin sees before confirming a notice.
 */
export async function previewMoves(db: SqlExecutor, sources: readonly DeadlineSource[], before: CalendarInput, after: CalendarInput): Promise<DeadlineMove[]> {
  const moves: DeadlineMove[] = [];
  for (const source of sources) {
    for (const m of movedDeadlines(await source.open(db), after, before)) {
      const { id, from, days, dueOn } = m.deadline;
      moves.push({ kind: source.kind, id, countedFrom: from, workingDays: days, dueOn, newDueOn: m.newDueOn, reason: m.reason });
    }
  }
  return moves;
}

/**
 * Moves every running deadline `after` changes, records each move with its reason (never silently) and
 * audits it, in the caller's transaction.
 */
export async function applyMoves(
  tx: SqlExecutor,
  sources: readonly DeadlineSource[],
  before: CalendarInput,
  after: CalendarInput,
  cause: { noticeId: string; by: string; at: string },
): Promise<RecordedMove[]> {
  const moves = await previewMoves(tx, sources, before, after);
  const byKind = new Map(sources.map((s) => [s.kind, s]));
  for (const m of moves) {
    await byKind.get(m.kind)!.move(tx, m.id, m.newDueOn);
    await tx.execute({
      sql: `INSERT INTO deadline_changes (subject_kind, subject_id, counted_from, working_days, old_due_on, new_due_on, reason_zh, reason_en, notice_id, changed_at, changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [m.kind, m.id, m.countedFrom, m.workingDays, m.dueOn, m.newDueOn, m.reason.zh, m.reason.en, cause.noticeId, cause.at, cause.by],
    });
    await appendAudit(tx, {
      at: cause.at,
      actor: cause.by,
      action: 'deadline-moved',
      target: `${m.kind}:${m.id}`,
      details: { from: m.dueOn, to: m.newDueOn, notice: cause.noticeId },
    });
  }
  return moves.map((m) => ({ ...m, noticeId: cause.noticeId, changedAt: cause.at, changedBy: cause.by }));
}

/**
 * The recorded moves of the given deadlines, oldest first, by id: what the reviewer's queue shows next to
 * each deadline.
 */
export async function movesOf(db: SqlExecutor, kind: string, ids: readonly string[]): Promise<Map<string, RecordedMove[]>> {
  const out = new Map<string, RecordedMove[]>();
  for (const part of chunks(ids)) {
    if (part.length === 0) continue;
    const result = await db.execute({
      sql: `SELECT subject_id, counted_from, working_days, old_due_on, new_due_on, reason_zh, reason_en, notice_id, changed_at, changed_by
            FROM deadline_changes WHERE subject_kind = ? AND subject_id IN (${placeholders(part.length)}) ORDER BY seq`,
      args: [kind, ...part],
    });
    for (const row of result.rows) {
      const id = String(row.subject_id);
      const list = out.get(id) ?? [];
      list.push({
        kind,
        id,
        countedFrom: String(row.counted_from),
        workingDays: Number(row.working_days),
        dueOn: String(row.old_due_on),
        newDueOn: String(row.new_due_on),
        reason: { zh: String(row.reason_zh), en: String(row.reason_en) },
        noticeId: String(row.notice_id),
        changedAt: String(row.changed_at),
        changedBy: String(row.changed_by),
      });
      out.set(id, list);
    }
  }
  return out;
}
