import type { Text } from './types';

/** The widget's own words, Chinese first. Rule-set texts come from the server in both languages. */
const zh = {
  selfCheck: '积分资格自测',
  myResult: '我的积分资格',
  loading: '正在加载…',
  widget: '积分资格',
  required: '（必填）',
  conditions: '资格条件',
  scoring: '加分项（如实填写，未填视为不具备）',
  more: '扣分与一票否决情形（如有请填写）',
  choose: '请选择',
  check: '测算',
  checking: '正在测算…',
  estimate: '估算结果（仅供参考，不保存任何信息）',
  eligible: '符合条件',
  notEligible: '暂不符合条件',
  score: '得分',
  bar: '分数线',
  shortBy: (n: number) => `距分数线还差 ${n} 分`,
  missing: '尚未满足',
  breakdown: '得分明细（仅列出得分项）',
  points: '分',
  closeGap: '最简单的补足方式',
  closesBar: '补足分数的方式（其他条件仍需满足）',
  position: (p: number, places: number, admitted: boolean) => `公示名单排名第 ${p} 位（名额 ${places} 个，${admitted ? '在名额内' : '暂在名额外'}）`,
  notRanked: '已在公示名单中，但不具备排名资格',
  basis: (title: string, v: number, asOf: string) => `依据：${title} 第 ${v} 版 · 评分日 ${asOf}`,
  resident: '居民：',
  errorTitle: '无法显示积分资格',
  origin: '本网站未登记为积分合作网站，无法使用此组件。',
  network: '暂时无法连接积分服务，请稍后再试。',
  unauthorized: '本网站使用的合作方密钥无效或已被吊销，请联系网站管理员。',
  forbidden: '此合作方密钥不能在本网站或本场景使用。',
  noKey: '组件缺少合作方密钥（partner-key 属性）。',
  fixFields: '请检查标出的填写内容。',
  retry: '重试',
};

const en: typeof zh = {
  selfCheck: 'Points eligibility self-check',
  myResult: 'My points eligibility',
  loading: 'Loading…',
  widget: 'Points eligibility',
  required: ' (required)',
  conditions: 'Conditions',
  scoring: 'Points (leave empty what does not apply)',
  more: 'Deductions and vetoes (fill in if any apply)',
  choose: 'Choose…',
  check: 'Check',
  checking: 'Checking…',
  estimate: 'Estimate (for reference only; nothing is stored)',
  eligible: 'Eligible',
  notEligible: 'Not eligible yet',
  score: 'Score',
  bar: 'Bar',
  shortBy: (n: number) => `${n} points short of the bar`,
  missing: 'Still missing',
  breakdown: 'Score breakdown (indicators that score)',
  points: 'pts',
  closeGap: 'Simplest ways to close the gap',
  closesBar: 'Ways to reach the bar (other conditions still apply)',
  position: (p: number, places: number, admitted: boolean) =>
    `Position ${p} on the published list (${places} places; ${admitted ? 'within' : 'outside'} the places)`,
  notRanked: 'On the published list, but not eligible for a position',
  basis: (title: string, v: number, asOf: string) => `Based on ${title}, version ${v} · scored as of ${asOf}`,
  resident: 'Resident: ',
  errorTitle: 'Cannot show eligibility',
  origin: 'This site is not registered as a Jifen partner site, so the widget cannot be used here.',
  network: 'Jifen cannot be reached right now; please try again later.',
  unauthorized: "This site's partner key is not valid or has been revoked; please tell the site's administrator.",
  forbidden: 'This partner key may not be used on this site or for this scenario.',
  noKey: 'The widget has no partner key (partner-key attribute).',
  fixFields: 'Please check the fields marked below.',
  retry: 'Try again',
};

export type Strings = typeof zh;

/** The strings for a `lang` attribute: English for `en…`, Chinese otherwise. */
export function strings(lang: string | undefined): Strings {
  return isEnglish(lang) ? en : zh;
}

export function isEnglish(lang: string | undefined): boolean {
  return /^en\b/i.test(lang ?? '');
}

/** A rule-set text in the widget's language. */
export function pick(text: Text | undefined, lang: string | undefined): string {
  return text ? (isEnglish(lang) ? text.en : text.zh) : '';
}
