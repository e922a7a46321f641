import fc from 'fast-check';
import { OPERATORS, type Condition } from '../../../server/src/domain/rule-set/condition';
import { ruleSetSchema, type RuleSetInput } from '../../../server/src/domain/rule-set/schema';
import { resolveRuleSet } from '../../../server/src/domain/rule-set/resolve';
import type { FactValue, Facts, ResolvedRuleSet } from '../../../server/src/domain/scoring/types';

/**
 * fast-check arbitraries for rule sets the schema accepts (not necessarily ones the semantic validator
 * accepts: conditions may name unknown facts, use paths, mismatch types) and for residents to score
 * against them. Values come from small pools so that residents share values, as real populations do.
 */

const t = (s: string) => ({ zh: s, en: s });
const ref = { document: 'generated' };
const ENUM = ['a', 'b', 'c'];
const LIST = ['x', 'y', 'z', 'w'];
const DATES = ['1960-02-29', '1986-06-30', '1986-07-01', '2000-01-31', '2016-06-30', '2021-02-28', '2026-06-30', '2027-01-01'];

const FACTS = [
  { id: 'n', type: 'integer' },
  { id: 'm', type: 'number' },
  { id: 'd', type: 'date' },
  { id: 'e', type: 'date' },
  { id: 'b', type: 'boolean' },
  { id: 'k', type: 'enum', values: ENUM.map((id) => ({ id, title: t(id) })) },
  { id: 'l', type: 'enum-list', values: LIST.map((id) => ({ id, title: t(id) })) },
  { id: 's', type: 'string' },
] as const;
const DERIVED = [
  { id: 'age', title: t('age'), derivation: 'fullYearsSince', fact: 'd' },
  { id: 'since', title: t('since'), derivation: 'fullMonthsSince', fact: 'e' },
  { id: 'span', title: t('span'), derivation: 'fullMonthsBetween', fact: 'd', until: 'e' },
  { id: 'cnt', title: t('cnt'), derivation: 'count', fact: 'l' },
] as const;

const numberValue = fc.constantFrom(0, 1, 3, 12, 40, 41, 55, 60, 61, 119.5, 120, -2);
const scalarValue = fc.oneof(numberValue, fc.constantFrom(...ENUM, ...LIST, ...DATES, 'q', true, false));
const conditionValue = fc.oneof(
  { weight: 3, arbitrary: scalarValue },
  { weight: 2, arbitrary: fc.array(scalarValue, { minLength: 1, maxLength: 3 }) },
);

function leaf(facts: readonly string[]): fc.Arbitrary<Condition> {
  return fc
    .record({
      fact: fc.constantFrom(...facts),
      operator: fc.constantFrom(...OPERATORS),
      value: conditionValue,
      path: fc.option(fc.constantFrom('$[0]', '$[1]', '$.length', '$.a'), { freq: 8, nil: undefined }),
    })
    .map(({ path, ...rest }) => (path === undefined ? rest : { ...rest, path }));
}

function condition(facts: readonly string[]): fc.Arbitrary<Condition> {
  const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: leaf(facts) },
      { weight: 1, arbitrary: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
      { weight: 1, arbitrary: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie('tree').map((not) => ({ not })) },
    ),
  }));
  return tree;
}

const topLevel = (facts: readonly string[]) =>
  fc.oneof(
    fc.array(condition(facts), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(condition(facts), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    condition(facts).map((not) => ({ not })),
  );

const points = fc.integer({ min: 1, max: 4000 }).map((h) => h / 100);
const INDICATOR_FACTS = [...FACTS.map((f) => f.id), ...DERIVED.map((d) => d.id), 'ghost'];
const numericFact = fc.constantFrom('n', 'm', 'age', 'since', 'span', 'cnt', 'k', 'ghost');

function indicator(i: number): fc.Arbitrary<Record<string, unknown>> {
  const base = {
    id: fc.constant(`i${i}`),
    title: fc.constant(t(`indicator ${i}`)),
    reference: fc.constant(ref),
    group: fc.constantFrom('g1', 'g2', 'g2', 'nowhere'),
    category: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
  };
  const gate = fc.option(topLevel(INDICATOR_FACTS), { freq: 2, nil: undefined });
  // Band edges from the same pool as the values, so residents land on them.
  const edge = fc.oneof(numberValue, fc.integer({ min: 0, max: 70 }));
  const band = fc.record({
    min: fc.option(edge, { nil: undefined }),
    max: fc.option(edge, { nil: undefined }),
    points,
    step: fc.option(fc.constantFrom(-1, 0.5, -0.25, 2), { nil: undefined }),
  });
  return fc.oneof(
    fc.record({ ...base, kind: fc.constant('fixed'), conditions: topLevel(INDICATOR_FACTS), points }),
    fc.record({
      ...base,
      kind: fc.constant('tiers'),
      conditions: gate,
      tiers: fc.array(fc.record({ title: fc.constant(t('tier')), points, conditions: topLevel(INDICATOR_FACTS) }), { minLength: 1, maxLength: 3 }).map((tiers) =>
        tiers.map((tier, k) => ({ ...tier, id: `t${k}` })),
      ),
    }),
    fc.record({ ...base, kind: fc.constant('rate'), conditions: gate, fact: numericFact, per: fc.constantFrom(1, 1, 3, 0.5), points, cap: points }),
    fc.record({ ...base, kind: fc.constant('bands'), conditions: gate, fact: numericFact, bands: fc.array(band, { minLength: 1, maxLength: 3 }) }),
    fc.record({ ...base, kind: fc.constant('deduction'), conditions: gate, fact: fc.option(numericFact, { nil: undefined }), points, cap: points }),
    fc.record({ ...base, kind: fc.constant('veto'), conditions: topLevel(INDICATOR_FACTS) }),
  );
}

/** A resolved rule set with random facts defaults, indicators of every kind and scenarios reading scores. */
export const arbitraryRuleSet: fc.Arbitrary<ResolvedRuleSet> = fc
  .record({
    defaults: fc.record({ n: fc.option(numberValue, { nil: undefined }), b: fc.option(fc.boolean(), { nil: undefined }), k: fc.option(fc.constantFrom(...ENUM), { nil: undefined }) }),
    caps: fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 20000 })),
    indicators: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => indicator(i)))),
  })
  .chain(({ defaults, caps, indicators }) => {
    const scoreFacts = ['score.total', 'vetoed', 'score.group.g1', 'score.group.g2', 'score.category.c1', 'score.category.c2', ...indicators.map((i) => `score.indicator.${String(i.id)}`)];
    const scenario = (k: number) =>
      fc.record({
        id: fc.constant(`s${k}`),
        title: fc.constant(t(`scenario ${k}`)),
        department: fc.constant('d'),
        reference: fc.constant(ref),
        bar: fc.integer({ min: 0, max: 8000 }).map((h) => h / 100),
        places: fc.integer({ min: 0, max: 5 }),
        eligibility: fc.option(topLevel([...scoreFacts, ...INDICATOR_FACTS]), { nil: undefined }),
        counted: fc.option(fc.subarray(indicators.map((i) => String(i.id)), { minLength: 1 }), { nil: undefined }),
      });
    return fc.tuple(fc.constant({ defaults, caps, indicators }), fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => scenario(k)))));
  })
  .map(([{ defaults, caps, indicators }, scenarios]) => {
    const doc: RuleSetInput = {
      id: 'generated',
      version: 1,
      effectiveFrom: '2025-01-01',
      title: t('generated'),
      owner: 'test',
      reference: ref,
      facts: FACTS.map((f) => {
        const def = defaults[f.id as keyof typeof defaults];
        return { ...f, title: t(f.id), ...(def === undefined ? {} : { default: def }) } as never;
      }),
      derived: DERIVED.map((d) => ({ ...d })),
      groups: [
        { id: 'g1', title: t('g1'), cap: caps[0] / 100, reference: ref },
        { id: 'g2', title: t('g2'), cap: caps[1] / 100, reference: ref },
      ],
      indicators: indicators as never,
      scenarios: scenarios as never,
    };
    return resolveRuleSet(ruleSetSchema.parse(JSON.parse(JSON.stringify(doc))), []);
  });

const factValue: Record<string, fc.Arbitrary<FactValue>> = {
  n: fc.oneof(numberValue, fc.integer({ min: 0, max: 200 })),
  m: fc.oneof(numberValue, fc.integer({ min: 0, max: 20000 }).map((h) => h / 100)),
  d: fc.constantFrom(...DATES),
  e: fc.constantFrom(...DATES),
  b: fc.boolean(),
  k: fc.constantFrom(...ENUM),
  l: fc.subarray(LIST),
  s: fc.constantFrom('q', 'a', ''),
};
// Now and then a value of another type than the fact's, which operators must refuse alike.
const wrongValue: fc.Arbitrary<FactValue> = fc.constantFrom('12', 7, true, ['a'], '2026-06-30');

/** A resident's facts for `arbitraryRuleSet`: each fact present, absent, or (rarely) of the wrong type. */
export const arbitraryFacts: fc.Arbitrary<Facts> = fc
  .tuple(...Object.entries(factValue).map(([id, value]) => fc.option(fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: wrongValue }), { freq: 4, nil: undefined }).map((v) => [id, v] as const)))
  .map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Facts);
