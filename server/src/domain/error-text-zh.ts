import type { ErrorCode, FieldError } from './errors';
import { chineseOf } from './rule-set/validate/messages-zh';

/**
 * The Chinese side of every refusal, in one place: the text of each error code (for a refusal thrown with
 * English only), and the Chinese of field messages read off their English (as rule-set validation does),
 * so that every error body carries `messageZh` beside `message`, for the error and for each field.
 */

/** What each code means to the person who sees it, in their words. */
export const CODE_TEXT_ZH: Readonly<Record<ErrorCode | 'internal_error', string>> = {
  bad_request: '请求有误，无法处理',
  invalid_json: '提交的内容格式有误，无法读取',
  validation_failed: '填写的内容有误，请按提示修改',
  invalid_rule_set: '规则内容有误，请按提示修改',
  token_expired: '居民的授权已过期，请回到居民端重新授权',
  token_invalid: '居民的授权无效，请回到居民端重新授权',
  token_revoked: '居民已撤回授权',
  token_scenario: '居民的授权不适用于这个场景',
  token_partner: '居民的授权不适用于这家单位',
  key_invalid: '合作单位的接入密钥无效',
  key_revoked: '合作单位的接入密钥已停用',
  origin_forbidden: '这个网站没有登记为合作单位的网站',
  scenario_forbidden: '这家合作单位不能查看这个场景',
  unauthorized: '请先登录',
  forbidden: '您没有权限进行这项操作',
  not_found: '找不到要查看的内容',
  conflict: '当前状态下不能进行这项操作',
  precondition_failed: '内容已被他人修改，请刷新后再试',
  precondition_required: '请先打开最新的内容再保存',
  payload_too_large: '提交的内容太大',
  unsupported_media_type: '提交的内容类型不对',
  too_many_requests: '操作太频繁，请稍后再试',
  internal_error: '系统出现意外错误，已记录，请稍后再试',
};

/** The Chinese text of an error: the thrower's, or its code's. */
export function errorTextZh(code: string, given?: string): string {
  return given ?? CODE_TEXT_ZH[code as ErrorCode] ?? CODE_TEXT_ZH.bad_request;
}

/** Said of a field whose English message has no Chinese yet: the field's path still names it. */
export const FIELD_TEXT_ZH_FALLBACK = '此项不符合要求';

/**
 * A field error with its Chinese text: the thrower's, read off the English, or the fallback.
 *
 * @example
 * withChinese({ path: 'residentId', message: 'no such resident' }).messageZh; // '没有这位居民'
 */
export function withChinese(field: FieldError): FieldError & { messageZh: string } {
  return { ...field, messageZh: field.messageZh || (fieldTextZh(field.message) ?? FIELD_TEXT_ZH_FALLBACK) };
}

/** The Chinese of a field message, when one is known. */
export function fieldTextZh(message: string): string | undefined {
  const known = chineseOf(message);
  if (known) return known;
  for (const [pattern, zh] of TABLE) {
    const m = pattern.exec(message);
    if (m) return zh(...(m.slice(1) as string[]));
  }
  return undefined;
}

/** A draft's status as staff read it. */
export const DRAFT_STATUS_ZH: Readonly<Record<string, string>> = { editing: '编辑中', submitted: '待审批', rejected: '已退回', published: '已发布' };
const status = (s: string) => DRAFT_STATUS_ZH[s] ?? s;

type Entry = [RegExp, (...groups: string[]) => string];

const TABLE: Entry[] = [
  [/^no such resident$/, () => '没有这位居民'],
  [/^no such version(?:; published: (.*))?$/, (list) => (list ? `没有这个版本；已发布的版本：${list}` : '没有这个版本')],
  [/^(.+) has no version (\d+)$/, (_id, v) => `没有第 ${v} 版`],
  [/^no such rule set$/, () => '没有这个规则集'],
  [/^no rule set "(.+)"$/, (id) => `没有规则集“${id}”`],
  [/^no such draft$/, () => '没有这份草稿'],
  [/^no such partner$/, () => '没有这家合作单位'],
  [/^no such application$/, () => '没有这份申请'],
  [/^no such scenario(?: in .+)?$/, () => '没有这个场景'],
  [/^(.+) has no scenario "(.+)"$/, (_rs, id) => `没有场景“${id}”`],
  [/^no such account$/, () => '没有这个账号'],
  [/^no such request$/, () => '没有这项申请'],
  [/^no such credential$/, () => '没有这个凭证'],
  [/^no such round$/, () => '没有这一轮'],
  [/^no such objection$/, () => '没有这份异议'],
  [/^no such benefit.*$/, () => '没有这个兑换项目'],
  [/^must not be empty$/, () => '不能为空'],
  [/^is not a known field$/, () => '不是可以填写的项目'],
  [/^has a field with an empty name$/, () => '有一个名称为空的项目'],
  [/^is (editing|submitted|rejected|published)$/, (s) => `草稿当前${status(s)}`],
  [/^is (editing|submitted|rejected|published), not submitted$/, (s) => `草稿当前${status(s)}，不是待审批`],
  [/^is already published; published versions are immutable$/, () => '这个版本已发布；已发布的版本不能修改'],
  [/^is already on record$/, () => '已有记录'],
  [/^has already applied to this round$/, () => '已在本轮申请过'],
  [/^is taken$/, () => '已被占用'],
  [/^is not your current password$/, () => '不是您现在的密码'],
  [/^is the current password$/, () => '与现在的密码相同，请换一个新密码'],
  [/^would leave Jifen without an active admin$/, () => '这样系统将没有可用的管理员'],
  [/^is not a child of the resident on record$/, () => '登记信息中不是这位居民的子女'],
  [/^is not expected for this scenario$/, () => '这个场景不需要填写此项'],
  [/^has more than (\d+) values$/, (n) => `内容过多（超过 ${n} 个值）`],
  [/^must be a date YYYY-MM-DD or an ISO 8601 instant$/, () => '必须是日期（YYYY-MM-DD）或具体时刻'],
  [/^must be a nextCursor from a previous page$/, () => '必须是上一页给出的翻页位置'],
  [/^must be after from$/, () => '必须晚于开始时间（from）'],
  [/^not one of the partner's sites$/, () => '不是这家合作单位登记的网站（须与登记的网址完全一致，含端口）'],
  [/^must be a number from (\d+) to (\d+)$/, (a, b) => `必须是 ${a} 到 ${b} 之间的数字`],
  [/^must be at most (\d+)$/, (n) => `不能超过 ${n}`],
  [/^must be a multiple of 0\.01$/, () => '最多保留两位小数'],
  [/^unknown fact(?: for .+)?$/, () => '规则集中没有这项信息'],
  [/^the resident has no current spouse on record$/, () => '登记信息中这位居民目前没有配偶'],
  [/^names the resident of the record$/, () => '填的是本人'],
  [/^no resident holds this permit number; send name to register them$/, () => '没有持这个居住证号的居民；如需登记，请同时填写姓名'],
  [/^is required for staff$/, () => '工作人员必须填写'],
  [/^is a negative indicator$/, () => '这是扣分指标'],
  [/^has no version$/, () => '没有版本'],
  [/^no version is in force yet; the first takes effect on (.+)$/, (d) => `这一天还没有生效的版本；第一个版本于 ${d} 生效`],
  [/^must be today \((.+)\) or later$/, (d) => `不能早于今天（${d}）`],
  [/^must be on or after opensOn \((.+)\)$/, (d) => `不能早于开始日期（${d}）`],
  [/^must not be after today (.+): points are recorded once earned$/, (d) => `不能晚于今天 ${d}：积分在取得之后才能登记`],
  [/^must be (.+): the number is assigned on publishing$/, (v) => `必须是 ${v}：版本号在发布时确定`],
  [/^must be (.+): a draft stays with its rule set$/, (id) => `必须是 ${id}：草稿不能换到别的规则集`],
  [/^must be a whole number$/, () => '必须是整数'],
  [/^must be a number$/, () => '必须是数字'],
  [/^must be true or false$/, () => '必须是“是”或“否”'],
  [/^must be a string of at most (\d+) characters$/, (n) => `必须是文字，最多 ${n} 个字`],
  [/^must be a list of (.+)$/, (list) => `必须是以下选项的列表：${list}`],
  [/^has unknown values; allowed: (.+)$/, (list) => `有无法识别的选项；可选：${list}`],
  [/^is derived from (.+); send (.+) instead$/, () => '这一项由其他信息算出，不用填写'],
  [/^must be an object of fact values$/, () => '必须是一组信息（对象）'],
  [/^must be an object of facts by id$/, () => '必须是一组信息（对象）'],
  [/^must be a draft id$/, () => '不是有效的草稿编号'],
  [/^must be a scenario id, optionally after its rule set and a colon$/, () => '不是有效的场景编号'],
  [/^must be a version number \(1, 2, …\)$/, () => '必须是版本号（1、2……）'],
  [/^must be a version number \(3\) or draft:<id>$/, () => '必须是版本号或草稿'],
  [/^must be (\d+) hex digits$/, (n) => `必须是 ${n} 位十六进制字符`],
  [/^must be 2–64 lower-case letters, digits, "\.", "_" or "-", starting with a letter$/, () => '须以小写英文字母开头，只能用小写字母、数字、“.”、“_”和“-”，2 到 64 个字符'],
  [/^must be a JSON Pointer .*$/, () => '不是有效的位置写法'],
  [/^path must be \$\.name or \$\[index\] steps$/, () => '不是有效的取值路径'],
  [/^must be a calendar date YYYY-MM-DD$/, () => '必须是有效的日期（YYYY-MM-DD）'],
  [/^must be a positive multiple of 0\.01$/, () => '必须大于 0，最多保留两位小数'],
  [/^must be a positive number$/, () => '必须大于 0'],
  [/^must be > 0$/, () => '必须大于 0'],
  [/^must be a whole number from (\d+) to (\d+)$/, (a, b) => `必须是 ${a} 到 ${b} 之间的整数`],
  [/^must be a whole number ≥ (\d+)$/, (n) => `必须是不小于 ${n} 的整数`],
  [/^must be a year from (\d+) to (\d+)$/, (a, b) => `必须是 ${a} 到 ${b} 之间的年份`],
  [/^the lunar calendar covers (\d+) to (\d+)$/, (a, b) => `农历只能推算 ${a} 到 ${b} 年`],
  [/^must be "earn" or "spend"$/, () => '必须是“取得”（earn）或“使用”（spend）'],
  [/^must be "workday" or "holiday"$/, () => '必须是“上班”（workday）或“放假”（holiday）'],
  [/^must be JSON, e\.g\. .*$/, () => '必须是 JSON 格式'],
  [/^must be \{.*\}(?:, \{.*\})* or \{.*\}$/, () => '条件的写法不对：须是单个条件，或“全部满足”“任一满足”“不满足”之一'],
  [/^must list at least one range of days off$/, () => '至少要列出一段放假日期'],
  [/^must list one or two residents$/, () => '须列出一位或两位居民'],
  [/^must name at least one fact$/, () => '至少要填写一项信息'],
  [/^must name at least one role$/, () => '至少要选一个角色'],
  [/^must not repeat a role$/, () => '角色不能重复'],
  [/^must name the holiday it makes up for$/, () => '须写明是为哪个假日调休'],
  [/^must name the holiday$/, () => '须写明假日名称'],
  [/^must name the notice$/, () => '须写明通知名称'],
  [/^must not name a prototype key$/, () => '不能使用这个名称'],
  [/^must not be after the evaluation date (.+?):.*$/, (d) => `不得晚于评估日期 ${d}`],
  [/^must not be before (.+), when the latest published version takes effect$/, (d) => `不能早于最新已发布版本的生效日期 ${d}`],
  [/^give either facts or residentId$/, () => '请填写居民信息，或选择一位居民，二者选一'],
  [/^give residentId or permitNumber, not both$/, () => '居民编号和居住证号只填一个'],
  [/^give the notice either as text or as an ICS file, one of the two$/, () => '通知请以文字或日历文件（ICS）提交，二者选一'],
  [/^is repeated \((residents\.\d+\.id) is the same\); every resident needs its own id$/, (earlier) => `编号重复（与 ${earlier} 相同）；每位居民须有自己的编号`],
  [/^no published round$/, () => '这一轮还没有公布名单'],
  [/^has no open or closed round$/, () => '这个场景没有进行中或已截止的一轮'],
  [/^no such key$/, () => '没有这个密钥'],
  [/^no such notice$/, () => '没有这份通知'],
  [/^no such file$/, () => '没有这个文件'],
  [/^no such indicator$/, () => '没有这个指标'],
  [/^has no override$/, () => '没有手动调整的记录'],
  [/^cannot be cleared$/, () => '不能清空'],
  [/^are your own roles$/, () => '这是您自己的角色'],
  [/^was set by an admin; change it first$/, () => '密码由管理员设置，请先修改'],
  [/^at least one evidence file is required$/, () => '至少要上传一份证明材料'],
  [/^at most (\d+) files$/, (n) => `最多 ${n} 个文件`],
  [/^(.+) is empty$/, (f) => `${f} 是空文件`],
  [/^(.+) is larger than (\d+) MB$/, (f, n) => `${f} 超过 ${n} MB`],
  [/^(.+) is named \.(\w+) but its content is (.+)$/, (f, ext, kind) => `${f} 的扩展名是 .${ext}，但内容是 ${kind}`],
  [/^(.+) is not a PDF, JPEG or PNG file by its content.*$/, (f) => `${f} 不是 PDF、JPEG 或 PNG 文件`],
  [/^already has two parents on record.*$/, () => '登记信息中已有两位父母'],
  [/^is married to .+ on record; a divorce must be recorded first \(two current spouses\)$/, () => '登记信息中已有配偶；须先登记离婚'],
  [/^is not the current spouse on record.*$/, () => '登记信息中不是现任配偶'],
  [/^is the resident themself$/, () => '填的是本人'],
  [/^is neither an applicant nor the other parent on an application$/, () => '既不是申请人，也不是申请中的另一位家长'],
  [/^is kept by the points ledger of .+; send ledger entries instead$/, () => '这项由积分账户记录，请登记积分账户'],
  [/^comes from the points ledger .*; correct the ledger instead$/, () => '这项来自积分账户，请更正积分账户'],
  [/^has no department in the rule set; it cannot be claimed$/, () => '规则集中没有负责这项的部门，不能申报'],
  [/^the partner does not show this scenario$/, () => '这家合作单位不展示这个场景'],
  [/^name it with its rule set: .+$/, () => '有多个同名场景，请同时写明规则集'],
  [/^repeats (.+)$/, (what) => `与 ${what} 重复`],
  [/^(\d{4}-\d{2}-\d{2}) is already listed at .+$/, (d) => `${d} 已列过`],
  [/^(\d{4}-\d{2}-\d{2}) is listed more than once$/, (d) => `${d} 列了不止一次`],
  [/^(\d{4}-\d{2}-\d{2}) is not a Saturday or Sunday, so it is a working day already$/, (d) => `${d} 不是周末，本来就是工作日`],
  [/^(\d{4}-\d{2}-\d{2}) is outside the (\d{4}) notice \((.+) to (.+)\)$/, (d, y, a, b) => `${d} 不在 ${y} 年通知的范围内（${a} 至 ${b}）`],
  [/^(\d{4}-\d{2}-\d{2}) is after today \((.+)\); send it once it has happened$/, (d, t) => `${d} 晚于今天（${t}）；请在发生之后再提交`],
  [/^ends before it starts \((.+)\)$/, (d) => `结束日期早于开始日期（${d}）`],
  [/^a range of days off is at most (\d+) days$/, (n) => `一段放假最多 ${n} 天`],
  [/^cannot be read as iCalendar: .*$/, () => '无法读取这个日历文件（ICS）'],
  [/^claim at least one of: .+$/, () => '至少要申报其中一项'],
  [/^is not read by .+; it reads .+$/, () => '这个指标不使用这项信息'],
  [/^(?:is not a ledger indicator of .+; )?ledger indicators: .+$/, () => '不是设有积分账户的指标'],
  [/^.+ is not exchangeable$/, () => '这个指标的积分不能兑换'],
  [/^.+ has no points ledger$/, () => '这个指标没有积分账户'],
  [/^.+ is claimed as ledger points, not facts$/, () => '这个指标按积分账户申报，不填信息'],
  [/^.+ keeps points in a ledger: claim \{ points, earnedOn \}$/, () => '这个指标有积分账户：请申报分值和取得日期'],
  [/^version (\d+) is newer$/, (v) => `已有更新的第 ${v} 版`],
  [/^included rule set (.+) is not available$/, (id) => `引用的规则集 ${id} 不存在`],
  [/^entry (\d+) .*(?:does not match its hash|another hash).*$/, (n) => `审计记录第 ${n} 条与其校验值不符`],
  [/^entry (\d+) .*is no longer in the trail.*$/, (n) => `审计记录第 ${n} 条已不在记录中`],
  [/^entries (.+) were added behind .*$/, (r) => `审计记录第 ${r} 条是在系统之外添加的`],
  [/^the recorded head of the trail is missing$/, () => '审计记录的最新一条不见了'],
  [/^one of .+$/, () => '须是其中之一'],
  [/^is (confirmed|superseded|withdrawn)$/, (st) => `这份通知${{ confirmed: '已确认', superseded: '已被新的通知取代', withdrawn: '已撤回' }[st]}`],
  [/^(add|remove|replace|move|copy|test) (\S*): .+$/, () => '这一处修改无法应用到草稿的当前内容'],
  [/^Invalid input.*$/, () => '填写的内容无效'],
  [/^term must be a whole number of years from (\d+) to (\d+), not .+$/, (a, b) => `有效期必须是 ${a} 到 ${b} 年之间的整数年`],
  [/^".*" is not a web origin such as (.+)$/, (eg) => `不是网站地址，应形如 ${eg}`],
  [/^must start with https:\/\/$/, () => '须以 https:// 开头'],
  [/^must use https:\/\/ \(http:\/\/ only for localhost\)$/, () => '须使用 https://（只有本机可用 http://）'],
  [/^must not carry a user name or password$/, () => '不能包含用户名或密码'],
  [/^is an origin: scheme, host and port only, no path$/, () => '只填网站地址（协议、域名和端口），不要带路径'],
];
