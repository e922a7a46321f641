import type { Band, Indicator, Tier } from '../rule-set/schema';
import { change, type DiffContext } from './context';
import { describeCondition } from './describe-condition';
import { matchBy } from './match';
import { fromTo, same, show } from './text';
import type { ChangeTarget, PolicyChange } from './types';
import { unreachable } from '../unreachable';

/** Policy changes between two versions of one indicator (same id). `path` points at it in the new document. */
export function indicatorChanges(a: Indicator, b: Indicator, path: string, ctx: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const target: ChangeTarget = { type: 'indicator', id: b.id, title: b.title };
  if (!same(a.title, b.title)) {
    out.push(change('indicator-title-changed', target, `${path}/title`, fromTo({ zh: '名称', en: 'title' }, a.title, b.title), { before: a.title, after: b.title }));
  }
  for (const field of ['group', 'category', 'department', 'description', 'reference'] as const) {
    if (!same(a[field], b[field])) {
      const name = { zh: FIELD_ZH[field], en: field };
      out.push(change('indicator-changed', target, `${path}/${field}`, fromTo(name, a[field], b[field]), { before: a[field], after: b[field], field }));
    }
  }
  if (!same(a.ledger, b.ledger)) {
    const what = { zh: `积分账户 ${ledgerText(a.ledger, 'zh')} → ${ledgerText(b.ledger, 'zh')}`, en: `ledger ${ledgerText(a.ledger, 'en')} → ${ledgerText(b.ledger, 'en')}` };
    out.push(change('ledger-changed', target, `${path}/ledger`, what, { before: a.ledger, after: b.ledger }));
  }
  if (!same(a.conditions, b.conditions)) out.push(conditionChange(target, `${path}/conditions`, a.conditions, b.conditions, ctx));
  if (a.kind !== b.kind) {
    const what = fromTo({ zh: '计分方式', en: 'kind' }, a.kind, b.kind);
    out.push(change('indicator-kind-changed', target, `${path}/kind`, what, { before: a, after: b }));
    return out;
  }
  if ('fact' in a && 'fact' in b && a.fact !== b.fact) {
    const what = fromTo({ zh: '依据数据项', en: 'fact' }, a.fact, b.fact);
    out.push(change('indicator-changed', target, `${path}/fact`, what, { before: a.fact, after: b.fact, field: 'fact' }));
  }
  out.push(...kindChanges(a, b, target, path, ctx));
  return out;
}

/** What changed in the settings of an indicator's kind (both sides are of the same kind). */
function kindChanges(a: Indicator, b: Indicator, target: ChangeTarget, path: string, ctx: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  switch (a.kind) {
    case 'fixed':
      if (b.kind === 'fixed' && a.points !== b.points) {
        out.push(change('points-changed', target, `${path}/points`, points(a.points, b.points), { before: a.points, after: b.points }));
      }
      return out;
    case 'tiers':
      if (b.kind === 'tiers') out.push(...tierChanges(a.tiers, b.tiers, target, path, ctx));
      return out;
    case 'rate':
      if (b.kind !== 'rate') return out;
      if (a.points !== b.points || a.per !== b.per) {
        const rate = (i: typeof a) => ({ zh: `每 ${i.per} 计 ${i.points} 分`, en: `${i.points} per ${i.per}` });
        const what = { zh: `计分标准 ${rate(a).zh} → ${rate(b).zh}`, en: `rate ${rate(a).en} → ${rate(b).en}` };
        out.push(change('rate-changed', target, `${path}/points`, what, { before: { points: a.points, per: a.per }, after: { points: b.points, per: b.per } }));
      }
      if (a.cap !== b.cap) out.push(change('cap-changed', target, `${path}/cap`, cap(a.cap, b.cap), { before: a.cap, after: b.cap }));
      return out;
    case 'deduction':
      if (b.kind !== 'deduction') return out;
      if (a.points !== b.points) {
        const what = fromTo({ zh: '每次扣分', en: 'points deducted each time' }, a.points, b.points);
        out.push(change('deduction-changed', target, `${path}/points`, what, { before: a.points, after: b.points }));
      }
      if (a.cap !== b.cap) out.push(change('cap-changed', target, `${path}/cap`, cap(a.cap, b.cap), { before: a.cap, after: b.cap }));
      return out;
    case 'bands':
      if (b.kind === 'bands') out.push(...bandChanges(a.bands, b.bands, target, path));
      return out;
    case 'veto':
      // A veto has nothing but its conditions, compared above.
      return out;
    default:
      return unreachable(a, 'Diff');
  }
}

function tierChanges(a: readonly Tier[], b: readonly Tier[], indicator: ChangeTarget, path: string, ctx: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const m = matchBy(a, b);
  const at = (t: Tier): ChangeTarget => ({ ...indicator, part: { type: 'tier', id: t.id, title: t.title } });
  for (const { item, index } of m.removed) {
    out.push(change('tier-removed', at(item), `${path}/tiers/${index}`, { zh: `删除档次（${item.points} 分）`, en: `tier removed (${item.points} points)` }, { before: item }));
  }
  for (const { item, index } of m.added) {
    const when = describeCondition(item.conditions, ctx.facts);
    const what = { zh: `新增档次：${item.points} 分，条件 ${when.zh}`, en: `tier added: ${item.points} points when ${when.en}` };
    out.push(change('tier-added', at(item), `${path}/tiers/${index}`, what, { after: item }));
  }
  for (const { before, after, afterIndex } of m.kept) {
    const p = `${path}/tiers/${afterIndex}`;
    if (before.points !== after.points) out.push(change('points-changed', at(after), `${p}/points`, points(before.points, after.points), { before: before.points, after: after.points }));
    if (!same(before.conditions, after.conditions)) out.push(conditionChange(at(after), `${p}/conditions`, before.conditions, after.conditions, ctx));
    for (const field of ['title', 'reference'] as const) {
      if (!same(before[field], after[field])) {
        const what = fromTo({ zh: FIELD_ZH[field], en: field }, before[field], after[field]);
        out.push(change('tier-changed', at(after), `${p}/${field}`, what, { before: before[field], after: after[field], field }));
      }
    }
  }
  if (m.reordered) {
    const order = (tiers: readonly Tier[], lang: 'zh' | 'en') => tiers.map((t) => t.title[lang]).join(lang === 'zh' ? ' > ' : ' > ');
    const what = { zh: `档次顺序 ${order(a, 'zh')} → ${order(b, 'zh')}`, en: `tier order ${order(a, 'en')} → ${order(b, 'en')}` };
    out.push(change('tier-reordered', indicator, `${path}/tiers`, what, { before: a.map((t) => t.id), after: b.map((t) => t.id) }));
  }
  return out;
}

// Bands have no ids: they are compared in order, and a list of another length is one change.
function bandChanges(a: readonly Band[], b: readonly Band[], indicator: ChangeTarget, path: string): PolicyChange[] {
  if (a.length !== b.length) {
    const what = { zh: `分段 ${bandList(a, 'zh')} → ${bandList(b, 'zh')}`, en: `bands ${bandList(a, 'en')} → ${bandList(b, 'en')}` };
    return [change('band-changed', indicator, `${path}/bands`, what, { before: a, after: b })];
  }
  return b.flatMap((band, i) => {
    const old = a[i]!;
    if (same(old, band)) return [];
    const target: ChangeTarget = { ...indicator, part: { type: 'band', id: String(i), title: { zh: range(band), en: range(band) } } };
    const what = { zh: `${bandText(old, 'zh')} → ${bandText(band, 'zh')}`, en: `${bandText(old, 'en')} → ${bandText(band, 'en')}` };
    return [change('band-changed', target, `${path}/bands/${i}`, what, { before: old, after: band })];
  });
}

/** A condition change; `before`/`after` keep the raw conditions and the sentence shows both readably. */
export function conditionChange(target: ChangeTarget, path: string, a: unknown, b: unknown, ctx: DiffContext, kind: 'condition-changed' | 'eligibility-changed' = 'condition-changed'): PolicyChange {
  const text = (c: unknown, lang: 'zh' | 'en') => (c === undefined ? show(c, lang) : describeCondition(c as Parameters<typeof describeCondition>[0], ctx.facts)[lang]);
  const name = kind === 'eligibility-changed' ? { zh: '申请条件', en: 'eligibility' } : { zh: '条件', en: 'condition' };
  const what = { zh: `${name.zh} ${text(a, 'zh')} → ${text(b, 'zh')}`, en: `${name.en} ${text(a, 'en')} → ${text(b, 'en')}` };
  return change(kind, target, path, what, { before: a, after: b });
}

const FIELD_ZH = { group: '所属分组', category: '类别', department: '主管部门', description: '说明', reference: '政策依据', title: '名称' } as const;

const points = (a: number, b: number) => fromTo({ zh: '分值', en: 'points' }, a, b);
const cap = (a: number, b: number) => fromTo({ zh: '封顶', en: 'cap' }, a, b);

function ledgerText(l: Indicator['ledger'], lang: 'zh' | 'en'): string {
  if (!l) return show(undefined, lang);
  if (lang === 'zh') return `有效期 ${l.termYears} 年${l.exchangeable ? '，可兑换' : ''}`;
  return `valid ${l.termYears} year${l.termYears === 1 ? '' : 's'}${l.exchangeable ? ', exchangeable' : ''}`;
}

function range(band: Band): string {
  if (band.min !== undefined && band.max !== undefined) return `${band.min}–${band.max}`;
  if (band.min !== undefined) return `≥ ${band.min}`;
  if (band.max !== undefined) return `≤ ${band.max}`;
  return '*';
}

function bandText(band: Band, lang: 'zh' | 'en'): string {
  const step = band.step === undefined ? '' : lang === 'zh' ? `，每单位 ${band.step > 0 ? '+' : ''}${band.step}` : `, ${band.step > 0 ? '+' : ''}${band.step} per unit`;
  return lang === 'zh' ? `${range(band)}：${band.points} 分${step}` : `${range(band)}: ${band.points}${step}`;
}

function bandList(bands: readonly Band[], lang: 'zh' | 'en'): string {
  return bands.map((b) => bandText(b, lang)).join(lang === 'zh' ? '；' : '; ');
}
