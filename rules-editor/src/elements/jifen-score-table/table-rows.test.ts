import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../../server/src/domain/rule-set/schema';
import { parseCell, tableRows } from './table-rows';

const read = (id: string) => JSON.parse(readFileSync(new URL(`../../../../rule-sets/${id}/1.json`, import.meta.url), 'utf8')) as RuleSet;
const district = read('district-sample');
const provincial = read('provincial-common');

describe('the scoring table rows', () => {
  const rows = tableRows({ doc: district, included: [provincial], lang: 'zh', kindTitle: (k) => k, bandTitle: (n) => `第 ${n} 段` });

  it('lists each group, then its indicators with their tiers or bands; included ones are read-only', () => {
    expect(rows.filter((r) => r.level === 'group').map((r) => r.key)).toEqual(['g:provincial', 'g:district']);
    const age = rows.filter((r) => r.key.startsWith('b:age:'));
    expect(age.map((r) => r.cells.points?.text)).toEqual(['20', '19', '5', '0']);
    expect(age.every((r) => r.included && r.cells.points?.edit === undefined)).toBe(true);
    const employment = rows.findIndex((r) => r.key === 'i:employment');
    expect(rows[employment + 1]?.key).toBe('t:employment:contract-or-business');
    const index = district.indicators.findIndex((i) => i.id === 'employment');
    expect(rows[employment + 1]?.cells.points?.edit?.path).toEqual(['indicators', index, 'tiers', 0, 'points']);
    expect(rows[employment + 1]?.cells.conditions?.form).toBe(index);
  });

  it('shows conditions in words', () => {
    const samaritan = rows.find((r) => r.key === 'i:goodSamaritan')!;
    expect(samaritan.cells.conditions?.text).toMatch(/见义勇为/);
  });

  it('reads typed numbers as staff type them, and refuses what is not one', () => {
    const points = { path: ['x'], type: 'number' as const, value: 10 };
    expect(parseCell(points, ' １２．５ ')).toEqual({ value: 12.5 });
    expect(parseCell(points, '1,200')).toEqual({ value: 1200 });
    expect(parseCell(points, '十')).toEqual({ error: 'notNumber' });
    expect(parseCell(points, '')).toEqual({ error: 'required' });
    expect(parseCell({ ...points, optional: true }, '')).toEqual({ value: undefined });
    expect(parseCell({ ...points, atLeast: 'positive' }, '0')).toEqual({ error: 'notPositive' });
    expect(parseCell({ ...points, atLeast: 'zero' }, '-1')).toEqual({ error: 'negative' });
    expect(parseCell({ path: ['t'], type: 'text', value: 'a' }, '  区人社局 ')).toEqual({ value: '区人社局' });
  });
});
