import type { Text } from '../rule-set/schema';
import { OPERATOR_SYMBOLS } from './operators';
import type { FailedCondition, Gap, Reason, ResolvedRuleSet } from './types';

/**
 * Turns the reasons behind points into the sentences residents and staff read, in Chinese and English:
 * "59 months × 0.5 = 29.5", "45 hours, 2 points per full 10 hours: 4 whole units = 8", "tier matched: bachelor or above",
 * "condition failed: Months of residence ≥ 12 (is 8)". Facts are named by their titles in both languages, never by
 * their ids: residents and staff read these.
 */
export function explainReason(rs: ResolvedRuleSet, reason: Reason): Text {
  switch (reason.code) {
    case 'missing': {
      // A derived fact is missing because its input is: name the input the resident can provide.
      const source = rs.derived.find((d) => d.id === reason.fact)?.fact ?? reason.fact;
      return { en: `${factTitle(rs, source).en} not provided`, zh: `未提供${factTitle(rs, source).zh}` };
    }
    case 'condition-failed':
      return failedText(rs, reason.failed);
    case 'fixed':
      return { en: `conditions met: ${reason.points}`, zh: `条件符合：${reason.points} 分` };
    case 'tier':
      return { en: `tier matched: ${reason.title.en}`, zh: `符合档次：${reason.title.zh}` };
    case 'no-tier':
      return { en: 'no tier matched', zh: '未达到任何档次' };
    case 'rate': {
      const unit = rs.facts.get(reason.fact)?.unit;
      const { en, zh } = rateText(reason, unit);
      return reason.capped ? { en: `${en}, capped at ${reason.cap}`, zh: `${zh}，封顶 ${reason.cap} 分` } : { en, zh };
    }
    case 'ledger': {
      const en = `valid ledger balance: ${reason.balance} points granted when earned`;
      const zh = `有效积分余额 ${reason.balance} 分（按取得时的标准赋分）`;
      return reason.capped ? { en: `${en}, capped at ${reason.cap}`, zh: `${zh}，封顶 ${reason.cap} 分` } : { en, zh };
    }
    case 'band': {
      const range = bandRange(reason.min, reason.max);
      const title = factTitle(rs, reason.fact);
      return {
        en: `${title.en} ${reason.value} in band ${range}: ${reason.points}`,
        zh: `${title.zh} ${reason.value}（${range} 档）：${reason.points} 分`,
      };
    }
    case 'no-band':
      return { en: `${factTitle(rs, reason.fact).en} ${reason.value} is in no band: 0`, zh: `${factTitle(rs, reason.fact).zh} ${reason.value} 不在任何区间：0 分` };
    case 'deduction': {
      const en = `${reason.occurrences} × ${reason.each} = ${reason.raw} deducted`;
      const zh = `${reason.occurrences} 次 × ${reason.each} = 扣 ${reason.raw} 分`;
      return reason.capped ? { en: `${en}, capped at ${reason.cap}`, zh: `${zh}，最多扣 ${reason.cap} 分` } : { en, zh };
    }
    case 'veto':
      return reason.triggered
        ? { en: 'veto: disqualified from every scenario', zh: '一票否决：不具备任何场景资格' }
        : { en: 'no veto applies', zh: '未触发一票否决' };
  }
}

/** What stands between a resident and a scenario, as a sentence. */
export function explainGap(rs: ResolvedRuleSet, gap: Gap): Text {
  switch (gap.code) {
    case 'vetoed': {
      // What the veto is and that no score makes up for it, with the clause that lists its grounds: the
      // indicator's title alone ("一票否决") says nothing a resident can act on.
      const ref = rs.indicators.find((i) => i.id === gap.indicator)?.reference;
      const basis = ref ? (ref.clause ? `${ref.document} ${ref.clause}` : ref.document) : undefined;
      return {
        en: `disqualified by veto (${gap.title.en}): no score makes up for it${basis ? `. Basis: ${basis}` : ''}`,
        zh: `一票否决（${gap.title.zh}）：积分再高也不符合条件${basis ? `。依据：${basis}` : ''}`,
      };
    }
    case 'condition-failed':
      return failedText(rs, gap.failed);
    case 'below-bar':
      return { en: `${gap.short} points short of ${gap.bar}`, zh: `距 ${gap.bar} 分还差 ${gap.short} 分` };
  }
}

function failedText(rs: ResolvedRuleSet, failed: readonly FailedCondition[]): Text {
  if (failed.length === 0) return { en: 'condition failed', zh: '条件不符合' };
  const parts = failed.map((f) => {
    const symbol = OPERATOR_SYMBOLS[f.operator];
    const actualEn = f.actual === undefined ? 'not provided' : `is ${show(f.actual)}`;
    const actualZh = f.actual === undefined ? '未提供' : `实际 ${show(f.actual)}`;
    const en = `${factTitle(rs, f.fact).en}${f.path ?? ''} ${symbol.en} ${show(f.value)}`;
    const zh = `${factTitle(rs, f.fact).zh} ${symbol.zh} ${show(f.value)}`;
    return {
      en: `${f.negated ? `not (${en})` : en} (${actualEn})`,
      zh: `${f.negated ? `非（${zh}）` : zh}（${actualZh}）`,
    };
  });
  return {
    en: `condition failed: ${parts.map((p) => p.en).join('; ')}`,
    zh: `条件不符合：${parts.map((p) => p.zh).join('；')}`,
  };
}

/** A fact's title, also for derived and computed facts (`score.total`). */
export function factTitle(rs: ResolvedRuleSet, id: string): Text {
  const fact = rs.facts.get(id) ?? rs.derived.find((d) => d.id === id);
  if (fact) return fact.title;
  if (id === 'score.total') return { zh: '总积分', en: 'total score' };
  if (id === 'vetoed') return { zh: '一票否决', en: 'vetoed' };
  const [, kind, ref] = id.split('.');
  const named = kind === 'group' ? rs.groups.find((g) => g.id === ref) : rs.indicators.find((i) => i.id === ref);
  if (named) return { zh: `${named.title.zh}得分`, en: `${named.title.en} score` };
  return { zh: id, en: id };
}

/**
 * A rate as staff and residents check it. Counted one by one in whole units (59 months × 0.5 = 29.5), it is
 * the product; otherwise it says that only whole units count: 「45 小时，每满 10 小时 2 分，计 4 个整单位 = 8 分」.
 */
function rateText(reason: Extract<Reason, { code: 'rate' }>, unit: Text | undefined): Text {
  const unitEn = (n: number) => plural(unit?.en ?? 'unit', n);
  if (reason.per === 1 && reason.units === reason.value) {
    return {
      en: `${reason.value} ${plural(unit?.en ?? 'units', reason.value)} × ${reason.rate} = ${reason.raw}`,
      zh: `${reason.value} ${unit?.zh ?? ''} × ${reason.rate} = ${reason.raw}`.replace('  ', ' '),
    };
  }
  const zhUnit = unit?.zh ?? '个单位';
  return {
    en: `${reason.value} ${unitEn(reason.value)}, ${reason.rate} ${reason.rate === 1 ? 'point' : 'points'} per full ${reason.per} ${unitEn(reason.per)}: ${reason.units} whole ${reason.units === 1 ? 'unit' : 'units'} = ${reason.raw}`,
    zh: `${reason.value} ${zhUnit}，每满 ${reason.per} ${zhUnit} ${reason.rate} 分，计 ${reason.units} 个整单位 = ${reason.raw} 分`,
  };
}

function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(String).join(', ')}]`;
  return String(value);
}

function bandRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return 'any';
}

// Units are written singular in rule sets; currencies and the like have no plural.
const UNCOUNTABLE = new Set(['yuan', 'rmb', 'cny', 'sq m', 'm²']);
function plural(unit: string, n: number): string {
  return n === 1 || unit.endsWith('s') || UNCOUNTABLE.has(unit.toLowerCase()) ? unit : `${unit}s`;
}
