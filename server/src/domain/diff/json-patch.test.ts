import fc from 'fast-check';
import { applyPatch } from 'rfc6902';
import { describe, expect, it } from 'vitest';
import { ruleSetPatch, withReplacedValues } from './json-patch';

const item = (id: string, points: number) => ({ id, points, tiers: [{ id: `${id}-t`, points }] });

describe('ruleSetPatch', () => {
  it('rebuilds any reordering, removal, addition and edit of id-keyed lists', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const list = fc.shuffledSubarray(ids).chain((chosen) => fc.tuple(fc.constant(chosen), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: chosen.length, maxLength: chosen.length })));
    fc.assert(
      fc.property(list, list, ([fromIds, fromPoints], [toIds, toPoints]) => {
        const from = { indicators: fromIds.map((id, i) => item(id, fromPoints[i]!)) };
        const to = { indicators: toIds.map((id, i) => item(id, toPoints[i]!)) };
        const patch = ruleSetPatch(from, to);
        const target = structuredClone(from);
        expect(applyPatch(target, patch).every((r) => r === null)).toBe(true);
        expect(target).toEqual(to);
        // Items kept in place and unchanged cost nothing: at most one operation per item that changed.
        expect(patch.length).toBeLessThanOrEqual(fromIds.length + toIds.length + 2 * toIds.length);
      }),
      { numRuns: 300, seed: 20260301 },
    );
  });

  it('edits a kept item where it ends up, and adds a new one in its place', () => {
    const from = { tiers: [item('a', 1), item('b', 2), item('c', 3)] };
    const to = { tiers: [item('c', 3), item('x', 9), item('a', 1), item('b', 5)] };
    expect(ruleSetPatch(from, to)).toEqual([
      { op: 'move', from: '/tiers/2', path: '/tiers/0' },
      { op: 'add', path: '/tiers/1', value: to.tiers[1] },
      { op: 'replace', path: '/tiers/3/points', value: 5 },
      { op: 'replace', path: '/tiers/3/tiers/0/points', value: 5 },
    ]);
  });
});

describe('withReplacedValues', () => {
  it('keeps each replaced plain value as it was just before its operation, and the patch still applies', () => {
    const from = { items: [{ id: 'a', points: 1 }, { id: 'b', points: 2, tags: ['x'] }], bar: 120 };
    const to = { items: [{ id: 'b', points: 3, tags: ['y'] }], bar: 125 };
    const patch = withReplacedValues(from, ruleSetPatch(from, to));
    // `b` is at index 0 once `a` is removed: its old points are b's, not a's.
    expect(patch).toContainEqual({ op: 'replace', path: '/items/0/points', value: 3, was: 2 });
    expect(patch).toContainEqual({ op: 'replace', path: '/bar', value: 125, was: 120 });
    expect(patch.find((op) => op.op === 'remove')).not.toHaveProperty('was');
    const copy = structuredClone(from);
    expect(applyPatch(copy, patch).every((r) => r === null)).toBe(true);
    expect(copy).toEqual(to);
    expect(from.items).toHaveLength(2);
  });
});
