import type { Operation } from 'rfc6902';
import type { Benefit, Group, RuleSet, Text } from '../rule-set/schema';
import type { ResolvedRuleSet } from '../scoring/types';
import { change, type DiffContext } from './context';
import { factCatalog, type FactLike } from './describe-condition';
import { indicatorChanges } from './indicators';
import { ruleSetPatch } from './json-patch';
import { matchBy } from './match';
import { scenarioChanges } from './scenarios';
import { includeChanges, itemChanges, metadataChanges } from './sections';
import { fromTo, same } from './text';
import type { ChangeTarget, PolicyChange } from './types';

export interface RuleSetDiff {
  /** The changes in policy terms, in document order: metadata, includes, facts, groups, indicators, scenarios, benefits, cases. */
  changes: PolicyChange[];
  /** RFC 6902 JSON Patch that turns `from` into `to`. */
  patch: Operation[];
}

export interface DiffOptions {
  /** Titles from included rule sets, so conditions and lists that use them read well. */
  included?: {
    facts?: readonly FactLike[];
    groups?: readonly { id: string; title: Text }[];
    indicators?: readonly { id: string; title: Text }[];
  };
}

/**
 * What changed between two versions of a rule set (or a version and a draft), in policy terms and as a
 * JSON Patch. Items are matched by id, never by position.
 *
 * @example
 * diffRuleSets(v3, v4).changes[0].text.en;
 * // 'Indicator "Education" (education): tier "Bachelor or above" (bachelor) points 10 → 12'
 */
export function diffRuleSets(from: RuleSet, to: RuleSet, options: DiffOptions = {}): RuleSetDiff {
  const inc = options.included ?? {};
  const groups = [...(inc.groups ?? []), ...list(from.groups), ...list(to.groups)];
  const indicators = [...(inc.indicators ?? []), ...list(from.indicators), ...list(to.indicators)];
  const ctx: DiffContext = {
    facts: factCatalog([inc.facts, list(from.facts), list(from.derived), list(to.facts), list(to.derived)], { groups, indicators }),
    groups: new Map(groups.map((g) => [g.id, g.title])),
    indicators: new Map(indicators.map((i) => [i.id, i.title])),
  };
  const changes: PolicyChange[] = [
    ...metadataChanges(from, to),
    ...includeChanges(from, to),
    ...itemChanges('facts', 'fact', list(from.facts), list(to.facts), FACT_KINDS),
    ...itemChanges('derived', 'fact', list(from.derived), list(to.derived), FACT_KINDS),
    ...groupChanges(list(from.groups), list(to.groups)),
    ...keyed('indicators', list(from.indicators), list(to.indicators), 'indicator', (a, b, path) => indicatorChanges(a, b, path, ctx)),
    ...keyed('scenarios', list(from.scenarios), list(to.scenarios), 'scenario', (a, b, path) => scenarioChanges(a, b, path, ctx)),
    ...benefitChanges(list(from.benefits), list(to.benefits), ctx),
    ...itemChanges('cases', 'case', list(from.cases), list(to.cases), { added: 'case-added', removed: 'case-removed', changed: 'case-changed' }),
  ];
  return { changes, patch: ruleSetPatch(from, to) };
}

/**
 * The titles of a resolved rule set (its includes' facts, groups and indicators too), for `included`.
 *
 * @example
 * diffRuleSets(v1, v2, { included: titlesOf(resolvedV2) });
 */
export function titlesOf(resolved: ResolvedRuleSet): NonNullable<DiffOptions['included']> {
  return { facts: [...resolved.facts.values(), ...resolved.derived], groups: resolved.groups, indicators: resolved.indicators };
}

const BENEFIT_ZH = { title: '名称', indicator: '扣减指标', reference: '政策依据' } as const;
const FACT_KINDS = { added: 'fact-added', removed: 'fact-removed', changed: 'fact-changed' } as const;

// Drafts read back from storage may lack defaulted lists.
function list<T>(items: readonly T[] | undefined): readonly T[] {
  return items ?? [];
}

type Titled = { id: string; title: Text };

function keyed<T extends Titled>(
  name: 'indicators' | 'scenarios',
  a: readonly T[],
  b: readonly T[],
  type: 'indicator' | 'scenario',
  changed: (a: T, b: T, path: string) => PolicyChange[],
): PolicyChange[] {
  const m = matchBy(a, b);
  const target = (item: T): ChangeTarget => ({ type, id: item.id, title: item.title });
  const word = type === 'indicator' ? { zh: '指标', en: 'indicator' } : { zh: '场景', en: 'scenario' };
  return [
    ...m.removed.map(({ item, index }) => change(`${type}-removed`, target(item), `/${name}/${index}`, { zh: `删除${word.zh}`, en: `${word.en} removed` }, { before: item })),
    ...m.added.map(({ item, index }) => change(`${type}-added`, target(item), `/${name}/${index}`, { zh: `新增${word.zh}`, en: `${word.en} added` }, { after: item })),
    ...m.kept.flatMap((k) => changed(k.before, k.after, `/${name}/${k.afterIndex}`)),
  ];
}

function groupChanges(a: readonly Group[], b: readonly Group[]): PolicyChange[] {
  const m = matchBy(a, b);
  const target = (g: Group): ChangeTarget => ({ type: 'group', id: g.id, title: g.title });
  return [
    ...m.removed.map(({ item, index }) => change('group-removed', target(item), `/groups/${index}`, { zh: '删除分组', en: 'group removed' }, { before: item })),
    ...m.added.map(({ item, index }) => change('group-added', target(item), `/groups/${index}`, { zh: `新增分组，封顶 ${item.cap} 分`, en: `group added, capped at ${item.cap}` }, { after: item })),
    ...m.kept.flatMap(({ before, after, afterIndex }) => {
      const out: PolicyChange[] = [];
      const path = `/groups/${afterIndex}`;
      if (before.cap !== after.cap) out.push(change('group-cap-changed', target(after), `${path}/cap`, fromTo({ zh: '封顶', en: 'cap' }, before.cap, after.cap), { before: before.cap, after: after.cap }));
      for (const field of ['title', 'reference'] as const) {
        if (!same(before[field], after[field])) {
          const name = { zh: field === 'title' ? '名称' : '政策依据', en: field };
          out.push(change('group-changed', target(after), `${path}/${field}`, fromTo(name, before[field], after[field]), { before: before[field], after: after[field], field }));
        }
      }
      return out;
    }),
  ];
}

function benefitChanges(a: readonly Benefit[], b: readonly Benefit[], ctx: DiffContext): PolicyChange[] {
  const m = matchBy(a, b);
  const target = (x: Benefit): ChangeTarget => ({ type: 'benefit', id: x.id, title: x.title });
  return [
    ...m.removed.map(({ item, index }) => change('benefit-removed', target(item), `/benefits/${index}`, { zh: '删除兑换项目', en: 'benefit removed' }, { before: item })),
    ...m.added.map(({ item, index }) => {
      const ind = ctx.indicators.get(item.indicator) ?? { zh: item.indicator, en: item.indicator };
      return change('benefit-added', target(item), `/benefits/${index}`, { zh: `新增：${item.cost} 分（${ind.zh}）`, en: `added: ${item.cost} points of ${ind.en}` }, { after: item });
    }),
    ...m.kept.flatMap(({ before, after, afterIndex }) => {
      const out: PolicyChange[] = [];
      const path = `/benefits/${afterIndex}`;
      if (before.cost !== after.cost) out.push(change('benefit-cost-changed', target(after), `${path}/cost`, fromTo({ zh: '所需积分', en: 'cost' }, before.cost, after.cost), { before: before.cost, after: after.cost }));
      for (const field of ['title', 'indicator', 'reference'] as const) {
        if (!same(before[field], after[field])) {
          out.push(change('benefit-changed', target(after), `${path}/${field}`, fromTo({ zh: BENEFIT_ZH[field], en: field }, before[field], after[field]), { before: before[field], after: after[field], field }));
        }
      }
      return out;
    }),
  ];
}
