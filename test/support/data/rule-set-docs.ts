import type { RuleSetInput } from '../../../server/src/domain/rule-set/schema';

/**
 * A small valid rule-set document for storage and HTTP tests: one group, a rate on residence months and
 * one scenario. Vary `points` to get different content (and so a different hash) for the same version.
 *
 * @example
 * tinyRuleSet({ version: 2, effectiveFrom: '2027-01-01', points: 0.5 });
 */
export function tinyRuleSet(options: { id?: string; version?: number; effectiveFrom?: string; points?: number } = {}): RuleSetInput {
  const reference = { document: 'Tiny test policy', clause: '1' };
  return {
    id: options.id ?? 'tiny',
    version: options.version ?? 1,
    effectiveFrom: options.effectiveFrom ?? '2026-01-01',
    title: { zh: '测试规则', en: 'Tiny rules' },
    owner: 'Test',
    reference,
    facts: [
      { id: 'residenceMonths', type: 'integer', min: 0, title: { zh: '居住月数', en: 'Months of residence' } },
      { id: 'birthDate', type: 'date', title: { zh: '出生日期', en: 'Date of birth' } },
    ],
    derived: [{ id: 'age', derivation: 'fullYearsSince', fact: 'birthDate', title: { zh: '年龄', en: 'Age' } }],
    groups: [{ id: 'main', title: { zh: '主要', en: 'Main' }, cap: 100, reference }],
    indicators: [
      {
        id: 'residence',
        kind: 'rate',
        group: 'main',
        title: { zh: '居住', en: 'Residence' },
        fact: 'residenceMonths',
        points: options.points ?? 0.25,
        cap: 30,
        reference,
      },
      {
        id: 'young',
        kind: 'fixed',
        group: 'main',
        title: { zh: '青年', en: 'Young' },
        conditions: { all: [{ fact: 'age', operator: 'lessThanInclusive', value: 40 }] },
        points: 5,
        reference,
      },
    ],
    scenarios: [
      {
        id: 'housing',
        title: { zh: '住房', en: 'Housing' },
        department: 'Housing office',
        reference,
        bar: 10,
        places: 5,
      },
    ],
  };
}

/**
 * A rule set that includes `tiny` at a pinned version, as a district set includes the provincial one.
 *
 * @example
 * tinyDistrict({ includeVersion: 1 });
 */
export function tinyDistrict(options: { version?: number; effectiveFrom?: string; includeVersion?: number } = {}): RuleSetInput {
  const reference = { document: 'Tiny district policy' };
  return {
    id: 'tiny-district',
    version: options.version ?? 1,
    effectiveFrom: options.effectiveFrom ?? '2026-01-01',
    title: { zh: '测试区规则', en: 'Tiny district rules' },
    owner: 'Test district',
    reference,
    includes: [{ ruleSetId: 'tiny', version: options.includeVersion ?? 1 }],
    facts: [{ id: 'volunteerHours', type: 'integer', min: 0, title: { zh: '志愿服务小时', en: 'Volunteer hours' } }],
    groups: [{ id: 'district', title: { zh: '区', en: 'District' }, cap: 50, reference }],
    indicators: [
      {
        id: 'volunteering',
        kind: 'rate',
        group: 'district',
        title: { zh: '志愿服务', en: 'Volunteering' },
        fact: 'volunteerHours',
        per: 10,
        points: 1,
        cap: 20,
        reference,
      },
    ],
  };
}
