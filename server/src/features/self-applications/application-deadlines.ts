import { REVIEW_WORKING_DAYS } from '../../domain/residents/self-application';
import type { DeadlineSource } from '../calendar';

/**
 * The review deadlines of pending self-applications (10 working days after the day of submission), for the
 * calendar to recount when an admin confirms a holiday notice.
 */
export const applicationDeadlines: DeadlineSource = {
  kind: 'self-application',
  async open(db) {
    const result = await db.execute("SELECT id, submitted_on, due_on FROM self_applications WHERE status = 'pending' ORDER BY due_on, id");
    return result.rows.map((r) => ({ id: String(r.id), from: String(r.submitted_on), days: REVIEW_WORKING_DAYS, dueOn: String(r.due_on) }));
  },
  async move(tx, id, dueOn) {
    await tx.execute({ sql: "UPDATE self_applications SET due_on = ? WHERE id = ? AND status = 'pending'", args: [dueOn, id] });
  },
};
