import { randomUUID } from 'node:crypto';
import type { Row } from '@libsql/client';
import type { FamilyChange, FamilyState } from '../../domain/residents/family-links';
import type { PersonKey } from '../../domain/residents/family-record';
import type { Provenance } from '../../domain/residents/types';
import type { SqlExecutor } from '../../platform/db/database';
import { optionalText } from '../../platform/db/sql';
import { provenanceArgs, provenanceOf } from './residents-rows';

/** One entry of a resident's family history. */
export interface FamilyEntry {
  seq: number;
  event: 'marriage' | 'divorce' | 'child';
  on: string;
  spouse?: { id: string; name: string };
  child?: { id: string; name: string; birthDate: string };
  provenance: Provenance;
}

/** A resident's current family as the record holds it, each link with where it came from. */
export interface Family {
  spouse?: { id: string; name: string; since?: string; provenance?: Provenance };
  children: { id: string; name: string; birthDate: string; parentIds: string[]; provenance?: Provenance }[];
}

/** The person a key names, with their current spouse, or undefined when not on record. */
export async function personByKey(db: SqlExecutor, key: PersonKey): Promise<FamilyState | undefined> {
  const [column, value] = 'permitNumber' in key ? ['permit_number', key.permitNumber] : ['id_number', key.idNumber];
  const row = (await db.execute({ sql: `SELECT id, spouse_id FROM residents WHERE ${column} = ?`, args: [value] })).rows[0];
  return row && stateOf(row);
}

/** Records a resident's citizen ID number when the record did not have it yet. */
export async function noteIdNumber(tx: SqlExecutor, residentId: string, idNumber: string): Promise<void> {
  await tx.execute({ sql: 'UPDATE residents SET id_number = ? WHERE id = ? AND id_number IS NULL', args: [idNumber, residentId] });
}

/** A child on record by ID number, with its parents. */
export async function childByIdNumber(db: SqlExecutor, idNumber: string): Promise<{ id: string; parentIds: string[] } | undefined> {
  const result = await db.execute({
    sql: 'SELECT c.id, group_concat(p.resident_id) AS parents FROM children c LEFT JOIN child_parents p ON p.child_id = c.id WHERE c.id_number = ? GROUP BY c.id',
    args: [idNumber],
  });
  const row = result.rows[0];
  return row && { id: String(row.id), parentIds: String(row.parents ?? '').split(',').filter(Boolean).sort() };
}

/**
 * Writes one family change: a history entry on each person it concerns (never an update) and the current
 * state beside it (`residents.spouse_id` both ways, `child_parents`), in the caller's transaction.
 */
export async function recordFamilyChange(tx: SqlExecutor, change: FamilyChange, child: { idNumber: string; name: string; birthDate: string } | undefined, provenance: Provenance): Promise<void> {
  const history = (residentId: string, event: string, spouseId: string | null, childId: string | null, on: string) =>
    tx.execute({
      sql: `INSERT INTO family_history (resident_id, event, spouse_id, child_id, on_date, source_kind, source, recorded_at, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [residentId, event, spouseId, childId, on, ...provenanceArgs(provenance)],
    });
  switch (change.kind) {
    case 'unchanged':
      return;
    case 'marriage':
    case 'divorce': {
      const [a, b] = [change.residentId, change.spouseId];
      const link = change.kind === 'marriage';
      await tx.execute({ sql: 'UPDATE residents SET spouse_id = ?, updated_at = ? WHERE id = ?', args: [link ? b : null, provenance.at, a] });
      await tx.execute({ sql: 'UPDATE residents SET spouse_id = ?, updated_at = ? WHERE id = ?', args: [link ? a : null, provenance.at, b] });
      await history(a, change.kind, b, null, change.on);
      await history(b, change.kind, a, null, change.on);
      return;
    }
    case 'child': {
      let childId = change.childId;
      if (!childId) {
        childId = `child-${randomUUID()}`;
        await tx.execute({ sql: 'INSERT INTO children (id, name, birth_date, id_number) VALUES (?, ?, ?, ?)', args: [childId, child!.name, child!.birthDate, child!.idNumber] });
      }
      await tx.execute({ sql: 'INSERT INTO child_parents (child_id, resident_id) VALUES (?, ?)', args: [childId, change.residentId] });
      await history(change.residentId, 'child', null, childId, change.on);
      return;
    }
  }
}

/**
 * A resident's current family with the provenance of each link — the one reader of families: the record,
 * its history, ranking, recommendations and the widget all read spouse and children from here.
 *
 * @example
 * const { spouse, children } = await familyOf(client, 'res-000001');
 */
export async function familyOf(db: SqlExecutor, residentId: string): Promise<Family> {
  const spouseRow = (
    await db.execute({
      sql: `SELECT s.id, s.name,
              (SELECT h.seq FROM family_history h WHERE h.resident_id = r.id AND h.event = 'marriage' AND h.spouse_id = s.id ORDER BY h.seq DESC LIMIT 1) AS seq
            FROM residents r JOIN residents s ON s.id = r.spouse_id WHERE r.id = ?`,
      args: [residentId],
    })
  ).rows[0];
  const children = await db.execute({
    sql: `SELECT c.id, c.name, c.birth_date, group_concat(all_p.resident_id) AS parents,
            (SELECT h.seq FROM family_history h WHERE h.resident_id = ? AND h.event = 'child' AND h.child_id = c.id ORDER BY h.seq DESC LIMIT 1) AS seq
          FROM child_parents p JOIN children c ON c.id = p.child_id JOIN child_parents all_p ON all_p.child_id = c.id
          WHERE p.resident_id = ? GROUP BY c.id ORDER BY c.birth_date, c.id`,
    args: [residentId, residentId],
  });
  const seqs = [spouseRow?.seq, ...children.rows.map((r) => r.seq)].filter((s) => s !== null && s !== undefined).map(Number);
  const entries = new Map((await historyRows(db, 'seq', seqs)).map((e) => [e.seq, e]));
  const linked = (seq: unknown) => (seq === null || seq === undefined ? undefined : entries.get(Number(seq)));
  const marriage = spouseRow && linked(spouseRow.seq);
  return {
    ...(spouseRow
      ? { spouse: { id: String(spouseRow.id), name: String(spouseRow.name), ...(marriage ? { since: marriage.on, provenance: marriage.provenance } : {}) } }
      : {}),
    children: children.rows.map((r) => {
      const entry = linked(r.seq);
      return {
        id: String(r.id),
        name: String(r.name),
        birthDate: String(r.birth_date),
        parentIds: String(r.parents ?? '').split(',').filter(Boolean).sort(),
        ...(entry ? { provenance: entry.provenance } : {}),
      };
    }),
  };
}

/** A resident's family history, oldest first. */
export async function familyHistory(db: SqlExecutor, residentId: string): Promise<FamilyEntry[]> {
  return historyRows(db, 'resident', [residentId]);
}

async function historyRows(db: SqlExecutor, by: 'seq' | 'resident', keys: readonly (string | number)[]): Promise<FamilyEntry[]> {
  if (keys.length === 0) return [];
  const where = by === 'seq' ? `h.seq IN (${keys.map(() => '?').join(', ')})` : 'h.resident_id = ?';
  const result = await db.execute({
    sql: `SELECT h.seq, h.event, h.on_date, h.source_kind, h.source, h.recorded_at, h.evidence,
            s.id AS spouse_id, s.name AS spouse_name, c.id AS child_id, c.name AS child_name, c.birth_date
          FROM family_history h LEFT JOIN residents s ON s.id = h.spouse_id LEFT JOIN children c ON c.id = h.child_id
          WHERE ${where} ORDER BY h.seq`,
    args: [...keys],
  });
  return result.rows.map((row) => {
    const spouseId = optionalText(row.spouse_id);
    const childId = optionalText(row.child_id);
    return {
      seq: Number(row.seq),
      event: row.event === 'marriage' ? 'marriage' : row.event === 'divorce' ? 'divorce' : 'child',
      on: String(row.on_date),
      ...(spouseId ? { spouse: { id: spouseId, name: String(row.spouse_name) } } : {}),
      ...(childId ? { child: { id: childId, name: String(row.child_name), birthDate: String(row.birth_date) } } : {}),
      provenance: provenanceOf(row),
    };
  });
}

function stateOf(row: Row): FamilyState {
  const spouseId = optionalText(row.spouse_id);
  return { id: String(row.id), ...(spouseId ? { spouseId } : {}) };
}
