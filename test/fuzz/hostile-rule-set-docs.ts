import type { ResolvedRuleSet } from '../../server/src/domain/scoring/types';
import { tinyRuleSet } from '../support/data/rule-set-docs';

/**
 * Rule-set documents an attacker (or a careless paste) could send to the validator: deep, wide, huge,
 * regex-like, prototype-named. The hostile-rule-sets test checks what each one gets; `npm run bench` times
 * validating and scoring them.
 */

/** A rule-set document as JSON: hostile ones are not valid `RuleSetInput`s, by design. */
export type Doc = Record<string, unknown>;
const leaf = (value: unknown = 12) => ({ fact: 'residenceMonths', operator: 'greaterThanInclusive', value });

/** `{all: [{all: [… leaf …]}]}`, `depth` levels. */
function nestedConditions(depth: number): unknown {
  let condition: unknown = leaf();
  for (let i = 0; i < depth; i++) condition = { all: [condition] };
  return condition;
}

/** The same as JSON text, for depths that `JSON.stringify` itself cannot take. */
function deeplyNestedDocument(depth: number): string {
  const doc = JSON.stringify(withIndicator({ id: 'deep', kind: 'fixed', points: 1, conditions: '<deep>' }));
  return doc.replace('"<deep>"', `${'{"all":['.repeat(depth)}${JSON.stringify(leaf())}${']}'.repeat(depth)}`);
}

function withIndicator(indicator: Record<string, unknown>, extra: Doc = {}): Doc {
  const doc = tinyRuleSet();
  return { ...doc, indicators: [...(doc.indicators ?? []), { group: 'main', title: { zh: '测', en: 'Test' }, reference: { document: 'T' }, ...indicator }], ...extra };
}

const tiers = (n: number, conditions: unknown = { all: [leaf()] }) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, title: { zh: `档${i}`, en: `Tier ${i}` }, points: n - i, conditions }));

/** Hostile documents: refused with a problem at the path matched, or (null) accepted and then scored safely. */
export const HOSTILE: [string, Doc | string, RegExp | null][] = [
  // Refused while the body is read, before it is parsed: the path names it inside the request (`document.…`).
  ['conditions nested 100,000 deep', deeplyNestedDocument(100_000), /^document\.indicators\.2\.conditions/],
  ['conditions nested one level too deep', withIndicator({ id: 'deep', kind: 'fixed', points: 1, conditions: nestedConditions(9) }), /^indicators\.2\.conditions/],
  ['20,000 tiers', withIndicator({ id: 'many', kind: 'tiers', tiers: tiers(20_000) }), /^indicators\.2\.tiers/],
  ['the most tiers allowed, each with 100 conditions', withIndicator({ id: 'many', kind: 'tiers', tiers: tiers(50, { all: Array.from({ length: 100 }, (_, i) => leaf(i)) }) }), null],
  ['100 × 100 conditions', withIndicator({ id: 'wide', kind: 'fixed', points: 1, conditions: { any: Array.from({ length: 100 }, () => ({ all: Array.from({ length: 100 }, (_, i) => leaf(i)) })) } }), null],
  ['regex-like ids', withIndicator({ id: '(a+)+$', kind: 'fixed', points: 1, conditions: { all: [leaf()] } }), /^indicators\.2\.id/],
  [
    'regex-like titles and values',
    {
      ...withIndicator({
        id: 'regexy',
        kind: 'fixed',
        points: 1,
        title: { zh: '^(a|a)*$', en: '(.*){1,32000}[bc]' },
        conditions: { any: [{ fact: 'employer', operator: 'in', value: ['(a+)+$', '.*', 'a'.repeat(200)] }, { fact: 'employer', operator: 'notEqual', value: '^(a|a)*$' }] },
      }),
      facts: [...tinyRuleSet().facts!, { id: 'employer', type: 'string', title: { zh: '单位', en: 'Employer' } }],
    },
    null,
  ],
  ['prototype keys as ids', withIndicator({ id: '__proto__', kind: 'fixed', points: 1, conditions: { all: [{ fact: 'constructor', operator: 'equal', value: 1 }] } }), /^indicators\.2\./],
  [
    'prototype names as facts',
    {
      ...withIndicator({ id: 'proto', kind: 'fixed', points: 1, conditions: { all: [{ fact: 'toString', operator: 'equal', value: 1 }] } }),
      facts: [...tinyRuleSet().facts!, { id: 'toString', type: 'integer', title: { zh: '原型', en: 'Proto' } }, { id: 'hasOwnProperty', type: 'integer', title: { zh: '原型', en: 'Proto' } }],
    },
    /^facts\.2\.id/,
  ],
  ['points near the largest number', withIndicator({ id: 'huge', kind: 'fixed', points: 1.7976931348623157e308, conditions: { all: [leaf()] } }), /^indicators\.2\.points/],
  ['tiers out of order', withIndicator({ id: 'order', kind: 'tiers', tiers: [...tiers(3)].reverse() }), /^indicators\.2\.tiers/],
];

/** Facts for every declared integer fact (hostile names included), and a birth date. */
export function factsFor(rs: ResolvedRuleSet): Record<string, unknown> {
  const out: Record<string, unknown> = { birthDate: '1990-01-01' };
  for (const f of rs.facts.values()) {
    if (f.type === 'integer') out[f.id] = 40;
    // Input a regex engine would take exponential time over, were a value ever used as a pattern.
    if (f.type === 'string') out[f.id] = `${'a'.repeat(64)}!`;
  }
  return out;
}
