import canonicalize from 'canonicalize';
import type { Text } from '../rule-set/schema';
import type { ChangeTarget, ChangeTargetType } from './types';

const TYPE_NAMES: Record<ChangeTargetType, Text> = {
  'rule-set': { zh: '规则集', en: 'Rule set' },
  include: { zh: '引用规则集', en: 'Included rule set' },
  fact: { zh: '数据项', en: 'Fact' },
  group: { zh: '分组', en: 'Group' },
  indicator: { zh: '指标', en: 'Indicator' },
  scenario: { zh: '应用场景', en: 'Scenario' },
  benefit: { zh: '兑换项目', en: 'Benefit' },
  case: { zh: '测试用例', en: 'Test case' },
};

const PART_NAMES = { tier: { zh: '档次', en: 'tier' }, band: { zh: '区间', en: 'band' } } as const;

/** `Indicator "Education" (education)` / `指标「学历」(education)`, with its part when there is one. */
export function targetLabel(target: ChangeTarget): Text {
  const type = TYPE_NAMES[target.type];
  const zh = target.title ? `${type.zh}「${target.title.zh}」(${target.id})` : `${type.zh} ${target.id}`;
  const en = target.title ? `${type.en} "${target.title.en}" (${target.id})` : `${type.en} ${target.id}`;
  if (!target.part) return { zh, en };
  const part = PART_NAMES[target.part.type];
  const name = target.part.title ?? { zh: target.part.id, en: target.part.id };
  return { zh: `${zh}：${part.zh}「${name.zh}」`, en: `${en}: ${part.en} "${name.en}"` };
}

/** The target's label followed by what happened to it. */
export function sentence(target: ChangeTarget, what: Text): Text {
  const label = targetLabel(target);
  return { zh: `${label.zh}：${what.zh}`, en: `${label.en}: ${what.en}` };
}

/** "points 10 → 12" in both languages; `name` is the changed thing's name. */
export function fromTo(name: Text, before: unknown, after: unknown): Text {
  return { zh: `${name.zh} ${show(before, 'zh')} → ${show(after, 'zh')}`, en: `${name.en} ${show(before, 'en')} → ${show(after, 'en')}` };
}

/** A value as a short readable string. */
export function show(value: unknown, lang: 'zh' | 'en'): string {
  if (value === undefined || value === null) return lang === 'zh' ? '（无）' : '(none)';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isText(value)) return value[lang];
  if (Array.isArray(value)) return `[${value.map((v) => show(v, lang)).join(', ')}]`;
  return canonicalize(value) ?? String(value);
}

/** Equal as JSON (key order ignored). */
export function same(a: unknown, b: unknown): boolean {
  return a === b || canonicalize(a) === canonicalize(b);
}

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'zh' in value && 'en' in value && Object.keys(value).length === 2;
}
