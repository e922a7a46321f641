import { randomUUID } from 'node:crypto';
import { LibsqlError, type Row } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { ResidentRepository } from '../../domain/residents/repository';
import type { Resident } from '../../domain/residents/types';
import type { SqlExecutor } from '../../platform/db/database';
import { familyOf, recordFamilyChange } from './residents-family';
import { chunks, optionalText, placeholders } from '../../platform/db/sql';

const COLUMNS = 'id, permit_number, name, spouse_id, residence_registration_date, created_at, updated_at';

type Identity = Pick<
  ResidentRepository,
  | 'createResident'
  | 'getResident'
  | 'getResidents'
  | 'findByPermit'
  | 'listResidents'
  | 'countResidents'
  | 'updateResident'
  | 'linkSpouses'
  | 'addChild'
  | 'childrenOf'
>;

/** Residents' identity and family links on libsql (part of `createLibsqlResidentRepository`). */
export function residentIdentity(db: SqlExecutor): Identity {
  const one = async (sql: string, args: string[]) => {
    const row = (await db.execute({ sql, args })).rows[0];
    return row && toResident(row);
  };
  const mustExist = async (id: string, path: string) => {
    const found = await one(`SELECT ${COLUMNS} FROM residents WHERE id = ?`, [id]);
    if (!found) throw new JifenError('not_found', { en: `Residents: no resident "${id}"`, zh: '没有这位居民' }, [{ path, message: 'no such resident' }]);
    return found;
  };

  return {
    async createResident(input, at) {
      const resident: Resident = {
        id: input.id ?? `res-${randomUUID()}`,
        permitNumber: input.permitNumber,
        name: input.name,
        ...(input.residenceRegistrationDate ? { residenceRegistrationDate: input.residenceRegistrationDate } : {}),
        createdAt: at,
        updatedAt: at,
      };
      try {
        await db.execute({
          sql: `INSERT INTO residents (id, permit_number, name, residence_registration_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
          args: [resident.id, resident.permitNumber, resident.name, resident.residenceRegistrationDate ?? null, at, at],
        });
      } catch (error) {
        if (error instanceof LibsqlError && /UNIQUE|PRIMARY ?KEY/i.test(`${error.code} ${error.message}`)) {
          const field = /permit_number/.test(error.message) ? 'permitNumber' : 'id';
          throw new JifenError('conflict', { en: `Residents: a resident with this ${field} is already on record`, zh: '登记信息中已有这个证件号的居民' }, [
            { path: field, message: 'is already on record' },
          ]);
        }
        throw error;
      }
      return resident;
    },

    getResident: (id) => one(`SELECT ${COLUMNS} FROM residents WHERE id = ?`, [id]),

    async getResidents(ids) {
      const out: Resident[] = [];
      for (const part of chunks([...new Set(ids)])) {
        const result = await db.execute({ sql: `SELECT ${COLUMNS} FROM residents WHERE id IN (${placeholders(part.length)})`, args: part });
        out.push(...result.rows.map(toResident));
      }
      return out;
    },

    findByPermit: (permit) => one(`SELECT ${COLUMNS} FROM residents WHERE permit_number = ?`, [permit]),

    async listResidents({ after, limit }) {
      const result = await db.execute({
        sql: `SELECT ${COLUMNS} FROM residents WHERE id > ? ORDER BY id LIMIT ?`,
        args: [after ?? '', Math.max(1, Math.min(limit, 10_000))],
      });
      return result.rows.map(toResident);
    },

    async countResidents() {
      return Number((await db.execute('SELECT count(*) AS n FROM residents')).rows[0]?.n ?? 0);
    },

    async updateResident(id, change, at) {
      const current = await mustExist(id, 'id');
      const name = change.name ?? current.name;
      const date = change.residenceRegistrationDate === undefined ? (current.residenceRegistrationDate ?? null) : change.residenceRegistrationDate;
      await db.execute({
        sql: 'UPDATE residents SET name = ?, residence_registration_date = ?, updated_at = ? WHERE id = ?',
        args: [name, date, at, id],
      });
      return (await mustExist(id, 'id'));
    },

    async linkSpouses(a, b, at) {
      if (a === b) throw new JifenError('validation_failed', { en: 'Residents: a resident cannot be their own spouse', zh: '居民不能是自己的配偶' }, [{ path: 'spouseId', message: 'is the resident themself' }]);
      const first = await mustExist(a, 'id');
      const second = await mustExist(b, 'spouseId');
      if (first.spouseId === b && second.spouseId === a) return;
      // Whoever either was married to before is divorced first, and each step is a history entry.
      const on = at.slice(0, 10);
      const provenance = { kind: 'seed' as const, source: 'record', at };
      for (const person of [first, second]) {
        if (person.spouseId && person.spouseId !== (person.id === a ? b : a)) {
          await recordFamilyChange(db, { kind: 'divorce', residentId: person.id, spouseId: person.spouseId, on }, undefined, provenance);
        }
      }
      await recordFamilyChange(db, { kind: 'marriage', residentId: a, spouseId: b, on }, undefined, provenance);
    },

    async addChild(child) {
      if (child.parentIds.length < 1 || child.parentIds.length > 2) {
        throw new JifenError('validation_failed', { en: 'Residents: a child has one or two parents on record', zh: '子女在登记信息中只能有一位或两位父母' }, [{ path: 'parentIds', message: 'must list one or two residents' }]);
      }
      for (const [i, parent] of child.parentIds.entries()) await mustExist(parent, `parentIds.${i}`);
      const id = child.id ?? `child-${randomUUID()}`;
      await db.execute({ sql: 'INSERT INTO children (id, name, birth_date) VALUES (?, ?, ?)', args: [id, child.name, child.birthDate] });
      for (const parent of new Set(child.parentIds)) {
        const provenance = { kind: 'seed' as const, source: 'record', at: `${child.birthDate}T00:00:00.000Z` };
        await recordFamilyChange(db, { kind: 'child', residentId: parent, childId: id, on: child.birthDate }, undefined, provenance);
      }
      return { id, name: child.name, birthDate: child.birthDate, parentIds: [...new Set(child.parentIds)].sort() };
    },

    async childrenOf(residentId) {
      return (await familyOf(db, residentId)).children.map(({ id, name, birthDate, parentIds }) => ({ id, name, birthDate, parentIds }));
    },
  };
}

function toResident(row: Row): Resident {
  const spouse = optionalText(row.spouse_id);
  const date = optionalText(row.residence_registration_date);
  return {
    id: String(row.id),
    permitNumber: String(row.permit_number),
    name: String(row.name),
    ...(spouse ? { spouseId: spouse } : {}),
    ...(date ? { residenceRegistrationDate: date } : {}),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

