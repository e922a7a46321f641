import { describe, expect, it } from 'vitest';
import { JifenError } from '../errors';
import { childChange, spouseChange } from './family-links';
import type { FamilyRecord } from './family-record';

const marriage = (on = '2026-05-20'): Extract<FamilyRecord, { event: 'marriage' }> => ({ key: 'k', permitNumber: 'P1', event: 'marriage', spouse: { permitNumber: 'P2' }, on });
const divorce: Extract<FamilyRecord, { event: 'divorce' }> = { key: 'k', permitNumber: 'P1', event: 'divorce', spouse: { permitNumber: 'P2' }, on: '2026-06-10' };
const child: Extract<FamilyRecord, { event: 'child' }> = { key: 'k', permitNumber: 'P1', event: 'child', child: { idNumber: 'C1', name: '王小宝', birthDate: '2026-03-15' } };

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(JifenError);
    const fields = (error as JifenError).fields ?? [];
    expect(fields.every((f) => f.messageZh)).toBe(true);
    return { code: (error as JifenError).code, fields: fields.map(({ path, message }) => ({ path, message })) };
  }
  throw new Error('not refused');
};

describe('the spouse link rule', () => {
  it('marries two single people, and a repeated marriage changes nothing', () => {
    expect(spouseChange(marriage(), 2, { id: 'a' }, { id: 'b' })).toEqual({ kind: 'marriage', residentId: 'a', spouseId: 'b', on: '2026-05-20' });
    expect(spouseChange(marriage(), 2, { id: 'a', spouseId: 'b' }, { id: 'b', spouseId: 'a' })).toEqual({ kind: 'unchanged', residentId: 'a' });
  });

  it('refuses two current spouses on either side, naming each field', () => {
    expect(refusal(() => spouseChange(marriage(), 2, { id: 'a', spouseId: 'x' }, { id: 'b', spouseId: 'y' }))).toEqual({
      code: 'conflict',
      fields: [
        { path: 'records.2.permitNumber', message: 'is married to x on record; a divorce must be recorded first (two current spouses)' },
        { path: 'records.2.spouse', message: 'is married to y on record; a divorce must be recorded first (two current spouses)' },
      ],
    });
    expect(refusal(() => spouseChange(marriage(), 0, { id: 'a' }, { id: 'a' })).fields).toEqual([{ path: 'records.0.spouse', message: 'names the resident of the record' }]);
  });

  it('divorces only the current spouse', () => {
    expect(spouseChange(divorce, 0, { id: 'a', spouseId: 'b' }, { id: 'b', spouseId: 'a' })).toMatchObject({ kind: 'divorce', spouseId: 'b' });
    expect(refusal(() => spouseChange(divorce, 0, { id: 'a' }, { id: 'b' })).fields).toEqual([{ path: 'records.0.spouse', message: 'the resident has no current spouse on record' }]);
  });
});

describe('the child link rule', () => {
  it('adds a new child or a second parent, ignores a known parent, refuses a third', () => {
    expect(childChange(child, 0, { id: 'a' })).toEqual({ kind: 'child', residentId: 'a', on: '2026-03-15' });
    expect(childChange(child, 0, { id: 'a' }, { id: 'c1', parentIds: ['b'] })).toEqual({ kind: 'child', residentId: 'a', childId: 'c1', on: '2026-03-15' });
    expect(childChange(child, 0, { id: 'a' }, { id: 'c1', parentIds: ['a', 'b'] })).toEqual({ kind: 'unchanged', residentId: 'a' });
    expect(refusal(() => childChange(child, 1, { id: 'a' }, { id: 'c1', parentIds: ['b', 'c'] })).fields).toEqual([
      { path: 'records.1.child.idNumber', message: 'already has two parents on record (b, c)' },
    ]);
  });
});
