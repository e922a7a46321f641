import type { Row } from '@libsql/client';
import { z } from 'zod';
import type { Partner, PartnerKey, PartnerRepository } from '../../domain/eligibility/partners';
import type { SqlExecutor } from '../../platform/db/database';
import { optionalText } from '../../platform/db/sql';

const originsSchema = z.array(z.string());
const scenariosSchema = z.array(z.object({ ruleSetId: z.string(), scenarioId: z.string() }));

const PARTNER = 'id, name, origins, scenarios, created_at, created_by, updated_at';
const KEY = 'id, partner_id, created_at, created_by, revoked_at, revoked_by';

/**
 * Partners and their API keys on libsql. Give it the client, or an open transaction so that a key's
 * issue or revocation and its audit entry commit together.
 *
 * @example
 * const partners = createLibsqlPartnerRepository(client);
 * await partners.isRegisteredOrigin('https://school.example');
 */
export function createLibsqlPartnerRepository(db: SqlExecutor): PartnerRepository {
  return {
    async insertPartner(p) {
      await db.execute({
        sql: `INSERT INTO partners (${PARTNER}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        args: [p.id, p.name, JSON.stringify(p.origins), JSON.stringify(p.scenarios), p.createdAt, p.createdBy, p.updatedAt],
      });
    },

    async updatePartner(p) {
      await db.execute({
        sql: 'UPDATE partners SET name = ?, origins = ?, scenarios = ?, updated_at = ? WHERE id = ?',
        args: [p.name, JSON.stringify(p.origins), JSON.stringify(p.scenarios), p.updatedAt, p.id],
      });
    },

    async getPartner(id) {
      const row = (await db.execute({ sql: `SELECT ${PARTNER} FROM partners WHERE id = ?`, args: [id] })).rows[0];
      return row && toPartner(row);
    },

    async listPartners() {
      return (await db.execute(`SELECT ${PARTNER} FROM partners ORDER BY name, id`)).rows.map(toPartner);
    },

    async isRegisteredOrigin(origin) {
      const found = await db.execute({
        sql: 'SELECT 1 FROM partners, json_each(partners.origins) AS o WHERE o.value = ? LIMIT 1',
        args: [origin],
      });
      return found.rows.length > 0;
    },

    async insertKey(key, secretHash) {
      await db.execute({
        sql: `INSERT INTO partner_keys (id, partner_id, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)`,
        args: [key.id, key.partnerId, secretHash, key.createdAt, key.createdBy],
      });
    },

    async getKey(id) {
      const row = (await db.execute({ sql: `SELECT ${KEY}, secret_hash FROM partner_keys WHERE id = ?`, args: [id] })).rows[0];
      return row && { key: toKey(row), secretHash: String(row.secret_hash) };
    },

    async listKeys(partnerId) {
      const rows = await db.execute({ sql: `SELECT ${KEY} FROM partner_keys WHERE partner_id = ? ORDER BY created_at, id`, args: [partnerId] });
      return rows.rows.map(toKey);
    },

    async revokeKey(id, at, by) {
      const result = await db.execute({
        sql: 'UPDATE partner_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
        args: [at, by, id],
      });
      return result.rowsAffected > 0;
    },
  };
}

function toPartner(row: Row): Partner {
  return {
    id: String(row.id),
    name: String(row.name),
    origins: originsSchema.parse(JSON.parse(String(row.origins))),
    scenarios: scenariosSchema.parse(JSON.parse(String(row.scenarios))),
    createdAt: String(row.created_at),
    createdBy: String(row.created_by),
    updatedAt: String(row.updated_at),
  };
}

function toKey(row: Row): PartnerKey {
  const revokedAt = optionalText(row.revoked_at);
  const revokedBy = optionalText(row.revoked_by);
  return {
    id: String(row.id),
    partnerId: String(row.partner_id),
    createdAt: String(row.created_at),
    createdBy: String(row.created_by),
    ...(revokedAt ? { revokedAt } : {}),
    ...(revokedBy ? { revokedBy } : {}),
  };
}
