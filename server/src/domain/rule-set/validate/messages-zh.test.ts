import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RuleSet } from '../schema';
import { parseRuleSet, validateRuleSet } from '../validate';

const shipped = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../../../rule-sets/${file}`, import.meta.url), 'utf8'));
const provincial = parseRuleSet(shipped('provincial-common/1.json'));
const district = shipped('district-sample/1.json');
const CJK = /[\u4e00-\u9fff]/;

type Doc = Record<string, unknown> & { indicators: Record<string, unknown>[]; scenarios: Record<string, unknown>[]; facts: Record<string, unknown>[]; cases: Record<string, unknown>[] };

/** Bad documents of every kind staff can produce in the editor, each breaking one thing. */
const breakages: [string, (d: Doc) => void][] = [
  ['a blank required number', (d) => { (d.scenarios[0]!).bar = null; }],
  ['a negative tier', (d) => { ((d.indicators[1]!).tiers as Record<string, unknown>[])[0]!.points = -1; }],
  ['tiers out of order', (d) => { ((d.indicators[1]!).tiers as Record<string, unknown>[])[1]!.points = 30; }],
  ['a tier above its group cap', (d) => { ((d.indicators[1]!).tiers as Record<string, unknown>[])[0]!.points = 500; }],
  ['points in thousandths', (d) => { (d.indicators[9]!).points = 1.005; }],
  ['a missing title', (d) => { delete (d.indicators[0]!).title; }],
  ['an unknown key', (d) => { (d.indicators[0]!).weight = 3; }],
  ['a bad id', (d) => { (d.indicators[0]!).id = 'Bad Id'; }],
  ['a duplicate id', (d) => { (d.indicators[1]!).id = (d.indicators[0]!).id; }],
  ['an unknown group', (d) => { (d.indicators[0]!).group = 'nowhere'; }],
  ['an unknown fact', (d) => { (d.indicators[9]!).conditions = { all: [{ fact: 'nope', operator: 'equal', value: true }] }; }],
  ['an operator that does not suit the fact', (d) => { (d.indicators[9]!).conditions = { all: [{ fact: 'goodSamaritan', operator: 'greaterThan', value: 1 }] }; }],
  ['a value of the wrong type', (d) => { (d.indicators[9]!).conditions = { all: [{ fact: 'volunteerHours', operator: 'greaterThan', value: 'x' }] }; }],
  ['a value not in the list', (d) => { (d.indicators[9]!).conditions = { all: [{ fact: 'housing', operator: 'equal', value: 'castle' }] }; }],
  ['an empty list of values', (d) => { (d.indicators[9]!).conditions = { all: [{ fact: 'honours', operator: 'containsAny', value: [] }] }; }],
  ['an empty group', (d) => { (d.indicators[9]!).conditions = { all: [] }; }],
  ['a bad date', (d) => { d.effectiveFrom = '2026-02-30'; }],
  ['places below zero', (d) => { (d.scenarios[0]!).places = -1; }],
  ['an unknown counted indicator', (d) => { (d.scenarios[0]!).counted = ['nothing']; }],
  ['a rate cap below one unit', (d) => { (d.indicators[12]!).cap = 0.1; }],
  ['a case with an unknown fact', (d) => { (d.cases[0]!).facts = { nope: 1 }; }],
  ['a case on an unknown indicator', (d) => { (d.cases[0]!).expect = { indicators: { nope: 1 } }; }],
];

describe('every rule-set validation message has Chinese beside its English', () => {
  it.each(breakages)('%s', (_name, breakIt) => {
    const doc = structuredClone(district) as unknown as Doc;
    breakIt(doc);
    const result = validateRuleSet(doc as unknown as RuleSet, [provincial]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const e of result.errors) {
      expect({ path: e.path, message: e.message, zh: e.messageZh }).toEqual({ path: e.path, message: e.message, zh: expect.stringMatching(CJK) });
    }
  });
});
