import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits, getAt } from './edit';

const doc = {
  indicators: [
    { id: 'a', points: 1, tiers: [{ id: 't1' }, { id: 't2' }, { id: 't3' }] },
    { id: 'b', points: 2 },
  ],
  title: { zh: '甲', en: 'A' },
};

describe('applyEdit', () => {
  it('sets a value deep inside and leaves the input untouched', () => {
    const next = applyEdit(doc, { op: 'set', path: ['indicators', 1, 'points'], value: 5 });
    expect(getAt(next, ['indicators', 1, 'points'])).toBe(5);
    expect(doc.indicators[1]!.points).toBe(2);
  });

  it('shares the parts that did not change, so their elements do not re-render', () => {
    const next = applyEdit(doc, { op: 'set', path: ['indicators', 1, 'points'], value: 5 });
    expect(next.indicators[0]).toBe(doc.indicators[0]);
    expect(next.title).toBe(doc.title);
    expect(next.indicators[1]).not.toBe(doc.indicators[1]);
  });

  it('removes an optional key when set to undefined', () => {
    const next = applyEdit(doc, { op: 'set', path: ['title', 'en'], value: undefined });
    expect(next.title).toEqual({ zh: '甲' });
  });

  it('inserts, removes and moves list items', () => {
    const tiers = ['indicators', 0, 'tiers'];
    const inserted = applyEdit(doc, { op: 'insert', path: [...tiers, 1], value: { id: 'new' } });
    expect((getAt(inserted, tiers) as { id: string }[]).map((t) => t.id)).toEqual(['t1', 'new', 't2', 't3']);
    const removed = applyEdit(doc, { op: 'remove', path: [...tiers, 0] });
    expect((getAt(removed, tiers) as { id: string }[]).map((t) => t.id)).toEqual(['t2', 't3']);
    const moved = applyEdit(doc, { op: 'move', path: [...tiers, 2], to: 0 });
    expect((getAt(moved, tiers) as { id: string }[]).map((t) => t.id)).toEqual(['t3', 't1', 't2']);
  });

  it('starts a list that the document does not have yet', () => {
    const next = applyEdit({ id: 'x' } as Record<string, unknown>, { op: 'insert', path: ['scenarios', 0], value: { id: 's' } });
    expect(next.scenarios).toEqual([{ id: 's' }]);
  });

  it('replaces the whole document with an empty path', () => {
    expect(applyEdit(doc, { op: 'set', path: [], value: { id: 'other' } })).toEqual({ id: 'other' });
  });

  it('applies edits in order', () => {
    const next = applyEdits(doc, [
      { op: 'insert', path: ['indicators', 2], value: { id: 'c', points: 3 } },
      { op: 'move', path: ['indicators', 2], to: 0 },
    ]);
    expect(next.indicators.map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});
