import type { SqlExecutor } from '../../platform/db/database';

/**
 * A resident's consent to show their result for one scenario to one partner (on one of its sites), until
 * `expiresAt` or until the resident revokes it: what a widget token stands for. The token carries only the
 * grant's id, so no resident id travels through partner pages.
 */
export interface WidgetGrant {
  id: string;
  residentId: string;
  ruleSetId: string;
  scenarioId: string;
  /** The partner the resident chose; its key must be the one asking. */
  partnerId: string;
  /** The partner's site the resident chose, when they chose one: the request must come from it. */
  origin?: string;
  /** When the resident consented (as their app reports it). */
  consentAt: string;
  issuedAt: string;
  /** The service credential of the resident's app that asked for it. */
  issuedBy: string;
  expiresAt: string;
  revokedAt?: string;
}

const COLUMNS = 'id, resident_id, rule_set_id, scenario_id, partner_id, origin, consent_at, issued_at, issued_by, expires_at, revoked_at';

function toGrant(row: Record<string, unknown>): WidgetGrant {
  return {
    id: String(row.id),
    residentId: String(row.resident_id),
    ruleSetId: String(row.rule_set_id),
    scenarioId: String(row.scenario_id),
    // Grants from before partners were bound name none: they match no partner.
    partnerId: row.partner_id == null ? '' : String(row.partner_id),
    ...(row.origin == null ? {} : { origin: String(row.origin) }),
    consentAt: String(row.consent_at),
    issuedAt: String(row.issued_at),
    issuedBy: String(row.issued_by),
    expiresAt: String(row.expires_at),
    ...(row.revoked_at == null ? {} : { revokedAt: String(row.revoked_at) }),
  };
}

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
        sql: `INSERT INTO widget_grants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [g.id, g.residentId, g.ruleSetId, g.scenarioId, g.partnerId, g.origin ?? null, g.consentAt, g.issuedAt, g.issuedBy, g.expiresAt, g.revokedAt ?? null],
      });
    },
    async get(id: string): Promise<WidgetGrant | undefined> {
      const row = (await db.execute({ sql: `SELECT ${COLUMNS} FROM widget_grants WHERE id = ?`, args: [id] })).rows[0];
      return row ? toGrant(row) : undefined;
    },
    /** A resident's grants, newest first. */
    async listByResident(residentId: string): Promise<WidgetGrant[]> {
      const rows = (await db.execute({ sql: `SELECT ${COLUMNS} FROM widget_grants WHERE resident_id = ? ORDER BY issued_at DESC, id`, args: [residentId] })).rows;
      return rows.map(toGrant);
    },
    async revoke(id: string, at: string): Promise<void> {
      await db.execute({ sql: 'UPDATE widget_grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', args: [at, id] });
    },
  };
}
