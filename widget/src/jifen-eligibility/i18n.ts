import type { Text } from './types';

/** The widget's own words, Chinese first. Rule-set texts come from the server in both languages. */
const zh = {
  selfCheck: '积分资格自测',
  myResult: '我的积分资格',
  loading: '正在加载…',
  widget: '积分资格',
  required: '（必填）',
  conditions: '资格条件',
  scoring: '主要加分项（如实填写，未填视为不具备）',
  optional: '其他加分项（选填）',
  more: '扣分与一票否决情形（如有请填写）',
  choose: '请选择',
  check: '测算',
  checking: '正在测算…',
  estimate: '估算结果：仅依据您填写的内容，仅供参考，不作为证明，不保存任何信息',
  eligible: '符合条件',
  notEligible: '暂不符合条件',
  score: '得分',
  bar: '分数线',
  meter: (score: number, bar: number) => `得分 ${score}，分数线 ${bar}`,
  shortBy: (n: number) => `距分数线还差 ${n} 分`,
  missing: '尚未满足',
  breakdown: '得分明细（仅列出得分项）',
  today: (asOf: string) => `以上为按您的档案截至 ${asOf} 的测算结果。`,
  eligibleFrom: (month: string) => `按目前情况（继续在本区居住、缴纳社保），${month}起符合条件。`,
  closeGap: '怎样才能符合条件（由易到难）',
  effort: { time: '只需等待', routine: '日常可办', large: '较大投入' } as Record<string, string>,
  alone: '仅此一项即可符合条件',
  barOnly: '分数可达标，其他条件仍需满足',
  partial: (n: number) => `可增加 ${n} 分，需与其他方式合计`,
  month: (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月`,
  position: (p: number, places: number, admitted: boolean) => `排名第 ${p} 位（名额 ${places} 个，${admitted ? '在名额内' : '暂在名额外'}）`,
  notRanked: '已在公示名单中，但不具备排名资格',
  listTitle: '公示名单',
  listBasis: (closed: string, v: number, score: number, family: boolean, spouse: boolean) =>
    `名单按 ${closed} 报名截止时生效的第 ${v} 版规则排序，计入 ${score} 分${family ? `（父母取高者：${spouse ? '配偶' : '本人'}的分数）` : ''}。上方为按今日档案的测算，两者依据不同，录取以公示名单为准。`,
  basis: (title: string, v: number, asOf: string) => `依据：${title} 第 ${v} 版 · 评分日 ${asOf}`,
  resident: '居民：',
  errorTitle: '无法显示积分资格',
  retry: '重试',
  fixFields: '请检查标出的填写内容。',
  field: {
    integer: '请填写整数',
    number: '请填写数字',
    date: '请填写日期（年-月-日）',
    choice: '请从列表中选择',
    range: (min?: number, max?: number) => (min !== undefined && max !== undefined ? `，范围 ${min}–${max}` : min !== undefined ? `，不小于 ${min}` : max !== undefined ? `，不大于 ${max}` : ''),
    other: '此项填写有误，请检查',
    required: '请填写此项：测算要用到它',
  },
  errors: {
    token_expired: '您的授权已过期。请回到“新市民”App 重新授权后再打开本页。',
    token_invalid: '您的授权无法识别。请回到“新市民”App 重新授权后再打开本页。',
    token_revoked: '您已撤回对本网站的授权。如需查看，请在“新市民”App 中重新授权。',
    token_scenario: '您的授权不适用于本网站的这项服务。请在“新市民”App 中为这项服务重新授权。',
    token_partner: '您的授权是给其他网站的。请在“新市民”App 中授权本网站后再打开本页。',
    key_invalid: '本网站的积分组件配置有误，暂时无法使用。请联系网站管理员。',
    key_revoked: '本网站的积分组件配置有误，暂时无法使用。请联系网站管理员。',
    origin_forbidden: '本网站的积分组件配置有误，暂时无法使用。请联系网站管理员。',
    scenario_forbidden: '本网站的积分组件配置有误，暂时无法使用。请联系网站管理员。',
    origin_not_registered: '本网站未登记为积分合作网站，无法使用此组件。',
    network: '暂时无法连接积分服务，请检查网络后重试。',
    timeout: '积分服务响应超时，请稍后重试。',
    too_many_requests: '查询过于频繁，请稍后再试。',
    other: '积分服务暂时无法完成本次查询，请稍后重试。',
  } as Record<string, string>,
};

const en: typeof zh = {
  selfCheck: 'Points eligibility self-check',
  myResult: 'My points eligibility',
  loading: 'Loading…',
  widget: 'Points eligibility',
  required: ' (required)',
  conditions: 'Conditions',
  scoring: 'Main points (leave empty what does not apply)',
  optional: 'Other points (optional)',
  more: 'Deductions and vetoes (fill in if any apply)',
  choose: 'Choose…',
  check: 'Check',
  checking: 'Checking…',
  estimate: 'Estimate from what you typed only: for reference, not evidence; nothing is stored',
  eligible: 'Eligible',
  notEligible: 'Not eligible yet',
  score: 'Score',
  bar: 'Bar',
  meter: (score: number, bar: number) => `Score ${score} of a bar of ${bar}`,
  shortBy: (n: number) => `${n} points short of the bar`,
  missing: 'Still missing',
  breakdown: 'Score breakdown (indicators that score)',
  today: (asOf: string) => `This is your record as scored on ${asOf}.`,
  eligibleFrom: (month: string) => `As things stand (living in the district and paying social insurance), you become eligible in ${month}.`,
  closeGap: 'What would make you eligible (easiest first)',
  effort: { time: 'Waiting only', routine: 'Routine step', large: 'Large commitment' },
  alone: 'This alone makes you eligible',
  barOnly: 'Reaches the bar; other conditions still apply',
  partial: (n: number) => `Adds ${n} points; combine with other ways`,
  month: (iso: string) => new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  position: (p: number, places: number, admitted: boolean) => `Position ${p} (${places} places; ${admitted ? 'within' : 'outside'} the places)`,
  notRanked: 'On the published list, but not eligible for a position',
  listTitle: 'Published list',
  listBasis: (closed: string, v: number, score: number, family: boolean, spouse: boolean) =>
    `Ranked by version ${v} of the rules in force when applications closed on ${closed}, counting ${score} points${family ? ` (the higher-scoring parent: ${spouse ? 'your spouse' : 'you'})` : ''}. The score above is today's, from your record; the two rest on different bases, and the published list decides.`,
  basis: (title: string, v: number, asOf: string) => `Based on ${title}, version ${v} · scored as of ${asOf}`,
  resident: 'Resident: ',
  errorTitle: 'Cannot show eligibility',
  retry: 'Try again',
  fixFields: 'Please check the fields marked above.',
  field: {
    integer: 'Enter a whole number',
    number: 'Enter a number',
    date: 'Enter a date (year-month-day)',
    choice: 'Choose from the list',
    range: (min?: number, max?: number) => (min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : ''),
    other: 'Please check this field',
    required: 'Please fill this in: the check needs it',
  },
  errors: {
    token_expired: 'Your permission has expired. Go back to the new-citizen app, allow it again, then reopen this page.',
    token_invalid: 'Your permission could not be read. Go back to the new-citizen app and allow it again.',
    token_revoked: 'You withdrew your permission for this site. Allow it again in the new-citizen app to see your result.',
    token_scenario: "Your permission is not for this site's service. Allow it for this service in the new-citizen app.",
    token_partner: 'Your permission was given to another site. Allow this site in the new-citizen app, then reopen this page.',
    key_invalid: "This site's points widget is not set up correctly. Please tell the site's administrator.",
    key_revoked: "This site's points widget is not set up correctly. Please tell the site's administrator.",
    origin_forbidden: "This site's points widget is not set up correctly. Please tell the site's administrator.",
    scenario_forbidden: "This site's points widget is not set up correctly. Please tell the site's administrator.",
    origin_not_registered: 'This site is not registered as a Jifen partner site, so the widget cannot be used here.',
    network: 'Jifen cannot be reached. Check your connection and try again.',
    timeout: 'Jifen took too long to answer. Please try again.',
    too_many_requests: 'Too many checks in a short time. Please try again shortly.',
    other: 'Jifen could not complete this check. Please try again later.',
  },
};

export type Strings = typeof zh;

/** The strings for a language tag: English for `en…`, Chinese otherwise. */
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
