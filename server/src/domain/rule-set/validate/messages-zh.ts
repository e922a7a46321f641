/**
 * The Chinese text of every rule-set validation message, read off its English text in one place, so that
 * each check keeps one message and staff read every problem in Chinese. A message with no entry here keeps
 * its English only (a test sends bad documents of every kind and requires Chinese for each problem).
 *
 * @example
 * chineseOf('must be ≥ 0; take points away with a deduction'); // '不能小于 0；要扣分请使用扣分类指标'
 */
export function chineseOf(message: string): string | undefined {
  for (const [pattern, zh] of TABLE) {
    const m = pattern.exec(message);
    if (m) return zh(...(m.slice(1) as string[]));
  }
  return undefined;
}

const TYPES: Record<string, string> = {
  'a date': '日期',
  'an integer': '整数',
  'a number': '数字',
  'a boolean': '是/否',
  'an enum': '单选项',
  'a list': '多选列表',
  'a string': '文本',
  'an object': '对象',
  'an array': '列表',
  'a record': '对象',
};
const type = (t: string) => TYPES[t] ?? t;
const q = (s: string) => `“${s}”`;

type Entry = [RegExp, (...groups: string[]) => string];

const TABLE: Entry[] = [
  [/^is required$/, () => '必填'],
  [/^must be (?:a|an) ([a-z]+)$/, (t) => `必须是${type(`a${/^[aeiou]/.test(t) ? 'n' : ''} ${t}`)}`],
  [/^must be ≥ 0; take points away with a deduction$/, () => '不能小于 0；要扣分请使用扣分类指标'],
  [/^must be ([≥≤<>]) (-?[\d.]+)$/, (op, n) => `必须${{ '≥': '不小于', '≤': '不大于', '<': '小于', '>': '大于' }[op] ?? op} ${n}`],
  [/^must be a multiple of 0\.01$/, () => '最多保留两位小数'],
  [/^must have at least (\d+) item\(s\)$/, (n) => `至少要有 ${n} 项`],
  [/^must have at most (\d+) items$/, (n) => `最多 ${n} 项`],
  [/^must have at least (\d+) character\(s\)$/, (n) => `至少 ${n} 个字`],
  [/^must have at most (\d+) characters$/, (n) => `最多 ${n} 个字`],
  [/^must be one of (.+)$/, (list) => `必须是以下之一：${list}`],
  [/^has unknown keys? (.+)$/, (keys) => `有无法识别的字段 ${keys}`],
  [/^key (.+)$/, (rest) => `键名${rest}`],
  [/^has the wrong shape$/, () => '格式不正确'],
  [/^must be a date YYYY-MM-DD$/, () => '必须是日期（YYYY-MM-DD）'],
  [/^is not a calendar date$/, () => '不是有效的日期'],
  [/^must start with a lowercase letter and use only letters, digits, - and _ \(at most 64\)$/, () => '编号须以小写英文字母开头，只能用字母、数字、- 和 _（最多 64 个字符）'],
  [/^is a reserved name$/, () => '是保留名称，不能使用'],
  [/^has more than (\d+) values$/, (n) => `内容过多（超过 ${n} 个值）`],
  [/^nests deeper than (\d+) levels$/, (n) => `嵌套超过 ${n} 层`],
  [/^is not allowed as a key$/, () => '不能用作字段名'],
  [/^nests all\/any\/not more than (\d+) levels deep$/, (n) => `条件嵌套超过 ${n} 层`],
  [/^gives no expected (total|veto|score for group|points for indicator|eligibility for scenario)(?: "(.+)")?, which the case's scope asserts$/, (what, id) =>
    `用例的核对范围包含${{ total: '总积分', veto: '一票否决', 'score for group': `分组 ${q(id ?? '')} 的得分`, 'points for indicator': `指标 ${q(id ?? '')} 的得分`, 'eligibility for scenario': `场景 ${q(id ?? '')} 的资格` }[what]}，但没有填写预期值`],
  [/^is not what the case's scope asserts; remove it or change the scope$/, () => '不在该用例的核对范围内；请删除此项，或更改核对范围'],
  [/^unknown (fact|group|indicator|scenario|input fact) "(.+)"$/, (what, id) => `没有${{ fact: '事实', group: '分组', indicator: '指标', scenario: '场景', 'input fact': '输入事实' }[what]} ${q(id)}`],
  [/^unknown (group|indicator|category) "(.+)" in "(.+)"$/, (what, ref, id) => `${q(id)} 中的${{ group: '分组', indicator: '指标', category: '类别' }[what]} ${q(ref)} 不存在`],
  [/^"(.+)" is a computed score; only scenario eligibility can read it$/, (id) => `${q(id)} 是计算出的积分，只有场景的申请条件可以使用`],
  [/^no indicator has category "(.+)"$/, (c) => `没有类别为 ${q(c)} 的指标`],
  [/^(fact|group|indicator|scenario|tier|band|case|benefit|category) "(.+)" is already defined (?:at )?(.+)$/, (what, id, where) => `${NOUN[what] ?? what} ${q(id)} 已在 ${where} 定义过，编号不能重复`],
  [/^(indicator|scenario) "(.+)" is listed twice$/, (what, id) => `${what === 'indicator' ? '指标' : '场景'} ${q(id)} 列了两次`],
  [/^(.+) defines (\w+) "(.+)" that another included rule set defines too$/, (part, what, id) => `${part} 定义的${NOUN[what] ?? what} ${q(id)} 与另一个引用的规则集重复`],
  [/^a rule set cannot include itself$/, () => '规则集不能引用自身'],
  [/^rule set (.+) version (\d+) is not available$/, (id, v) => `规则集 ${id} 第 ${v} 版不存在`],
  [/^a (\w+) earns no points to keep in a ledger$/, (kind) => `${KIND[kind] ?? kind}类指标不得分，不能设积分账户`],
  [/^(.+) (-?[\d.]+) is above the cap (-?[\d.]+) of group "(.+)"$/, (what, n, cap, g) => `${WHAT[what] ?? what} ${n} 超过分组 ${q(g)} 的上限 ${cap}`],
  [/^(-?[\d.]+) is above the previous tier's (-?[\d.]+); list tiers from the highest points down$/, (n, prev) => `${n} 高于上一档的 ${prev}；档次须按分值从高到低排列`],
  [/^(-?[\d.]+) is below the (-?[\d.]+) points of one (unit|occurrence)$/, (cap, pts, per) => `上限 ${cap} 低于每${per === 'unit' ? '单位' : '次'}的 ${pts} 分`],
  [/^is required for a deduction without a fact that counts occurrences$/, () => '没有计次数的事实时，扣分必须设置条件'],
  [/^must be a number fact; "(.+)" is (.+)$/, (id, t) => `必须是数值事实；${q(id)} 是${type(t)}`],
  [/^is below min (-?[\d.]+)$/, (n) => `不能小于下限 ${n}`],
  [/^needs a min to count steps from$/, () => '需要先设下限，才能按单位增减'],
  [/^is required: only the first band is open below$/, () => '必填：只有第一段可以不设下限'],
  [/^is required: only the last band is open above$/, () => '必填：只有最后一段可以不设上限'],
  [/^(-?[\d.]+) overlaps the previous band, which ends at (-?[\d.]+); list bands in ascending order without overlaps$/, (n, end) => `${n} 与上一段（止于 ${end}）重叠；分段须从小到大排列且不重叠`],
  [/^(-?[\d.]+) leaves a gap after the previous band, which ends at (-?[\d.]+)$/, (n, end) => `${n} 与上一段（止于 ${end}）之间有空档`],
  [/^"(.+)" does not apply to (.+) fact "(.+)"; use one of (.+)$/, (op, t, id, list) => `运算 ${q(op)} 不适用于${type(t)}事实 ${q(id)}；可用：${list}`],
  [/^"(.+)" does not apply to (.+) fact "(.+)"$/, (op, t, id) => `运算 ${q(op)} 不适用于${type(t)}事实 ${q(id)}`],
  [/^must be a list for "(.+)"$/, (op) => `运算 ${q(op)} 需要一组值`],
  [/^must be a single value for "(.+)", not a list$/, (op) => `运算 ${q(op)} 只能填一个值，不能是一组值`],
  [/^must list at least one value for "(.+)"$/, (op) => `运算 ${q(op)} 至少要选一个值`],
  [/^must be a number: "(.+)" is (.+)$/, (id, t) => `必须是数字：${q(id)} 是${type(t)}`],
  [/^must be a whole number: "(.+)" is an integer$/, (id) => `必须是整数：${q(id)} 是整数事实`],
  [/^(.+) is not a value of "(.+)"; use one of (.+)$/, (v, id, list) => `${v} 不是 ${q(id)} 的可选值；可选：${list}`],
  [/^fact "(.+)" is (.+) and has no fields to select$/, (id, t) => `事实 ${q(id)} 是${type(t)}，没有可选取的字段`],
  [/^must be a number or date fact to order by$/, () => '排序须用数值或日期事实'],
  [/^indicator "(.+)" is not exchangeable$/, (id) => `指标 ${q(id)} 不可兑换`],
  [/^indicator "(.+)" keeps no ledger of points to spend$/, (id) => `指标 ${q(id)} 没有可兑换的积分账户`],
  [/^only enum and enum-list facts list values$/, () => '只有单选和多选事实可以列出可选值'],
  [/^only number and integer facts have bounds$/, () => '只有数值和整数事实可以设上下限'],
  [/^is required for (\w[\w-]*) facts$/, (t) => `${{ enum: '单选', 'enum-list': '多选' }[t] ?? t}事实必须填写`],
  [/^is outside the bounds$/, () => '超出了上下限'],
  [/^leave no value: at least (-?[\d.]+) and at most (-?[\d.]+)$/, (lo, hi) => `上下限矛盾：至少 ${lo} 且至多 ${hi}，没有可取的值`],
  [/^(\w+) bounds only (date|number and integer) facts; "(.+)" is (.+)$/, (kind, which, id, t) => `${kind} 只能用于${which === 'date' ? '日期' : '数值和整数'}事实；${q(id)} 是 ${t}`],
  [/^months are counted from a date fact; "(.+)" is (.+)$/, (id, t) => `月数须从日期事实算起；${q(id)} 是${type(t)}`],
  [/^(\w+) needs a (date|list) fact; "(.+)" is (.+)$/, (d, need, id, t) => `${d} 需要${need === 'date' ? '日期' : '列表'}事实；${q(id)} 是${type(t)}`],
  [/^is required for fullMonthsBetween$/, () => 'fullMonthsBetween 必须填写'],
  [/^only fullMonthsBetween takes "until"$/, () => '只有 fullMonthsBetween 可以设置 “until”'],
  [/^"(.+)" is itself derived(.*)$/, (id) => `${q(id)} 本身是派生事实，不能再派生`],
  [/^is derived(.*)$/, () => '是派生事实，不能直接填写'],
];

const NOUN: Record<string, string> = {
  fact: '事实',
  group: '分组',
  indicator: '指标',
  scenario: '场景',
  tier: '档次',
  band: '分段',
  case: '测试用例',
  benefit: '兑换项目',
  category: '类别',
  facts: '事实',
  groups: '分组',
  indicators: '指标',
  scenarios: '场景',
};

const KIND: Record<string, string> = { veto: '一票否决', deduction: '扣分', fixed: '固定分值', tiers: '分档', rate: '按量计分', bands: '分段' };

const WHAT: Record<string, string> = { points: '分值', cap: '上限', 'tier points': '档次分值', 'band points': '分段分值' };
