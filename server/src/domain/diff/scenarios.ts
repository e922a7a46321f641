import type { Scenario, TieBreaker } from '../rule-set/schema';
import { change, titleOf, type DiffContext } from './context';
import { conditionChange } from './indicators';
import { fromTo, same, show } from './text';
import type { ChangeTarget, PolicyChange } from './types';

/** Policy changes between two versions of one scenario (same id). `path` points at it in the new document. */
export function scenarioChanges(a: Scenario, b: Scenario, path: string, ctx: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const target: ChangeTarget = { type: 'scenario', id: b.id, title: b.title };
  if (a.bar !== b.bar) out.push(change('bar-changed', target, `${path}/bar`, fromTo({ zh: '分数线', en: 'bar' }, a.bar, b.bar), { before: a.bar, after: b.bar }));
  if (a.places !== b.places) {
    out.push(change('places-changed', target, `${path}/places`, fromTo({ zh: '名额', en: 'places' }, a.places, b.places), { before: a.places, after: b.places }));
  }
  if (!same(a.counted, b.counted)) out.push(countedChange(a, b, target, path, ctx));
  if (!same(a.eligibility, b.eligibility)) {
    out.push(conditionChange(target, `${path}/eligibility`, a.eligibility, b.eligibility, ctx, 'eligibility-changed'));
  }
  if (!same(a.tieBreakers, b.tieBreakers)) {
    const list = (s: Scenario, lang: 'zh' | 'en') => (s.tieBreakers.length === 0 ? show(undefined, lang) : s.tieBreakers.map((t) => tieBreaker(t, ctx, lang)).join(lang === 'zh' ? '，' : ', then '));
    const what = { zh: `同分排序 ${list(a, 'zh')} → ${list(b, 'zh')}`, en: `tie-breakers ${list(a, 'en')} → ${list(b, 'en')}` };
    out.push(change('tie-breakers-changed', target, `${path}/tieBreakers`, what, { before: a.tieBreakers, after: b.tieBreakers }));
  }
  for (const field of ['title', 'department', 'description', 'reference', 'childRelated'] as const) {
    if (same(a[field], b[field])) continue;
    const name = { zh: FIELD_ZH[field], en: field === 'childRelated' ? 'spouse rule (child-related)' : field };
    out.push(change('scenario-changed', target, `${path}/${field}`, fromTo(name, a[field], b[field]), { before: a[field], after: b[field], field }));
  }
  return out;
}

function countedChange(a: Scenario, b: Scenario, target: ChangeTarget, path: string, ctx: DiffContext): PolicyChange {
  const all = { zh: '全部指标', en: 'all indicators' };
  const names = (ids: readonly string[], lang: 'zh' | 'en') => ids.map((id) => titleOf(ctx.indicators, id)[lang]).join(lang === 'zh' ? '、' : ', ');
  let what;
  if (a.counted && b.counted) {
    const added = b.counted.filter((id) => !a.counted!.includes(id));
    const removed = a.counted.filter((id) => !b.counted!.includes(id));
    const zh = [added.length ? `新增 ${names(added, 'zh')}` : '', removed.length ? `移除 ${names(removed, 'zh')}` : ''].filter(Boolean);
    const en = [added.length ? `added ${names(added, 'en')}` : '', removed.length ? `removed ${names(removed, 'en')}` : ''].filter(Boolean);
    what = { zh: `计分指标${zh.length ? ' ' + zh.join('，') : '顺序调整'}`, en: `counted indicators${en.length ? ' ' + en.join('; ') : ' reordered'}` };
  } else {
    const list = (c: readonly string[] | undefined, lang: 'zh' | 'en') => (c ? names(c, lang) : all[lang]);
    what = { zh: `计分指标 ${list(a.counted, 'zh')} → ${list(b.counted, 'zh')}`, en: `counted indicators ${list(a.counted, 'en')} → ${list(b.counted, 'en')}` };
  }
  return change('counted-changed', target, `${path}/counted`, what, { before: a.counted ?? 'all', after: b.counted ?? 'all' });
}

function tieBreaker(t: TieBreaker, ctx: DiffContext, lang: 'zh' | 'en'): string {
  let name: string;
  if (t.by === 'group') name = `${titleOf(ctx.groups, t.group)[lang]}${lang === 'zh' ? '得分' : ' score'}`;
  else if (t.by === 'indicator') name = `${titleOf(ctx.indicators, t.indicator)[lang]}${lang === 'zh' ? '得分' : ' points'}`;
  else if (t.by === 'category') name = lang === 'zh' ? `${t.category} 类积分` : `${t.category} points`;
  else name = (ctx.facts.get(t.fact)?.title ?? { zh: t.fact, en: t.fact })[lang];
  const high = t.order === 'desc';
  return lang === 'zh' ? `${name}${high ? '高者优先' : '早（小）者优先'}` : `${name} ${high ? 'higher first' : 'earlier (lower) first'}`;
}

const FIELD_ZH = { title: '名称', department: '主管部门', description: '说明', reference: '政策依据', childRelated: '就高原则（涉及子女）' } as const;
