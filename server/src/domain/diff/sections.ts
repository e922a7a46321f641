import type { RuleSet, Text } from '../rule-set/schema';
import { change } from './context';
import { matchBy } from './match';
import { fromTo, same } from './text';
import type { ChangeTarget, PolicyChange } from './types';

/** Changes to the rule set's own metadata. Version numbers always differ between versions, so they are left out. */
export function metadataChanges(a: RuleSet, b: RuleSet): PolicyChange[] {
  const target: ChangeTarget = { type: 'rule-set', id: b.id, title: b.title };
  const names: Record<string, string> = { id: '标识', title: '名称', description: '说明', owner: '制定单位', reference: '政策依据', effectiveFrom: '生效日期' };
  return (['id', 'title', 'description', 'owner', 'reference', 'effectiveFrom'] as const)
    .filter((field) => !same(a[field], b[field]))
    .map((field) => change('metadata-changed', target, `/${field}`, fromTo({ zh: names[field]!, en: field }, a[field], b[field]), { before: a[field], after: b[field], field }));
}

/** Included rule sets, matched by rule-set id. */
export function includeChanges(a: RuleSet, b: RuleSet): PolicyChange[] {
  const m = matchBy(a.includes ?? [], b.includes ?? [], (i) => i.ruleSetId);
  const target = (id: string): ChangeTarget => ({ type: 'include', id });
  return [
    ...m.removed.map(({ item, index }) => change('include-removed', target(item.ruleSetId), `/includes/${index}`, { zh: `不再引用（原版本 ${item.version}）`, en: `no longer included (was version ${item.version})` }, { before: item })),
    ...m.added.map(({ item, index }) => change('include-added', target(item.ruleSetId), `/includes/${index}`, { zh: `引用版本 ${item.version}`, en: `included at version ${item.version}` }, { after: item })),
    ...m.kept
      .filter((k) => k.before.version !== k.after.version)
      .map((k) => change('include-changed', target(k.after.ruleSetId), `/includes/${k.afterIndex}/version`, fromTo({ zh: '版本', en: 'version' }, k.before.version, k.after.version), { before: k.before.version, after: k.after.version })),
  ];
}

type Named = { id: string; title: Text | string };
type Kinds = { added: PolicyChange['kind']; removed: PolicyChange['kind']; changed: PolicyChange['kind'] };

/**
 * Added, removed and changed items of an id-keyed list, when a change is reported as a whole item
 * (facts, cases). The sentence names the fields that changed.
 */
export function itemChanges<T extends Named>(list: string, type: ChangeTarget['type'], a: readonly T[], b: readonly T[], kinds: Kinds): PolicyChange[] {
  const m = matchBy(a, b);
  const target = (item: T): ChangeTarget => ({ type, id: item.id, title: typeof item.title === 'string' ? { zh: item.title, en: item.title } : item.title });
  return [
    ...m.removed.map(({ item, index }) => change(kinds.removed, target(item), `/${list}/${index}`, { zh: '已删除', en: 'removed' }, { before: item })),
    ...m.added.map(({ item, index }) => change(kinds.added, target(item), `/${list}/${index}`, { zh: '新增', en: 'added' }, { after: item })),
    ...m.kept
      .filter((k) => !same(k.before, k.after))
      .map((k) => change(kinds.changed, target(k.after), `/${list}/${k.afterIndex}`, fieldChanges(k.before, k.after), { before: k.before, after: k.after })),
  ];
}

/** Staff's words for the fields of facts and test cases. */
const FIELD_NAMES: Record<string, string> = {
  title: '名称',
  description: '说明',
  type: '类型',
  min: '最小值',
  max: '最大值',
  default: '默认值',
  values: '选项',
  unit: '单位',
  bounds: '取值限制',
  fact: '依据数据项',
  derivation: '计算方式',
  until: '截止数据项',
  asOf: '评分日',
  facts: '事实',
  expect: '预期结果',
  scope: '适用范围',
};
/** A value shown in full when it is this short; a longer one is named as changed. */
const SHORT = 80;

/**
 * What changed in an item, field by field, with the values where they are short enough to read — `最大值
 * 1200 → 600；取值限制 ≤ 1200 → ≤ 1000` — and one level into an object (`预期结果 total 22 → 24`).
 */
export function fieldChanges(before: object, after: object): Text {
  const parts = changedFields(before, after).flatMap((field) => {
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    const name = { zh: FIELD_NAMES[field] ?? field, en: field };
    if (isPlainObject(a) && isPlainObject(b)) {
      return changedFields(a, b).map((key) => readable({ zh: `${name.zh} ${key}`, en: `${name.en} ${key}` }, a[key], b[key]));
    }
    return [readable(name, field === 'bounds' ? boundsText(a) : a, field === 'bounds' ? boundsText(b) : b)];
  });
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

function readable(name: Text, before: unknown, after: unknown): Text {
  const text = fromTo(name, before, after);
  return text.zh.length <= name.zh.length + 2 * SHORT ? text : { zh: `修改了 ${name.zh}`, en: `changed ${name.en}` };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fact's bounds in a few words each (`≤ 1200`, `不晚于评分日`), their reasons left to the full view. */
function boundsText(bounds: unknown): Text | undefined {
  if (!Array.isArray(bounds)) return undefined;
  const words = bounds.map((b: { kind?: string; value?: number; date?: string; fact?: string; afterYears?: number }) => {
    switch (b.kind) {
      case 'min':
        return { zh: `≥ ${b.value}`, en: `≥ ${b.value}` };
      case 'max':
        return { zh: `≤ ${b.value}`, en: `≤ ${b.value}` };
      case 'notAfterAsOf':
        return { zh: '不晚于评分日', en: 'not after the evaluation date' };
      case 'notBefore':
        return { zh: `不早于 ${b.date}`, en: `not before ${b.date}` };
      case 'maxMonthsSince':
        return { zh: `不超过自 ${b.fact}${b.afterYears ? ` 后 ${b.afterYears} 年` : ''}起的整月数`, en: `at most the months since ${b.fact}${b.afterYears ? ` + ${b.afterYears} years` : ''}` };
      default:
        return { zh: String(b.kind), en: String(b.kind) };
    }
  });
  return { zh: words.map((w) => w.zh).join('，') || '（无）', en: words.map((w) => w.en).join(', ') || '(none)' };
}

/** The top-level keys whose values differ. */
export function changedFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
