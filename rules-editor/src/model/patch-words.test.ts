import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { showValue } from './describe';
import { changeOfOperation, placeOfOperation, savesAfter, type PatchOperation, type RecordedSave } from './patch-words';

const t = (zhTitle: string, enTitle: string) => ({ zh: zhTitle, en: enTitle });

/** A draft's document as it is after the save being read. */
const doc = {
  groups: [{ id: 'district', title: t('区个性指标', 'District indicators'), cap: 200 }],
  indicators: [
    { id: 'housing', kind: 'tiers', title: t('居住情况', 'Housing'), tiers: [
      { id: 'owned', title: t('自有住房', 'Owns a home'), points: 20, conditions: { all: [{ fact: 'ownsHome', operator: 'equal', value: true }] } },
      { id: 'rented', title: t('租赁住房', 'Rents a home'), points: 10 },
    ] },
    { id: 'volunteerService', kind: 'rate', title: t('志愿服务', 'Volunteer service'), fact: 'volunteerHours', per: 10, points: 1, cap: 20 },
    { id: 'age', kind: 'bands', title: t('年龄', 'Age'), fact: 'age', bands: [{ min: 18, max: 35, points: 10 }, { min: 35, max: 45, points: 5 }] },
  ],
  scenarios: [{ id: 'school-enrollment', title: t('随迁子女教育', 'Schooling for accompanying children'), bar: 120, places: 300 }],
};

const zhNaming = { lang: 'zh' as const, fields: zh.fieldNames, item: zh.itemN };
const enNaming = { lang: 'en' as const, fields: en.fieldNames, item: en.itemN };
const place = (op: PatchOperation, later: PatchOperation[][] = []) => placeOfOperation(doc, op, later, zhNaming);
const set = (path: string, value: unknown): PatchOperation => ({ op: 'replace', path, value });

describe('a save’s pointers in staff’s words', () => {
  it('names tiers, bands and rate fields by the titles of the document of that save', () => {
    expect(place(set('/indicators/0/tiers/1/points', 12))).toBe('指标「居住情况」 › 档次「租赁住房」 › 分值');
    expect(placeOfOperation(doc, set('/indicators/0/tiers/1/points', 12), [], enNaming)).toBe('Indicator “Housing” › Tier “Rents a home” › points');
    expect(place(set('/indicators/2/bands/1/points', 6))).toBe('指标「年龄」 › 分段「第 2 项」 › 分值');
    expect(place(set('/indicators/1/per', 8))).toBe('指标「志愿服务」 › 每单位数量');
    expect(place(set('/indicators/1/cap', 30))).toBe('指标「志愿服务」 › 上限');
  });

  it('names a condition’s parts, a scenario’s bar and places, and a group’s cap', () => {
    expect(place(set('/indicators/0/tiers/0/conditions/all/0/value', false))).toBe('指标「居住情况」 › 档次「自有住房」 › 条件 › 全部满足「第 1 项」 › 值');
    expect(place(set('/scenarios/0/bar', 125))).toBe('场景「随迁子女教育」 › 分数线');
    expect(place(set('/scenarios/0/places', 320))).toBe('场景「随迁子女教育」 › 名额');
    expect(place(set('/groups/0/cap', 210))).toBe('分组「区个性指标」 › 上限');
  });

  it('names an added item by its title and a removed one by its place, since its title left with it', () => {
    const added: PatchOperation = { op: 'add', path: '/indicators/0/tiers/1', value: doc.indicators[0]!.tiers![1] };
    expect(place(added)).toBe('指标「居住情况」 › 档次「租赁住房」');
    expect(changeOfOperation(added, { added: zh.patchAdded, removed: zh.patchRemoved, show: showValue })).toBe('已添加');
    const removed: PatchOperation = { op: 'remove', path: '/indicators/0/tiers/2' };
    expect(place(removed)).toBe('指标「居住情况」 › 档次「第 3 项」');
    // The tier now at the removed one's place is not the one removed: never its title.
    expect(place({ op: 'remove', path: '/indicators/0/tiers/1' })).toBe('指标「居住情况」 › 档次「第 2 项」');
    expect(changeOfOperation(removed, { added: zh.patchAdded, removed: zh.patchRemoved, show: showValue })).toBe('已删除');
  });

  it('keeps the raw pointer where an index no longer exists or a move is recorded', () => {
    expect(place(set('/indicators/7/points', 3))).toBeUndefined();
    expect(place(set('/indicators/0/tiers/5/points', 3))).toBeUndefined();
    expect(place({ op: 'remove', path: '/indicators/9/tiers/0' })).toBeUndefined();
    expect(place({ op: 'move', from: '/indicators/0', path: '/indicators/2' })).toBeUndefined();
    expect(placeOfOperation(undefined, set('/scenarios/0/bar', 125), [], zhNaming)).toBeUndefined();
  });

  it('keeps the raw pointer when a later save could have moved or renamed what it points at', () => {
    const points = set('/indicators/1/points', 2);
    expect(place(points, [[set('/indicators/0/tiers/0/points', 25)]])).toBe('指标「志愿服务」 › 分值');
    expect(place(points, [[{ op: 'remove', path: '/indicators/0' }]])).toBeUndefined();
    expect(place(points, [[{ op: 'add', path: '/indicators/0', value: {} }]])).toBeUndefined();
    expect(place(points, [[{ op: 'move', from: '/indicators/2', path: '/indicators/0' }]])).toBeUndefined();
    expect(place(points, [[set('/indicators/1/title/zh', '志愿服务时长')]])).toBeUndefined();
    expect(place(points, [[set('/indicators/1', {})]])).toBeUndefined();
    expect(place(set('/indicators/0/tiers/1/points', 12), [[{ op: 'remove', path: '/indicators/0/tiers/0' }]])).toBeUndefined();
    expect(placeOfOperation(doc, points, undefined, zhNaming)).toBeUndefined();
  });

  it('reads a value set as old → new when the entry recorded the old value', () => {
    const words = { added: en.patchAdded, removed: en.patchRemoved, show: showValue };
    expect(changeOfOperation({ ...set('/indicators/1/points', 2), was: 1 }, words)).toBe('1 → 2');
    expect(changeOfOperation(set('/indicators/1/points', 2), words)).toBe('→ 2');
  });
});

describe('the saves after a save', () => {
  const save = (seq: number, before: string, after: string, patch: PatchOperation[] = [], complete = true): RecordedSave => ({ seq, before, after, patch, complete });
  const one = save(3, 'a', 'b', [set('/scenarios/0/bar', 125)]);

  it('are every later save of the draft, oldest first, when their hashes chain', () => {
    const later = [save(9, 'c', 'd', [set('/groups/0/cap', 1)]), save(5, 'b', 'c', [set('/groups/0/cap', 2)])];
    expect(savesAfter(one, [one, ...later])).toEqual([later[1]!.patch, later[0]!.patch]);
    expect(savesAfter(one, [one])).toEqual([]);
  });

  it('are unknown when one is missing, cut short, or the save itself was not read', () => {
    expect(savesAfter(one, [one, save(9, 'c', 'd')])).toBeUndefined();
    expect(savesAfter(one, [one, save(5, 'b', 'c', [], false)])).toBeUndefined();
    expect(savesAfter(one, [save(5, 'b', 'c')])).toBeUndefined();
  });
});
