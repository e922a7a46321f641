import { describe, expect, it } from 'vitest';
import { scanJsonShape, type JsonShapeLimits } from './json-shape';

const bytes = (text: string) => new TextEncoder().encode(text);
const scan = (text: string, limits: JsonShapeLimits, chunk = text.length) => {
  const scanner = scanJsonShape(limits);
  const all = bytes(text);
  for (let i = 0; i < all.length; i += chunk) {
    const problem = scanner.push(all.subarray(i, i + chunk));
    if (problem) return { problem, readUpTo: i + chunk };
  }
  return { problem: undefined, readUpTo: all.length };
};
const roomy = { maxDepth: 64, maxMembers: 10_000 };

describe('scanJsonShape', () => {
  it('lets an ordinary evaluation request through', () => {
    const body = JSON.stringify({ ruleSetId: 'provincial-common', asOf: '2026-06-30', facts: { education: 'bachelor', vocational: ['title_senior', 'a]}{"'] } });
    expect(scan(body, { maxDepth: 3, maxMembers: 7 }).problem).toBeUndefined();
    expect(scan(body, { maxDepth: 3, maxMembers: 6 }).problem).toEqual({ kind: 'too-many-members', limit: 6 });
    expect(scan(body, { maxDepth: 2, maxMembers: 7 }).problem).toMatchObject({ kind: 'too-deep', path: 'facts.vocational' });
  });

  it('refuses 15 MB of brackets at the first byte past the depth, wherever the chunks break', () => {
    const hostile = '['.repeat(15 * 1024 * 1024);
    const { problem, readUpTo } = scan(hostile, roomy, 64 * 1024);
    expect(problem).toEqual({ kind: 'too-deep', path: Array(64).fill('0').join('.'), limit: 64 });
    expect(readUpTo).toBe(64 * 1024);
  });

  it('names the path of a deep value by its keys and indexes, across chunk boundaries', () => {
    const body = `{"indicators":[{},{},{"id":"deep","conditions":${'{"all":['.repeat(50)}`;
    for (const chunk of [1, 7, body.length]) {
      const { problem } = scan(body, { maxDepth: 6, maxMembers: 1000 }, chunk);
      expect(problem).toEqual({ kind: 'too-deep', path: 'indicators.2.conditions.all.0.all', limit: 6 });
    }
  });

  it('counts members of a flat object of 700,000 keys and stops at the limit', () => {
    const hostile = `{${Array.from({ length: 700_000 }, (_, i) => `"k${i}":0`).join(',')}}`;
    const { problem, readUpTo } = scan(hostile, roomy, 16 * 1024);
    expect(problem).toEqual({ kind: 'too-many-members', limit: 10_000 });
    expect(readUpTo).toBeLessThan(200 * 1024);
  });

  it('does not count brackets, commas or escaped quotes inside strings', () => {
    const text = JSON.stringify({ note: '[[[{{{,,,:::\\"\\\\"]]]', list: [1, 2, 3], empty: [], obj: {} });
    expect(scan(text, { maxDepth: 2, maxMembers: 7 }).problem).toBeUndefined();
    expect(scan(text, { maxDepth: 2, maxMembers: 6 }).problem).toMatchObject({ kind: 'too-many-members' });
  });

  it('answers the same problem again once one was found', () => {
    const scanner = scanJsonShape({ maxDepth: 1, maxMembers: 10 });
    expect(scanner.push(bytes('[['))).toMatchObject({ kind: 'too-deep' });
    expect(scanner.push(bytes(']]'))).toMatchObject({ kind: 'too-deep' });
  });
});
