import type { Row } from '@libsql/client';
import { z } from 'zod';
import { caseSummarySchema } from '../../domain/drafts/case-summary';
import { DRAFT_STATUSES, type StoredDraft } from '../../domain/drafts/draft';
import { ruleSetSchema } from '../../domain/rule-set/schema';
import type { SqlExecutor } from '../../platform/db/database';

const COLUMNS = `id, rule_set_id, base_version, parent_version, status, author, contributors, document, document_hash, revision, note,
  validation, cases, created_at, updated_at, submitted_at, decided_by, decided_at, decision_reason, published_version, name`;

const statusColumn = z.enum(DRAFT_STATUSES);
const contributorsColumn = z.array(z.string());
const validationColumn = z.object({ ok: z.boolean(), errors: z.array(z.object({ path: z.string(), message: z.string() })) });
const casesColumn = caseSummarySchema;

/**
 * Drafts in libsql. Writes are meant for an open transaction, together with the audit entry.
 *
 * @example
 * const draft = await createDraftStore(client).get('district-sample', 'k3x9m2');
 */
export function createDraftStore(db: SqlExecutor) {
  return {
    async get(ruleSetId: string, id: string): Promise<StoredDraft | undefined> {
      const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM drafts WHERE rule_set_id = ? AND id = ?`, args: [ruleSetId, id] })).rows[0];
      return row && toDraft(row);
    },

    /** The drafts of a rule set, newest first. */
    async list(ruleSetId: string): Promise<StoredDraft[]> {
      const result = await db.execute({
        sql: `SELECT ${COLUMNS} FROM drafts WHERE rule_set_id = ? ORDER BY created_at DESC, rowid DESC`,
        args: [ruleSetId],
      });
      return result.rows.map(toDraft);
    },

    async insert(draft: StoredDraft): Promise<void> {
      await db.execute({ sql: `INSERT INTO drafts (${COLUMNS}) VALUES (${Array(21).fill('?').join(', ')})`, args: toArgs(draft) });
    },

    /**
     * Writes the draft as the next revision of `expectedRevision`. Answers false, writing nothing, when the
     * stored revision is another one (someone wrote in between).
     */
    async update(draft: StoredDraft, expectedRevision: number): Promise<boolean> {
      const [id, ruleSetId, ...rest] = toArgs(draft);
      const columns = COLUMNS.split(',').map((c) => c.trim()).slice(2);
      const result = await db.execute({
        sql: `UPDATE drafts SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND rule_set_id = ? AND revision = ?`,
        args: [...rest, id!, ruleSetId!, expectedRevision],
      });
      return result.rowsAffected === 1;
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;

function toArgs(d: StoredDraft): (string | number | null)[] {
  return [
    d.id,
    d.ruleSetId,
    d.baseVersion,
    d.parentVersion,
    d.status,
    d.author,
    JSON.stringify(d.contributors),
    JSON.stringify(d.document),
    d.documentHash,
    d.revision,
    d.note,
    JSON.stringify(d.validation),
    JSON.stringify(d.cases),
    d.createdAt,
    d.updatedAt,
    d.submittedAt ?? null,
    d.decidedBy ?? null,
    d.decidedAt ?? null,
    d.decisionReason ?? null,
    d.publishedVersion ?? null,
    d.name ?? null,
  ];
}

function toDraft(row: Row): StoredDraft {
  const optional = (column: string) => (row[column] === null || row[column] === undefined ? undefined : String(row[column]));
  const submittedAt = optional('submitted_at');
  const decidedBy = optional('decided_by');
  const decidedAt = optional('decided_at');
  const decisionReason = optional('decision_reason');
  const publishedVersion = optional('published_version');
  const name = optional('name');
  return {
    id: String(row.id),
    ruleSetId: String(row.rule_set_id),
    ...(name !== undefined ? { name } : {}),
    baseVersion: Number(row.base_version),
    parentVersion: Number(row.parent_version),
    status: statusColumn.parse(row.status),
    author: String(row.author),
    contributors: contributorsColumn.parse(JSON.parse(String(row.contributors))),
    // Stored drafts were validated on every save; parsing gives them their type without a cast.
    document: ruleSetSchema.parse(JSON.parse(String(row.document))),
    documentHash: String(row.document_hash),
    revision: Number(row.revision),
    note: String(row.note),
    validation: validationColumn.parse(JSON.parse(String(row.validation))),
    cases: cases(casesColumn.parse(JSON.parse(String(row.cases)))),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    ...(submittedAt ? { submittedAt } : {}),
    ...(decidedBy ? { decidedBy } : {}),
    ...(decidedAt ? { decidedAt } : {}),
    ...(decisionReason !== undefined ? { decisionReason } : {}),
    ...(publishedVersion ? { publishedVersion: Number(publishedVersion) } : {}),
  };
}

// JSON leaves out an `actual` that was undefined (no such group, indicator or scenario).
function cases(stored: z.infer<typeof casesColumn>): StoredDraft['cases'] {
  return {
    ...stored,
    results: stored.results.map((r) => ({ ...r, differences: r.differences.map((d) => ({ ...d, actual: d.actual })) })),
  };
}
