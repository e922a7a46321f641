import { isFactCondition, type Condition, type FactCondition } from '../rule-set/condition';
import type { Text } from '../rule-set/schema';
import { OPERATOR_SYMBOLS } from '../scoring/operators';

/** What rendering needs of a fact: its title, unit and (for enums) the titles of its values. */
export interface FactLike {
  id: string;
  title: Text;
  unit?: Text;
  values?: readonly { id: string; title: Text }[];
}

export type FactCatalog = ReadonlyMap<string, FactLike>;

/**
 * Indexes facts by id; later lists win. Give groups and indicators to name the computed facts scenario
 * conditions read (`score.group.<id>`, `score.indicator.<id>`).
 */
export function factCatalog(
  facts: readonly (readonly FactLike[] | undefined)[],
  scored: { groups?: readonly { id: string; title: Text }[]; indicators?: readonly { id: string; title: Text }[] } = {},
): FactCatalog {
  const catalog = new Map<string, FactLike>([
    ['score.total', { id: 'score.total', title: { zh: '总积分', en: 'total score' } }],
    ['vetoed', { id: 'vetoed', title: { zh: '一票否决', en: 'vetoed' } }],
  ]);
  for (const [kind, list] of [['group', scored.groups], ['indicator', scored.indicators]] as const) {
    for (const named of list ?? []) {
      const id = `score.${kind}.${named.id}`;
      catalog.set(id, { id, title: { zh: `${named.title.zh}得分`, en: `${named.title.en} score` } });
    }
  }
  for (const list of facts) for (const fact of list ?? []) catalog.set(fact.id, fact);
  return catalog;
}

/**
 * A condition as staff read it, in Chinese and English, with fact titles and enum value titles.
 *
 * @example
 * describeCondition({ all: [{ fact: 'socialInsuranceMonths', operator: 'greaterThanInclusive', value: 12 }, …] }, facts);
 * // { zh: '社保缴纳月数 ≥ 12 月 且 …', en: 'social insurance months ≥ 12 months and …' }
 */
export function describeCondition(condition: Condition, facts: FactCatalog | readonly FactLike[]): Text {
  const catalog = isCatalog(facts) ? facts : factCatalog([facts]);
  return render(condition, catalog, true);
}

function render(condition: Condition, catalog: FactCatalog, top: boolean): Text {
  if (isFactCondition(condition)) return leaf(condition, catalog);
  if ('not' in condition) {
    const inner = render(condition.not, catalog, true);
    return { zh: `非（${inner.zh}）`, en: `not (${inner.en})` };
  }
  const [items, zhJoin, enJoin] = 'all' in condition ? [condition.all, ' 且 ', ' and '] : [condition.any, ' 或 ', ' or '];
  const parts = items.map((c) => render(c, catalog, false));
  if (parts.length === 1) return parts[0]!;
  const joined = { zh: parts.map((p) => p.zh).join(zhJoin), en: parts.map((p) => p.en).join(enJoin) };
  return top ? joined : { zh: `（${joined.zh}）`, en: `(${joined.en})` };
}

function leaf(c: FactCondition, catalog: FactCatalog): Text {
  const fact = catalog.get(c.fact);
  const title = fact?.title ?? { zh: c.fact, en: c.fact };
  const symbol = OPERATOR_SYMBOLS[c.operator];
  const path = c.path ?? '';
  return {
    zh: `${title.zh}${path} ${symbol.zh} ${value(c.value, fact, 'zh')}`,
    en: `${title.en}${path} ${symbol.en} ${value(c.value, fact, 'en')}`,
  };
}

function value(v: unknown, fact: FactLike | undefined, lang: 'zh' | 'en'): string {
  if (Array.isArray(v)) return `[${v.map((x) => value(x, fact, lang)).join(lang === 'zh' ? '、' : ', ')}]`;
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'number' && fact?.unit) return `${v} ${lang === 'en' ? plural(fact.unit.en, v) : fact.unit.zh}`;
  const named = typeof v === 'string' ? fact?.values?.find((x) => x.id === v) : undefined;
  return named ? named.title[lang] : String(v);
}

function plural(unit: string, n: number): string {
  return n === 1 || unit.endsWith('s') ? unit : `${unit}s`;
}

function isCatalog(facts: FactCatalog | readonly FactLike[]): facts is FactCatalog {
  return facts instanceof Map;
}
