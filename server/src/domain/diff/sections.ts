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
      .map((k) => {
        const fields = changedFields(k.before, k.after).join(', ');
        return change(kinds.changed, target(k.after), `/${list}/${k.afterIndex}`, { zh: `修改了 ${fields}`, en: `changed ${fields}` }, { before: k.before, after: k.after });
      }),
  ];
}

/** The top-level keys whose values differ. */
export function changedFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
