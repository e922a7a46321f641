import type { SqlExecutor } from '../../platform/db/database';

/**
 * Residents to show in the demo page's resident mode: those whose stored score for the scenario falls a
 * little short of the bar (so that the ways to close the gap show), first `limit` by id; else the first
 * resident on record; none when there are no residents.
 *
 * @example
 * await demoResidents(client, 'district-sample', 'school-enrollment'); // ['res-000123', …]
 */
export async function demoResidents(db: SqlExecutor, ruleSetId: string, scenarioId: string, limit = 50): Promise<string[]> {
  const path = `$.scenarios."${scenarioId.replaceAll('"', '')}"`;
  const near = await db.execute({
    sql: `SELECT resident_id FROM resident_scores
          WHERE rule_set_id = ? AND json_extract(summary, ? || '.eligible') = 0
            AND json_extract(summary, ? || '.shortBy') BETWEEN 1 AND 30
          ORDER BY resident_id LIMIT ?`,
    args: [ruleSetId, path, path, limit],
  });
  if (near.rows.length > 0) return near.rows.map((r) => String(r.resident_id));
  const any = await db.execute('SELECT id FROM residents ORDER BY id LIMIT 1');
  return any.rows.map((r) => String(r.id));
}
