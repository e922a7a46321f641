import { describe, expect, it } from 'vitest';
import { mergeDocuments } from './merge';

const base = {
  title: { zh: '示例', en: 'Sample' },
  indicators: [
    { id: 'employment', tiers: [{ id: 't1', points: 13 }, { id: 't2', points: 5 }] },
    { id: 'housing', points: 8 },
  ],
  scenarios: [{ id: 'school', bar: 120, tieBreakers: ['a', 'b'] }],
};

describe('merging two saves of one draft', () => {
  it('keeps both sides’ edits to different fields (the other person’s tier stays 13 → 12)', () => {
    const theirs = structuredClone(base);
    theirs.indicators[0]!.tiers![0]!.points = 12;
    const mine = structuredClone(base);
    mine.scenarios[0]!.bar = 125;
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.indicators[0]!.tiers![0]!.points).toBe(12);
    expect(merged.scenarios[0]!.bar).toBe(125);
  });

  it('matches list items by id, so an insertion on one side does not misplace the other’s edit', () => {
    const theirs = structuredClone(base);
    theirs.indicators.unshift({ id: 'tax', points: 3 } as (typeof base.indicators)[number]);
    const mine = structuredClone(base);
    mine.indicators[1]!.points = 9;
    mine.indicators.pop();
    mine.indicators.push({ id: 'housing', points: 9 });
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.indicators.map((i) => i.id)).toEqual(['tax', 'employment', 'housing']);
    expect(merged.indicators[2]!.points).toBe(9);
  });

  it('asks only about fields both changed differently, and applies the choice made for each', () => {
    const theirs = structuredClone(base);
    theirs.scenarios[0]!.bar = 121;
    theirs.title.en = 'Their title';
    const mine = structuredClone(base);
    mine.scenarios[0]!.bar = 125;
    mine.title.zh = '我的标题';
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([{ path: ['scenarios', 0, 'bar'], base: 120, mine: 125, theirs: 121 }]);
    expect(merged.title).toEqual({ zh: '我的标题', en: 'Their title' });
    const chosen = mergeDocuments(base, mine, theirs, new Map([['scenarios.0.bar', 'theirs']]));
    expect(chosen.merged.scenarios[0]!.bar).toBe(121);
  });

  it('treats a removal on one side and an edit on the other as a conflict, never a silent loss', () => {
    const theirs = structuredClone(base);
    theirs.indicators[0]!.tiers![1]!.points = 6;
    const mine = structuredClone(base);
    mine.indicators[0]!.tiers!.splice(1, 1);
    const { conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts.map((c) => c.path)).toEqual([['indicators', 0, 'tiers', 1]]);
    expect(conflicts[0]!.mine).toBeUndefined();
  });
});
