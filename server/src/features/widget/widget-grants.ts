import type { SqlExecutor } from '../../platform/db/database';

/**
 * A resident's consent to show their result for one scenario through the widget, until `expiresAt`:
 * what a widget token stands for. The token carries only the grant's id, so no resident id travels
 * through partner pages.
 */
export interface WidgetGrant {
  id: string;
  residentId: string;
  ruleSetId: string;
  scenarioId: string;
  /** When the resident consented (as their app reports it). */
  consentAt: string;
  issuedAt: string;
  /** The service credential of the resident's app that asked for it. */
  issuedBy: string;
  expiresAt: string;
}

const COLUMNS = 'id, resident_id, rule_set_id, scenario_id, consent_at, issued_at, issued_by, expires_at';

/**
 * Widget grants on libsql.
 *
 * @example
 * const grants = widgetGrants(client); await grants.get('wgt-…');
 */
export function widgetGrants(db: SqlExecutor) {
  return {
    async insert(g: WidgetGrant): Promise<void> {
      await db.execute({
        sql: `INSERT INTO widget_grants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [g.id, g.residentId, g.ruleSetId, g.scenarioId, g.consentAt, g.issuedAt, g.issuedBy, g.expiresAt],
      });
    },
    async get(id: string): Promise<WidgetGrant | undefined> {
      const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM widget_grants WHERE id = ?`, args: [id] })).rows[0];
      if (!row) return undefined;
      return {
        id: String(row.id),
        residentId: String(row.resident_id),
        ruleSetId: String(row.rule_set_id),
        scenarioId: String(row.scenario_id),
        consentAt: String(row.consent_at),
        issuedAt: String(row.issued_at),
        issuedBy: String(row.issued_by),
        expiresAt: String(row.expires_at),
      };
    },
  };
}
