import type { InValue, Row } from '@libsql/client';
import { z } from 'zod';
import { JifenError } from '../../domain/errors';
import type { ApplicationStatus, EvidenceMeta, SelfApplication } from '../../domain/residents/self-application';
import type { SqlExecutor } from '../../platform/db/database';
import { optionalText } from '../../platform/db/sql';

/** An evidence file with its bytes, as submitted. */
export interface EvidenceFile extends EvidenceMeta {
  content: Uint8Array;
}

const COLUMNS =
  'id, resident_id, rule_set_id, version, indicator, department, facts, note, status, submitted_at, submitted_on, submitted_by, due_on, decided_at, decided_by, reason';

const claimSchema = z.object({
  facts: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.array(z.string())])).optional(),
  ledger: z.object({ points: z.number(), earnedOn: z.string(), ref: z.string().optional() }).optional(),
});

/** Stores a new application with its evidence files (in the caller's write transaction). */
export async function insertApplication(tx: SqlExecutor, app: Omit<SelfApplication, 'evidence'>, files: readonly EvidenceFile[]): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO self_applications (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
    args: [app.id, app.residentId, app.ruleSetId, app.version, app.indicator, app.department, JSON.stringify(app.claim), app.note, app.status, app.submittedAt, app.submittedOn, app.submittedBy, app.dueOn],
  });
  for (const f of files) {
    await tx.execute({
      sql: 'INSERT INTO evidence_files (id, application_id, name, media_type, size, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?)',
      args: [f.id, app.id, f.name, f.mediaType, f.size, f.sha256, f.content],
    });
  }
}

/** One application with its evidence list, or undefined. */
export async function getApplication(db: SqlExecutor, id: string): Promise<SelfApplication | undefined> {
  const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM self_applications WHERE id = ?`, args: [id] })).rows[0];
  if (!row) return undefined;
  return { ...toApplication(row), evidence: (await evidenceOf(db, [id])).get(id) ?? [] };
}

export interface ApplicationQuery {
  status?: ApplicationStatus;
  /** Only these departments (a reviewer's); all when absent. */
  departments?: readonly string[];
  residentId?: string;
  /** Only pending applications whose last review day is before this date: the overdue list. */
  overdueOn?: string;
  /** Submitted before this application id in the listing order (cursor). */
  after?: string;
  limit: number;
}

/**
 * Applications, oldest deadline first (the review queue's order), at most `limit`.
 *
 * @example
 * await listApplications(client, { status: 'pending', departments: ['区科学技术局'], limit: 50 });
 */
export async function listApplications(db: SqlExecutor, query: ApplicationQuery): Promise<{ applications: SelfApplication[]; nextCursor?: string }> {
  const where: string[] = [];
  const args: InValue[] = [];
  if (query.status) where.push('status = ?'), args.push(query.status);
  if (query.overdueOn) where.push("status = 'pending' AND due_on < ?"), args.push(query.overdueOn);
  if (query.residentId) where.push('resident_id = ?'), args.push(query.residentId);
  if (query.departments) {
    if (query.departments.length === 0) return { applications: [] };
    where.push(`department IN (${query.departments.map(() => '?').join(', ')})`), args.push(...query.departments);
  }
  if (query.after) where.push('(due_on, id) > (SELECT due_on, id FROM self_applications WHERE id = ?)'), args.push(query.after);
  const result = await db.execute({
    sql: `SELECT ${COLUMNS} FROM self_applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due_on, id LIMIT ?`,
    args: [...args, query.limit + 1],
  });
  const rows = result.rows.slice(0, query.limit).map(toApplication);
  const evidence = await evidenceOf(db, rows.map((r) => r.id));
  const applications = rows.map((r) => ({ ...r, evidence: evidence.get(r.id) ?? [] }));
  return result.rows.length > query.limit ? { applications, nextCursor: rows.at(-1)!.id } : { applications };
}

/** Records the decision on a pending application; `conflict` when it was decided already. */
export async function decideApplication(
  tx: SqlExecutor,
  id: string,
  decision: { status: 'approved' | 'rejected'; by: string; at: string; reason?: string },
): Promise<void> {
  const result = await tx.execute({
    sql: `UPDATE self_applications SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'`,
    args: [decision.status, decision.by, decision.at, decision.reason ?? null, id],
  });
  if (result.rowsAffected !== 1) throw new JifenError('conflict', { en: `Applications: ${id} has been decided already`, zh: '这份申报已经处理过' });
}

/** One evidence file's bytes and type, or undefined. */
export async function evidenceContent(db: SqlExecutor, applicationId: string, fileId: string): Promise<EvidenceFile | undefined> {
  const row = (await db.execute({ sql: 'SELECT id, name, media_type, size, sha256, content FROM evidence_files WHERE application_id = ? AND id = ?', args: [applicationId, fileId] })).rows[0];
  if (!row) return undefined;
  const content = row.content;
  return { ...toEvidence(row), content: content instanceof ArrayBuffer ? new Uint8Array(content) : new Uint8Array() };
}

async function evidenceOf(db: SqlExecutor, ids: readonly string[]): Promise<Map<string, EvidenceMeta[]>> {
  const out = new Map<string, EvidenceMeta[]>();
  if (ids.length === 0) return out;
  const result = await db.execute({
    sql: `SELECT id, application_id, name, media_type, size, sha256 FROM evidence_files WHERE application_id IN (${ids.map(() => '?').join(', ')}) ORDER BY rowid`,
    args: [...ids],
  });
  for (const row of result.rows) {
    const list = out.get(String(row.application_id)) ?? [];
    list.push(toEvidence(row));
    out.set(String(row.application_id), list);
  }
  return out;
}

function toEvidence(row: Row): EvidenceMeta {
  const type = String(row.media_type);
  return {
    id: String(row.id),
    name: String(row.name),
    mediaType: type === 'application/pdf' || type === 'image/png' ? type : 'image/jpeg',
    size: Number(row.size),
    sha256: String(row.sha256),
  };
}

function toApplication(row: Row): Omit<SelfApplication, 'evidence'> {
  const status = String(row.status);
  const claim = claimSchema.parse(JSON.parse(String(row.facts)));
  const decidedAt = optionalText(row.decided_at);
  const decidedBy = optionalText(row.decided_by);
  const reason = optionalText(row.reason);
  return {
    id: String(row.id),
    residentId: String(row.resident_id),
    ruleSetId: String(row.rule_set_id),
    version: Number(row.version),
    indicator: String(row.indicator),
    department: String(row.department),
    claim: {
      ...(claim.facts ? { facts: claim.facts } : {}),
      ...(claim.ledger ? { ledger: { points: claim.ledger.points, earnedOn: claim.ledger.earnedOn, ...(claim.ledger.ref ? { ref: claim.ledger.ref } : {}) } } : {}),
    },
    note: String(row.note),
    status: status === 'approved' || status === 'rejected' ? status : 'pending',
    submittedAt: String(row.submitted_at),
    submittedOn: String(row.submitted_on),
    submittedBy: String(row.submitted_by),
    dueOn: String(row.due_on),
    ...(decidedAt ? { decidedAt } : {}),
    ...(decidedBy ? { decidedBy } : {}),
    ...(reason ? { reason } : {}),
  };
}
