import { describe, expect, it } from 'vitest';
import { JifenError, type FieldError } from '../errors';
import { MAX_CONDITION_DEPTH } from './condition';
import { ruleSetSchema, type RuleSet } from './schema';
import { parseRuleSet, validateRuleSet } from './validate';
import { MAX_JSON_DEPTH } from './validate/json-limits';

const t = (en: string) => ({ zh: en, en });
const ref = { document: 'test rules', clause: '1' };
const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

/** A rule set others include, like the provincial one. */
const common = ruleSetSchema.parse({
  id: 'common', version: 2, effectiveFrom: '2025-01-01', title: t('Common'), owner: 'province', reference: ref,
  facts: [{ id: 'birthDate', type: 'date', title: t('birth') }],
  derived: [{ id: 'ageYears', title: t('age'), derivation: 'fullYearsSince', fact: 'birthDate' }],
  groups: [{ id: 'common', title: t('Common'), cap: 20, reference: ref }],
  indicators: [{ id: 'age', kind: 'bands', group: 'common', fact: 'ageYears', title: t('age'), reference: ref, bands: [{ max: 40, points: 20 }, { min: 41, points: 0 }] }],
});

/**
 * A valid document using every kind of indicator, fact type, scenario feature and an include; each test
 * breaks one thing in a fresh copy.
 */
function validDoc(): any {
  return {
    id: 'local', version: 1, effectiveFrom: '2025-01-01', title: t('Local'), owner: 'district', reference: ref,
    includes: [{ ruleSetId: 'common', version: 2 }],
    facts: [
      { id: 'months', type: 'integer', title: t('months'), min: 0 },
      { id: 'tax', type: 'number', title: t('tax') },
      { id: 'registered', type: 'date', title: t('registered') },
      { id: 'degree', type: 'enum', title: t('degree'), values: [{ id: 'ba', title: t('BA') }, { id: 'hs', title: t('HS') }] },
      { id: 'roles', type: 'enum-list', title: t('roles'), values: [{ id: 'deputy', title: t('deputy') }, { id: 'council', title: t('council') }] },
      { id: 'verified', type: 'boolean', title: t('verified'), default: false },
      { id: 'district', type: 'string', title: t('district') },
      { id: 'hours', type: 'integer', title: t('hours'), min: 0 },
    ],
    derived: [
      { id: 'registeredMonths', title: t('registered months'), derivation: 'fullMonthsSince', fact: 'registered' },
      { id: 'roleCount', title: t('roles'), derivation: 'count', fact: 'roles' },
    ],
    groups: [{ id: 'local', title: t('Local'), cap: 50, reference: ref }],
    indicators: [
      { id: 'verifiedBonus', kind: 'fixed', group: 'local', title: t('verified'), reference: ref, points: 5,
        conditions: { all: [leaf('verified', 'equal', true), leaf('registered', 'dateBefore', '2025-01-01')] } },
      { id: 'education', kind: 'tiers', group: 'local', title: t('edu'), reference: ref, tiers: [
        { id: 'ba', title: t('BA'), points: 10, conditions: { all: [leaf('degree', 'equal', 'ba')] } },
        { id: 'hs', title: t('HS'), points: 5, conditions: { any: [leaf('degree', 'in', ['hs']), { not: leaf('roles', 'containsAny', ['deputy']) }] } },
      ] },
      { id: 'work', kind: 'rate', group: 'local', title: t('work'), reference: ref, fact: 'months', points: 0.5, cap: 20 },
      { id: 'taxBands', kind: 'bands', group: 'local', title: t('tax'), reference: ref, fact: 'tax', bands: [
        { max: 999, points: 0 }, { min: 1000, max: 1999, points: 2, step: 0.01 }, { min: 2000, points: 12 }] },
      { id: 'volunteer', kind: 'rate', group: 'local', category: 'social-service', title: t('volunteer'), reference: ref,
        fact: 'hours', per: 10, points: 1, cap: 20, ledger: { termYears: 3, exchangeable: true } },
      { id: 'offences', kind: 'deduction', group: 'local', title: t('offences'), reference: ref, fact: 'roleCount', points: 2, cap: 10 },
      { id: 'unsafe', kind: 'deduction', group: 'local', title: t('unsafe'), reference: ref, points: 5, cap: 5,
        conditions: { all: [leaf('district', 'notEqual', 'safe')] } },
      { id: 'fraud', kind: 'veto', group: 'local', title: t('fraud'), reference: ref, conditions: { all: [leaf('roles', 'contains', 'council')] } },
    ],
    scenarios: [
      { id: 'school', title: t('school'), department: 'education', reference: ref, bar: 30, places: 10, childRelated: true,
        counted: ['age', 'education', 'work', 'offences'],
        eligibility: { all: [leaf('registeredMonths', 'greaterThanInclusive', 12), leaf('score.group.common', 'greaterThan', 0),
          leaf('score.indicator.work', 'greaterThan', 0), leaf('score.category.social-service', 'greaterThanInclusive', 0),
          leaf('score.total', 'greaterThan', 0), leaf('vetoed', 'equal', false), leaf('ageYears', 'lessThan', 60)] },
        tieBreakers: [{ by: 'group', group: 'local' }, { by: 'fact', fact: 'registered' }, { by: 'category', category: 'social-service' },
          { by: 'indicator', indicator: 'age' }] },
    ],
    benefits: [{ id: 'pass', title: t('pass'), indicator: 'volunteer', cost: 10, reference: ref }],
    cases: [
      { id: 'one', title: 'one', asOf: '2025-07-01', facts: { birthDate: '1990-01-01', months: 12, degree: 'ba', roles: ['deputy'] },
        expect: { total: 36, groups: { common: 20, local: 16 }, indicators: { age: 20 }, scenarios: { school: false } } },
    ],
  };
}

/** The errors in English: the Chinese beside each is checked in validate/messages-zh.test.ts. */
function errorsOf(doc: unknown, includes: readonly RuleSet[] = [common]): FieldError[] {
  const result = validateRuleSet(doc, includes);
  if (result.ok) throw new Error('expected the rule set to be rejected');
  return result.errors.map(({ messageZh: _zh, ...english }) => english);
}

/** Asserts that the document is rejected with (at least) an error at exactly `path` whose message matches. */
function expectError(doc: unknown, path: string, message: RegExp, includes?: readonly RuleSet[]): void {
  const errors = errorsOf(doc, includes);
  const at = errors.filter((e) => e.path === path);
  expect(at, `errors were ${JSON.stringify(errors)}`).not.toHaveLength(0);
  expect(at.map((e) => e.message).join(' | ')).toMatch(message);
}

describe('parseRuleSet', () => {
  it('accepts the valid document and fills in defaults', () => {
    const rs = parseRuleSet(validDoc(), [common]);
    expect(rs.indicators).toHaveLength(8);
    expect(rs.indicators.find((i) => i.id === 'work')).toMatchObject({ per: 1 });
  });

  it('throws invalid_rule_set (422) listing every problem with its path', () => {
    const doc = validDoc();
    doc.indicators[2].cap = 0.25;
    doc.groups[0].id = 'Local';
    doc.scenarios[0].counted.push('nope');
    let error: unknown;
    try {
      parseRuleSet(doc, [common]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JifenError);
    const jifen = error as JifenError;
    expect(jifen.code).toBe('invalid_rule_set');
    expect(jifen.status).toBe(422);
    expect(jifen.message).toMatch(/^RuleSet: "local" is invalid: groups\.0\.id /);
    // Shape errors stop before the meaning is checked, so only the bad id is reported here.
    expect(jifen.fields?.map((f) => f.path)).toEqual(['groups.0.id']);

    doc.groups[0].id = 'local';
    const fields = errorsOf(doc).map((f) => f.path);
    expect(fields).toEqual(['indicators.2.cap', 'scenarios.0.counted.4']);
  });
});

describe('size and nesting before parsing', () => {
  it(`rejects JSON nested deeper than ${MAX_JSON_DEPTH} levels at the place it gets too deep`, () => {
    const doc = validDoc();
    let condition: any = leaf('months', 'equal', 1);
    for (let i = 0; i < 40; i++) condition = { all: [condition] };
    doc.indicators[0].conditions = condition;
    const segments: (string | number)[] = ['indicators', 0, 'conditions'];
    while (segments.length < MAX_JSON_DEPTH) segments.push('all', 0);
    const errors = errorsOf(doc);
    expect(errors).toEqual([{ path: segments.slice(0, MAX_JSON_DEPTH).join('.'), message: `nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  });

  it('survives hostile nesting 200,000 levels deep without exhausting the stack', () => {
    const hostile = JSON.parse(`{"id":"x","facts":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(errorsOf(hostile)[0]?.message).toBe(`nests deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('rejects a document with an absurd number of values', () => {
    const doc = validDoc();
    doc.cases = Array.from({ length: 300_000 }, () => 1);
    expect(errorsOf(doc)).toEqual([{ path: '', message: 'has more than 250000 values' }]);
  });
});

describe('shape (zod) errors name the field', () => {
  it('points that are not a multiple of 0.01', () => {
    const doc = validDoc();
    doc.indicators[1].tiers[0].points = 10.005;
    expectError(doc, 'indicators.1.tiers.0.points', /multiple of 0\.01/);
  });

  it('an operator that does not exist, deep in a condition', () => {
    const doc = validDoc();
    doc.indicators[1].tiers[1].conditions.any[1].not.operator = 'matches';
    expectError(doc, 'indicators.1.tiers.1.conditions.any.1.not.operator', /must be one of "equal"/);
  });

  it('a condition leaf without its value', () => {
    const doc = validDoc();
    delete doc.indicators[0].conditions.all[1].value;
    expectError(doc, 'indicators.0.conditions.all.1.value', /^is required$/);
  });

  it('a condition of the wrong shape says which shapes are allowed', () => {
    const doc = validDoc();
    doc.indicators[1].tiers[0].conditions = leaf('degree', 'equal', 'ba');
    doc.indicators[1].tiers[1].conditions.any[0] = {};
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'indicators.1.tiers.0.conditions', message: 'must be {all: …}, {any: …} or {not: …}' });
    expect(errors).toContainEqual({
      path: 'indicators.1.tiers.1.conditions.any.0',
      message: 'must be {fact: …, operator: …, value: …}, {all: …}, {any: …} or {not: …}',
    });
  });

  it('an unknown indicator kind and an unknown key', () => {
    const doc = validDoc();
    doc.indicators[3].kind = 'lottery';
    doc.scenarios[0].colour = 'red';
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'indicators.3.kind', message: expect.stringMatching(/fixed/) });
    expect(errors).toContainEqual({ path: 'scenarios.0', message: 'has unknown key "colour"' });
  });

  it('a missing required field and an impossible date', () => {
    const doc = validDoc();
    delete doc.groups[0].cap;
    doc.cases[0].asOf = '2025-02-30';
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'groups.0.cap', message: 'is required' });
    expect(errors).toContainEqual({ path: 'cases.0.asOf', message: 'is not a calendar date' });
  });

  it('prototype keys as ids or fact names', () => {
    const doc = validDoc();
    doc.facts[0].id = 'constructor';
    doc.cases[0].facts = JSON.parse('{"toString": 1}');
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'facts.0.id', message: 'is a reserved name' });
    expect(errors).toContainEqual({ path: 'cases.0.facts.toString', message: 'key is a reserved name' });
    const proto = JSON.parse(JSON.stringify(validDoc()).replace('"facts":{"birthDate"', '"facts":{"__proto__":{"x":1},"birthDate"'));
    expect(errorsOf(proto)).toEqual([{ path: 'cases.0.facts.__proto__', message: 'is not allowed as a key' }]);
  });
});

describe('duplicate ids', () => {
  it.each([
    ['facts', (d: any) => d.facts.push({ ...d.facts[0] }), 'facts.8.id', /fact "months" is already defined at facts\.0/],
    ['a derived fact named like a fact', (d: any) => (d.derived[0].id = 'tax'), 'derived.0.id', /fact "tax" is already defined at facts\.1/],
    ['a fact named like an included fact', (d: any) => (d.facts[0].id = 'birthDate'), 'facts.0.id', /"birthDate" is already defined by an included rule set/],
    ['a derived fact named like an included one', (d: any) => (d.derived[1].id = 'ageYears'), 'derived.1.id', /already defined by an included rule set/],
    ['the computed fact vetoed', (d: any) => (d.facts[7].id = 'vetoed'), 'facts.7.id', /"vetoed" is already defined as a computed score/],
    ['enum values', (d: any) => d.facts[3].values.push({ id: 'ba', title: t('again') }), 'facts.3.values.2.id', /value "ba"/],
    ['groups', (d: any) => d.groups.push({ ...d.groups[0] }), 'groups.1.id', /group "local" is already defined/],
    ['a group named like an included group', (d: any) => (d.groups[0].id = 'common'), 'groups.0.id', /group "common" is already defined by an included/],
    ['indicators', (d: any) => (d.indicators[7].id = 'work'), 'indicators.7.id', /indicator "work" is already defined at indicators\.2/],
    ['an indicator named like an included one', (d: any) => (d.indicators[2].id = 'age'), 'indicators.2.id', /indicator "age" is already defined by an included/],
    ['tiers within an indicator', (d: any) => (d.indicators[1].tiers[1].id = 'ba'), 'indicators.1.tiers.1.id', /tier "ba"/],
    ['scenarios', (d: any) => d.scenarios.push({ ...d.scenarios[0] }), 'scenarios.1.id', /scenario "school"/],
    ['benefits', (d: any) => d.benefits.push({ ...d.benefits[0] }), 'benefits.1.id', /benefit "pass"/],
    ['test cases', (d: any) => d.cases.push({ ...d.cases[0] }), 'cases.1.id', /test case "one"/],
  ])('%s', (_, breakIt, path, message) => {
    const doc = validDoc();
    breakIt(doc);
    expectError(doc, path, message);
  });
});

describe('unknown facts', () => {
  it.each([
    ['in an indicator gate', (d: any) => (d.indicators[0].conditions.all[0].fact = 'nope'), 'indicators.0.conditions.all.0.fact'],
    ['in a tier', (d: any) => (d.indicators[1].tiers[1].conditions.any[1].not.fact = 'nope'), 'indicators.1.tiers.1.conditions.any.1.not.fact'],
    ['of a rate', (d: any) => (d.indicators[2].fact = 'nope'), 'indicators.2.fact'],
    ['of bands', (d: any) => (d.indicators[3].fact = 'nope'), 'indicators.3.fact'],
    ['of a deduction', (d: any) => (d.indicators[5].fact = 'nope'), 'indicators.5.fact'],
    ['of a derived fact', (d: any) => (d.derived[0].fact = 'nope'), 'derived.0.fact'],
    ['of a tie-breaker', (d: any) => (d.scenarios[0].tieBreakers[1].fact = 'nope'), 'scenarios.0.tieBreakers.1.fact'],
    ['in scenario eligibility', (d: any) => (d.scenarios[0].eligibility.all[0].fact = 'nope'), 'scenarios.0.eligibility.all.0.fact'],
  ])('%s', (_, breakIt, path) => {
    const doc = validDoc();
    breakIt(doc);
    expectError(doc, path, /unknown fact "nope"/);
  });

  it('computed scores only in scenario eligibility', () => {
    const doc = validDoc();
    doc.indicators[0].conditions.all[0] = leaf('score.total', 'greaterThan', 10);
    expectError(doc, 'indicators.0.conditions.all.0.fact', /computed score; only scenario eligibility/);
  });

  it.each([
    ['score.group.nope', /unknown group "nope"/],
    ['score.indicator.nope', /unknown indicator "nope"/],
    ['score.category.nope', /unknown category "nope"/],
    ['score.average', /unknown fact "score.average"/],
  ])('computed score %s must name something that exists', (fact, message) => {
    const doc = validDoc();
    doc.scenarios[0].eligibility.all[1].fact = fact;
    expectError(doc, 'scenarios.0.eligibility.all.1.fact', message);
  });

  it('facts of the included rule set are usable', () => {
    const doc = validDoc();
    doc.indicators[0].conditions.all.push(leaf('birthDate', 'dateAfter', '1950-01-01'), leaf('ageYears', 'lessThan', 70));
    expect(validateRuleSet(doc, [common])).toMatchObject({ ok: true });
  });
});

describe('operators must suit the type of their fact', () => {
  it.each([
    ['an integer', 'months', 'contains', 1],
    ['a number', 'tax', 'dateAfter', '2025-01-01'],
    ['a date', 'registered', 'lessThan', '2025-01-01'],
    ['an enum', 'degree', 'contains', 'ba'],
    ['a list', 'roles', 'equal', 'deputy'],
    ['a boolean', 'verified', 'greaterThan', 0],
    ['a string', 'district', 'dateBefore', '2025-01-01'],
    ['an integer', 'registeredMonths', 'containsAny', [1]],
  ])('%s fact', (type, fact, operator, value) => {
    const doc = validDoc();
    doc.indicators[0].conditions.all[0] = leaf(fact, operator, value);
    expectError(doc, 'indicators.0.conditions.all.0.operator', new RegExp(`"${operator}" does not apply to ${type} fact "${fact}"`));
  });
});

describe('condition values must be of the fact type', () => {
  it.each([
    ['an enum value not in its values', leaf('degree', 'equal', 'phd'), 'value', /"phd" is not a value of "degree"; use one of ba, hs/],
    ['a list item not in the values', leaf('degree', 'in', ['ba', 'phd']), 'value.1', /"phd" is not a value/],
    ['a list value not in the values', leaf('roles', 'contains', 'mayor'), 'value', /"mayor" is not a value of "roles"/],
    ['a date that is not a date', leaf('registered', 'dateBefore', '2025-13-01'), 'value', /must be a date YYYY-MM-DD/],
    ['a number given as text', leaf('tax', 'greaterThan', '1000'), 'value', /must be a number/],
    ['a fraction for an integer', leaf('months', 'equal', 2.5), 'value', /whole number/],
    ['text for a boolean', leaf('verified', 'equal', 'yes'), 'value', /true or false/],
    ['a number for a string', leaf('district', 'equal', 5), 'value', /must be a string/],
    ['a list where one value is needed', leaf('months', 'greaterThan', [1, 2]), 'value', /single value .* not a list/],
    ['one value where a list is needed', leaf('degree', 'in', 'ba'), 'value', /must be a list for "in"/],
    ['an empty list', leaf('roles', 'containsAny', []), 'value', /at least one value/],
    ['a path into a fact that has no fields', { ...leaf('months', 'equal', 1), path: '$.a' }, 'path', /has no fields/],
  ])('%s', (_, condition, suffix, message) => {
    const doc = validDoc();
    doc.indicators[0].conditions.all[0] = condition;
    expectError(doc, `indicators.0.conditions.all.0.${suffix}`, message);
  });
});

describe('conditions nest at most MAX_CONDITION_DEPTH levels', () => {
  const nested = (levels: number) => {
    let c: any = leaf('months', 'equal', 1);
    for (let i = 1; i < levels; i++) c = i % 2 ? { any: [c] } : { not: c };
    return { all: [c] };
  };

  it('accepts exactly the limit and reports one level more at the condition', () => {
    const ok = validDoc();
    ok.indicators[0].conditions = nested(MAX_CONDITION_DEPTH);
    expect(validateRuleSet(ok, [common])).toMatchObject({ ok: true });
    const deep = validDoc();
    deep.scenarios[0].eligibility = nested(MAX_CONDITION_DEPTH + 1);
    expectError(deep, 'scenarios.0.eligibility', new RegExp(`more than ${MAX_CONDITION_DEPTH} levels`));
  });
});

describe('indicators', () => {
  it.each([
    ['tiers out of descending order', (d: any) => (d.indicators[1].tiers[1].points = 12), 'indicators.1.tiers.1.points', /12 is above the previous tier's 10/],
    ['a group cap below fixed points', (d: any) => (d.indicators[0].points = 60), 'indicators.0.points', /points 60 is above the cap 50 of group "local"/],
    ['a group cap below a tier', (d: any) => { d.groups[0].cap = 8; d.indicators[3].bands = [{ points: 0 }]; }, 'indicators.1.tiers.0.points', /tier points 10 is above the cap 8/],
    ['a rate cap below one unit', (d: any) => (d.indicators[2].cap = 0.25), 'indicators.2.cap', /0\.25 is below the 0\.5 points of one unit/],
    ['a deduction cap below one occurrence', (d: any) => (d.indicators[5].cap = 1), 'indicators.5.cap', /1 is below the 2 points of one occurrence/],
    ['negative fixed points', (d: any) => (d.indicators[0].points = -5), 'indicators.0.points', /≥ 0; take points away with a deduction/],
    ['an unknown group', (d: any) => (d.indicators[4].group = 'nope'), 'indicators.4.group', /unknown group "nope"/],
    ['a rate of a non-numeric fact', (d: any) => (d.indicators[2].fact = 'registered'), 'indicators.2.fact', /must be a number fact; "registered" is a date/],
    ['bands of a non-numeric fact', (d: any) => (d.indicators[3].fact = 'degree'), 'indicators.3.fact', /must be a number fact; "degree" is an enum/],
    ['a deduction counting a list', (d: any) => (d.indicators[5].fact = 'roles'), 'indicators.5.fact', /must be a number fact; "roles" is a list/],
    ['a deduction with neither fact nor conditions', (d: any) => delete d.indicators[6].conditions, 'indicators.6.conditions', /is required for a deduction without a fact/],
    ['a ledger on a deduction', (d: any) => (d.indicators[5].ledger = { termYears: 1, exchangeable: false }), 'indicators.5.ledger', /earns no points/],
  ])('%s', (_, breakIt, path, message) => {
    const doc = validDoc();
    breakIt(doc);
    expectError(doc, path, message);
  });

  it.each([
    ['overlapping', [{ max: 1000, points: 0 }, { min: 1000, max: 1999, points: 2 }], 'indicators.3.bands.1.min', /1000 overlaps the previous band, which ends at 1000/],
    ['out of order', [{ min: 2000, max: 3000, points: 5 }, { min: 0, max: 1999, points: 2 }], 'indicators.3.bands.1.min', /0 overlaps the previous band/],
    ['with a gap', [{ max: 999, points: 0 }, { min: 1500, points: 2 }], 'indicators.3.bands.1.min', /1500 leaves a gap after the previous band, which ends at 999/],
    ['with max below min', [{ min: 10, max: 5, points: 1 }], 'indicators.3.bands.0.max', /is below min 10/],
    ['open below after the first', [{ max: 9, points: 1 }, { max: 20, points: 2 }], 'indicators.3.bands.1.min', /only the first band is open below/],
    ['open above before the last', [{ min: 0, points: 1 }, { min: 10, max: 20, points: 2 }], 'indicators.3.bands.0.max', /only the last band is open above/],
    ['a step without a min', [{ max: 10, points: 1, step: 1 }], 'indicators.3.bands.0.step', /needs a min/],
    ['rising above the group cap', [{ min: 0, max: 100, points: 10, step: 1 }], 'indicators.3.bands.0.points', /band points 110 is above the cap 50/],
  ])('bands %s', (_, bands, path, message) => {
    const doc = validDoc();
    doc.indicators[3].bands = bands;
    expectError(doc, path, message);
  });
});

describe('facts and derived facts', () => {
  it.each([
    ['an enum without values', (d: any) => delete d.facts[3].values, 'facts.3.values', /is required for enum facts/],
    ['values on an integer', (d: any) => (d.facts[0].values = [{ id: 'a', title: t('a') }]), 'facts.0.values', /only enum and enum-list/],
    ['min above max', (d: any) => (d.facts[0].max = -1), 'facts.0.max', /is below min 0/],
    ['bounds on a date', (d: any) => (d.facts[2].min = 0), 'facts.2.min', /only number and integer facts have bounds/],
    ['a default of the wrong type', (d: any) => (d.facts[5].default = 'no'), 'facts.5.default', /true or false/],
    ['a default not among the values', (d: any) => (d.facts[3].default = 'phd'), 'facts.3.default', /must be one of ba, hs/],
    ['full years of a number', (d: any) => (d.derived[0] = { ...d.derived[0], derivation: 'fullYearsSince', fact: 'months' }), 'derived.0.fact', /fullYearsSince needs a date fact; "months" is an integer/],
    ['a count of a date', (d: any) => (d.derived[1].fact = 'registered'), 'derived.1.fact', /count needs a list fact; "registered" is a date/],
    ['a derived fact of a derived fact', (d: any) => (d.derived[1] = { ...d.derived[1], derivation: 'fullYearsSince', fact: 'ageYears' }), 'derived.1.fact', /itself derived/],
    ['months between without until', (d: any) => (d.derived[0].derivation = 'fullMonthsBetween'), 'derived.0.until', /is required for fullMonthsBetween/],
    ['months between until a number', (d: any) => Object.assign(d.derived[0], { derivation: 'fullMonthsBetween', until: 'months' }), 'derived.0.until', /needs a date fact; "months" is an integer/],
    ['until on another derivation', (d: any) => (d.derived[0].until = 'registered'), 'derived.0.until', /only fullMonthsBetween/],
  ])('%s', (_, breakIt, path, message) => {
    const doc = validDoc();
    breakIt(doc);
    expectError(doc, path, message);
  });
});

describe('scenarios and benefits', () => {
  it.each([
    ['counted with an unknown indicator', (d: any) => d.scenarios[0].counted.push('nope'), 'scenarios.0.counted.4', /unknown indicator "nope"/],
    ['counted twice', (d: any) => d.scenarios[0].counted.push('work'), 'scenarios.0.counted.4', /listed twice/],
    ['a tie-breaker on an unknown group', (d: any) => (d.scenarios[0].tieBreakers[0].group = 'nope'), 'scenarios.0.tieBreakers.0.group', /unknown group "nope"/],
    ['a tie-breaker on an unknown category', (d: any) => (d.scenarios[0].tieBreakers[2].category = 'nope'), 'scenarios.0.tieBreakers.2.category', /no indicator has category "nope"/],
    ['a tie-breaker on an unknown indicator', (d: any) => (d.scenarios[0].tieBreakers[3].indicator = 'nope'), 'scenarios.0.tieBreakers.3.indicator', /unknown indicator "nope"/],
    ['a tie-breaker on an unordered fact', (d: any) => (d.scenarios[0].tieBreakers[1].fact = 'verified'), 'scenarios.0.tieBreakers.1.fact', /number or date fact to order by; "verified" is a boolean/],
    ['a benefit of an unknown indicator', (d: any) => (d.benefits[0].indicator = 'nope'), 'benefits.0.indicator', /unknown indicator "nope"/],
    ['a benefit of an indicator without a ledger', (d: any) => (d.benefits[0].indicator = 'work'), 'benefits.0.indicator', /keeps no ledger/],
    ['a benefit of a ledger that is not exchangeable', (d: any) => (d.indicators[4].ledger.exchangeable = false), 'benefits.0.indicator', /"volunteer" is not exchangeable/],
  ])('%s', (_, breakIt, path, message) => {
    const doc = validDoc();
    breakIt(doc);
    expectError(doc, path, message);
  });
});

describe('includes', () => {
  it('must be supplied', () => {
    expectError(validDoc(), 'includes.0', /rule set common version 2 is not available/, []);
  });

  it('must match the pinned version', () => {
    expectError(validDoc(), 'includes.0', /not available/, [{ ...common, version: 1 }]);
  });

  it('cannot be the rule set itself', () => {
    const doc = validDoc();
    doc.includes.push({ ruleSetId: 'local', version: 1 });
    expectError(doc, 'includes.1', /cannot include itself/, [common, parseRuleSet(validDoc(), [common])]);
  });

  it('without them, their facts are unknown too', () => {
    const errors = errorsOf(validDoc(), []);
    expect(errors).toContainEqual({ path: 'scenarios.0.counted.0', message: 'unknown indicator "age"' });
  });
});

describe('test cases', () => {
  it.each([
    ['an unknown fact', (d: any) => (d.cases[0].facts.shoeSize = 42), 'cases.0.facts.shoeSize', /unknown fact "shoeSize"/],
    ['a derived fact given as input', (d: any) => (d.cases[0].facts.ageYears = 30), 'cases.0.facts.ageYears', /is derived/],
    ['a value of the wrong type', (d: any) => (d.cases[0].facts.months = 'twelve'), 'cases.0.facts.months', /must be a number/],
    ['a value below the minimum', (d: any) => (d.cases[0].facts.months = -1), 'cases.0.facts.months', /must be ≥ 0/],
    ['an enum value not in the values', (d: any) => (d.cases[0].facts.degree = 'phd'), 'cases.0.facts.degree', /must be one of ba, hs/],
    ['an expected unknown indicator', (d: any) => (d.cases[0].expect.indicators.nope = 1), 'cases.0.expect.indicators.nope', /unknown indicator "nope"/],
    ['an expected unknown group', (d: any) => (d.cases[0].expect.groups.nope = 1), 'cases.0.expect.groups.nope', /unknown group "nope"/],
    ['an expected unknown scenario', (d: any) => (d.cases[0].expect.scenarios.nope = true), 'cases.0.expect.scenarios.nope', /unknown scenario "nope"/],
  ])('%s', (_, breakIt, path, message) => {
    const doc = validDoc();
    breakIt(doc);
    expectError(doc, path, message);
  });
});
