import { describe, expect, it } from 'vitest';
import { zh } from '../i18n/zh';
import { describePath, pointerToPath, sectionOf } from './describe';

const doc = {
  indicators: [{ id: 'education', title: { zh: '文化程度', en: 'Education' }, tiers: [{ id: 'bachelor', title: { zh: '本科', en: 'Bachelor' }, points: 10 }] }],
};

describe('readable places in a rule set', () => {
  it('names indicators and tiers by their titles', () => {
    const naming = { lang: 'zh' as const, fields: zh.fieldNames, item: zh.itemN };
    expect(describePath(doc, pointerToPath('/indicators/0/tiers/0/points'), naming)).toBe('指标「文化程度」 › 档次「本科」 › 分值');
    expect(describePath(doc, ['indicators', 0, 'tiers', 0, 'points'], { ...naming, lang: 'en' })).toContain('“Bachelor”');
  });

  it('names a test case by its title, a plain string, not by its id', () => {
    const naming = { lang: 'zh' as const, fields: zh.fieldNames, item: zh.itemN };
    const withCase = { cases: [{ id: 'investment-1m', title: '投资 100 万元的居民', expect: { total: 22 } }] };
    const place = describePath(withCase, pointerToPath('/cases/0/expect/total'), naming);
    expect(place).toContain('「投资 100 万元的居民」');
    expect(place).not.toContain('investment-1m');
  });

  it('decodes JSON Pointer escapes', () => {
    expect(pointerToPath('/a~1b/c~0d/3')).toEqual(['a/b', 'c~d', 3]);
  });

  it('sends a server error path to the section that shows it', () => {
    expect(sectionOf('indicators.3.tiers.0.points')).toEqual({ name: 'indicator', index: 3 });
    expect(sectionOf('scenarios.1.bar')).toEqual({ name: 'scenario', index: 1 });
    expect(sectionOf('groups.0.cap')).toEqual({ name: 'groups' });
    expect(sectionOf('cases.2.facts.age')).toEqual({ name: 'cases' });
    expect(sectionOf('benefits.0.cost')).toEqual({ name: 'json' });
  });
});
