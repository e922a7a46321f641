import { fieldPath, JifenError } from '../errors';
import type { FamilyRecord } from './family-record';

/** A person's current family links, as the record holds them. */
export interface FamilyState {
  id: string;
  spouseId?: string;
}

/** What a family record changes: a new history entry, or nothing (the record says what is already known). */
export type FamilyChange =
  | { kind: 'marriage' | 'divorce'; residentId: string; spouseId: string; on: string }
  | { kind: 'child'; residentId: string; childId?: string; on: string }
  | { kind: 'unchanged'; residentId: string };

/**
 * The one rule for a spouse link (婚姻登记): a person has at most one current spouse, links are mutual, and a
 * divorce ends the current marriage only. A record that would give anyone two current spouses, marry a person
 * to themself, or divorce a couple not married on record is refused (`conflict`), naming the field.
 *
 * @example
 * spouseChange(record, 0, { id: 'res-1' }, { id: 'res-2' }); // { kind: 'marriage', residentId: 'res-1', spouseId: 'res-2', on }
 */
export function spouseChange(record: Extract<FamilyRecord, { event: 'marriage' | 'divorce' }>, index: number, resident: FamilyState, spouse: FamilyState): FamilyChange {
  const at = (...path: string[]) => fieldPath(['records', index, ...path]);
  if (resident.id === spouse.id) {
    throw new JifenError('conflict', { en: `Family: record ${index} links a resident to themself`, zh: `第 ${index} 条记录把居民与本人关联` }, [{ path: at('spouse'), message: 'names the resident of the record', messageZh: '配偶与本人是同一人' }]);
  }
  if (record.event === 'marriage') {
    if (resident.spouseId === spouse.id && spouse.spouseId === resident.id) return { kind: 'unchanged', residentId: resident.id };
    const fields = [
      ...(resident.spouseId && resident.spouseId !== spouse.id
        ? [{ path: at('permitNumber'), message: `is married to ${resident.spouseId} on record; a divorce must be recorded first (two current spouses)`, messageZh: `本人在案配偶为 ${resident.spouseId}，须先登记离婚（不能同时有两名配偶）` }]
        : []),
      ...(spouse.spouseId && spouse.spouseId !== resident.id
        ? [{ path: at('spouse'), message: `is married to ${spouse.spouseId} on record; a divorce must be recorded first (two current spouses)`, messageZh: `对方在案配偶为 ${spouse.spouseId}，须先登记离婚（不能同时有两名配偶）` }]
        : []),
    ];
    if (fields.length > 0) throw new JifenError('conflict', { en: `Family: record ${index} would give a person two current spouses`, zh: `第 ${index} 条记录会使一个人同时有两位配偶` }, fields);
    return { kind: 'marriage', residentId: resident.id, spouseId: spouse.id, on: record.on };
  }
  if (resident.spouseId !== spouse.id) {
    throw new JifenError('conflict', { en: `Family: record ${index} divorces a couple not married on record`, zh: `第 ${index} 条记录登记的离婚双方在登记信息中并无婚姻关系` }, [
      resident.spouseId
        ? { path: at('spouse'), message: `is not the current spouse on record (${resident.spouseId} is)`, messageZh: `不是在案的现任配偶（现任为 ${resident.spouseId}）` }
        : { path: at('spouse'), message: 'the resident has no current spouse on record', messageZh: '本人没有在案配偶' },
    ]);
  }
  return { kind: 'divorce', residentId: resident.id, spouseId: spouse.id, on: record.on };
}

/**
 * The one rule for a child link: a child (by ID number) has one or two parents on record; a record naming a
 * parent already linked changes nothing, and a third parent is refused.
 */
export function childChange(record: Extract<FamilyRecord, { event: 'child' }>, index: number, resident: FamilyState, existing?: { id: string; parentIds: readonly string[] }): FamilyChange {
  if (!existing) return { kind: 'child', residentId: resident.id, on: record.child.birthDate };
  if (existing.parentIds.includes(resident.id)) return { kind: 'unchanged', residentId: resident.id };
  if (existing.parentIds.length >= 2) {
    throw new JifenError('conflict', { en: `Family: record ${index} names a child who has two parents on record`, zh: `第 ${index} 条记录中的子女在登记信息中已有两位父母` }, [
      { path: fieldPath(['records', index, 'child', 'idNumber']), message: `already has two parents on record (${existing.parentIds.join(', ')})`, messageZh: `该子女在案已有两名父母（${existing.parentIds.join('、')}）` },
    ]);
  }
  return { kind: 'child', residentId: resident.id, childId: existing.id, on: record.child.birthDate };
}
