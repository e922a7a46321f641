import { applyPatch, createPatch } from 'rfc6902';
import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import type { Indicator, RuleSet } from '../rule-set/schema';
import { diffRuleSets, titlesOf } from './diff';

const shipped = loadShippedRuleSets();
const provincial = shipped.get('provincial-common@1')!;
const district = shipped.get('district-sample@1')!;
const included = titlesOf(district);

/** A copy of `doc` changed by `edit`, as an editor would save it. */
function edited(doc: RuleSet, edit: (draft: RuleSet) => void): RuleSet {
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
}
const indicator = <K extends Indicator['kind']>(doc: RuleSet, id: string, kind: K) => doc.indicators.find((i) => i.id === id && i.kind === kind) as Extract<Indicator, { kind: K }>;

function expectPatchApplies(from: RuleSet, to: RuleSet, patch: ReturnType<typeof diffRuleSets>['patch']) {
  const target = structuredClone(from);
  expect(applyPatch(target, patch).every((r) => r === null)).toBe(true);
  expect(target).toEqual(to);
}

describe('diffRuleSets', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffRuleSets(district.root, structuredClone(district.root), { included })).toEqual({ changes: [], patch: [] });
  });

  it('names a changed tier weight in policy terms, with a one-operation patch', () => {
    const to = edited(provincial.root, (d) => {
      indicator(d, 'education', 'tiers').tiers[0]!.points = 12;
    });
    const { changes, patch } = diffRuleSets(provincial.root, to);
    expect(changes).toEqual([
      {
        kind: 'points-changed',
        target: {
          type: 'indicator',
          id: 'education',
          title: { zh: '文化程度', en: 'Education' },
          part: { type: 'tier', id: 'bachelor-or-above', title: { zh: '本科（学士）及以上', en: "Bachelor's degree or above" } },
        },
        path: '/indicators/1/tiers/0/points',
        before: 10,
        after: 12,
        text: {
          zh: '指标「文化程度」(education)：档次「本科（学士）及以上」：分值 10 → 12',
          en: `Indicator "Education" (education): tier "Bachelor's degree or above": points 10 → 12`,
        },
      },
    ]);
    expect(patch).toEqual([{ op: 'replace', path: '/indicators/1/tiers/0/points', value: 12 }]);
  });

  it('matches indicators by id, so an insertion does not look like every later indicator changing', () => {
    const added = { ...structuredClone(indicator(provincial.root, 'residence', 'rate')), id: 'longResidence', title: { zh: '长期居住', en: 'Long residence' } };
    const to = edited(provincial.root, (d) => {
      d.indicators.unshift(added);
      indicator(d, 'socialInsurance', 'rate').cap = 35;
    });
    const { changes, patch } = diffRuleSets(provincial.root, to);
    expect(changes.map((c) => [c.kind, c.target.id, c.path])).toEqual([
      ['indicator-added', 'longResidence', '/indicators/0'],
      ['cap-changed', 'socialInsurance', '/indicators/4/cap'],
    ]);
    expect(changes[1]!.text.en).toBe('Indicator "Social insurance" (socialInsurance): cap 30 → 35');
    expect(patch).toEqual([
      { op: 'add', path: '/indicators/0', value: added },
      { op: 'replace', path: '/indicators/4/cap', value: 35 },
    ]);
    expectPatchApplies(provincial.root, to, patch);
  });

  it('moves a reordered item instead of rewriting every position', () => {
    const to = edited(district.root, (d) => {
      d.scenarios.push(d.scenarios.shift()!);
    });
    const { changes, patch } = diffRuleSets(district.root, to, { included });
    expect(changes).toEqual([]);
    expect(patch).toEqual([{ op: 'move', from: '/scenarios/0', path: `/scenarios/${to.scenarios.length - 1}` }]);
    expect(createPatch(district.root, to).length).toBeGreaterThan(1);
    expectPatchApplies(district.root, to, patch);
  });

  it('reports tier, rate, band, deduction and ledger changes, and a patch that rebuilds the draft', () => {
    const to = edited(district.root, (d) => {
      const tiers = indicator(d, 'housing', 'tiers').tiers;
      tiers.reverse();
      tiers.pop();
      indicator(d, 'tax', 'rate').points = 1.5;
      indicator(d, 'administrativePenalty', 'deduction').points = 12;
      indicator(d, 'volunteerService', 'rate').ledger = { termYears: 2, exchangeable: true };
      d.indicators = d.indicators.filter((i) => i.id !== 'inventionPatents');
    });
    const from = edited(provincial.root, () => {});
    const bandsTo = edited(from, (d) => {
      indicator(d, 'age', 'bands').bands[2]!.points = 6;
    });
    const { changes, patch } = diffRuleSets(district.root, to, { included });
    const kinds = changes.map((c) => c.kind);
    expect(kinds).toContain('tier-removed');
    expect(kinds).toContain('tier-reordered');
    expect(changes.find((c) => c.kind === 'rate-changed')!.text.en).toBe('Indicator "Income tax paid" (tax): rate 1 per 2000 → 1.5 per 2000');
    expect(changes.find((c) => c.kind === 'deduction-changed')).toMatchObject({ target: { id: 'administrativePenalty' }, before: 10, after: 12 });
    expect(changes.find((c) => c.kind === 'ledger-changed')!.text.zh).toContain('有效期 3 年，可兑换 → 有效期 2 年，可兑换');
    expect(changes.find((c) => c.kind === 'indicator-removed')).toMatchObject({ target: { id: 'inventionPatents' }, before: indicator(district.root, 'inventionPatents', 'rate') });
    expectPatchApplies(district.root, to, patch);
    const bands = diffRuleSets(from, bandsTo).changes;
    expect(bands).toEqual([expect.objectContaining({ kind: 'band-changed', path: '/indicators/0/bands/2', before: from.indicators[0]!.kind === 'bands' && from.indicators[0]!.bands[2] })]);
    expect(bands[0]!.text.en).toBe('Indicator "Age" (age): band "55–60": 55–60: 5 → 55–60: 6');
  });

  it('reports scenario bar, places, counted indicators, eligibility and tie-breakers readably', () => {
    const to = edited(district.root, (d) => {
      const school = d.scenarios.find((s) => s.id === 'school-enrollment')!;
      school.bar = 110;
      school.places = 1600;
      school.eligibility = { all: [{ fact: 'socialInsuranceMonths', operator: 'greaterThanInclusive', value: 24 }] };
      school.tieBreakers = school.tieBreakers.slice(1);
      const housing = d.scenarios.find((s) => s.id === 'housing-support')!;
      housing.counted = housing.counted!.filter((id) => id !== 'tax');
    });
    const changes = diffRuleSets(district.root, to, { included }).changes;
    expect(changes.map((c) => [c.kind, c.target.id])).toEqual([
      ['bar-changed', 'school-enrollment'],
      ['places-changed', 'school-enrollment'],
      ['eligibility-changed', 'school-enrollment'],
      ['tie-breakers-changed', 'school-enrollment'],
      ['counted-changed', 'housing-support'],
    ]);
    const [bar, , eligibility, ties, counted] = changes;
    expect(bar!.text.zh).toBe('应用场景「随迁子女教育」(school-enrollment)：分数线 120 → 110');
    expect(eligibility!.text.en).toContain('→ Months of social insurance paid in the province ≥ 24 months');
    expect(eligibility!.text.zh).toContain('随迁未成年子女人数 ≥ 1 且 ');
    expect(ties!.text.en).toBe(
      'Scenario "Schooling for accompanying children" (school-enrollment): tie-breakers District indicators score higher first, then ' +
        'Date of residence registration in the district earlier (lower) first, then social-service points higher first → ' +
        'Date of residence registration in the district earlier (lower) first, then social-service points higher first',
    );
    expect(counted!.text).toEqual({ zh: '应用场景「住房保障」(housing-support)：计分指标 移除 纳税', en: 'Scenario "Housing support" (housing-support): counted indicators removed Income tax paid' });
  });

  it('reports groups, facts, benefits, cases, includes and metadata', () => {
    const to = edited(district.root, (d) => {
      d.groups[0]!.cap = 180;
      d.effectiveFrom = '2027-01-01';
      d.includes[0]!.version = 2;
      d.facts.push({ id: 'petOwner', type: 'boolean', title: { zh: '养犬登记', en: 'Registered dog owner' } });
      d.facts.find((f) => f.id === 'employmentMonths')!.max = 600;
      d.benefits[0]!.cost = 8;
      d.cases.splice(1, 1);
      d.cases[0]!.expect.total = 1;
    });
    const changes = diffRuleSets(district.root, to, { included }).changes;
    expect(changes.map((c) => c.kind)).toEqual(['metadata-changed', 'include-changed', 'fact-added', 'fact-changed', 'group-cap-changed', 'benefit-cost-changed', 'case-removed', 'case-changed']);
    expect(changes.find((c) => c.kind === 'group-cap-changed')!.text.en).toMatch(/^Group ".*" \(district\): cap 200 → 180$/);
    // The values a reader needs, not only the field's name.
    const fact = changes.find((c) => c.kind === 'fact-changed')!.text;
    expect(fact.en).toMatch(/: max [\d(none)]+ → 600$/);
    expect(fact.zh).toMatch(/：最大值 .+ → 600$/);
    expect(changes.find((c) => c.kind === 'case-changed')!.text.zh).toMatch(/：预期结果 total .+ → 1$/);
    expect(changes.find((c) => c.kind === 'benefit-cost-changed')).toMatchObject({ target: { id: 'park-annual-pass' }, before: 10, after: 8 });
    expect(changes.find((c) => c.kind === 'case-removed')!.target.id).toBe(district.root.cases[1]!.id);
  });

  it('says what a changed bound now allows, without its reason text', () => {
    const second = shipped.get('district-sample@2')!;
    const to = edited(second.root, (d) => {
      const bound = d.facts.find((f) => f.id === 'employmentMonths')!.bounds!.find((b) => b.kind === 'max')!;
      (bound as { value: number }).value = 600;
    });
    const fact = diffRuleSets(second.root, to, { included: titlesOf(second) }).changes.find((c) => c.kind === 'fact-changed')!.text;
    expect(fact.zh).toBe('数据项「在本区连续就业月数」(employmentMonths)：取值限制 ≤ 1200 → ≤ 600');
    expect(fact.en).toMatch(/: bounds ≤ 1200 → ≤ 600$/);
  });
});
