import { PUBLICATION_WORKING_DAYS } from '../../domain/rounds/lifecycle';
import { OBJECTION_WORKING_DAYS } from '../../domain/rounds/objections';
import type { DeadlineSource } from '../calendar';

/** Open objections must be answered within 10 working days of filing (异议处理). */
export const objectionDeadlines: DeadlineSource = {
  kind: 'objection',
  async open(db) {
    const result = await db.execute("SELECT id, filed_on, answer_by FROM round_objections WHERE status = 'open' ORDER BY answer_by, id");
    return result.rows.map((r) => ({ id: String(r.id), from: String(r.filed_on), days: OBJECTION_WORKING_DAYS, dueOn: String(r.answer_by) }));
  },
  async move(tx, id, dueOn) {
    await tx.execute({ sql: "UPDATE round_objections SET answer_by = ? WHERE id = ? AND status = 'open'", args: [dueOn, Number(id)] });
  },
};

/** A published ranked list stays public for 5 working days (公示). */
export const publicationDeadlines: DeadlineSource = {
  kind: 'publication',
  async open(db) {
    const result = await db.execute("SELECT id, published_on, publication_ends_on FROM rounds WHERE status = 'published' ORDER BY id");
    return result.rows.map((r) => ({ id: String(r.id), from: String(r.published_on), days: PUBLICATION_WORKING_DAYS, dueOn: String(r.publication_ends_on) }));
  },
  async move(tx, id, dueOn) {
    await tx.execute({ sql: "UPDATE rounds SET publication_ends_on = ? WHERE id = ? AND status = 'published'", args: [dueOn, Number(id)] });
  },
};
