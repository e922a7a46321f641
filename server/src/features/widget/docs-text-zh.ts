/**
 * The Chinese of the widget's reference on `/widget/docs`: every attribute, event, part and custom
 * property the custom-elements manifest lists (the manifest itself is in English, from the component's
 * comments), and every `jifen-error` code. docs-routes.test.ts requires an entry for each name the manifest
 * has, so that a new attribute cannot reach the Chinese page in English.
 */
export const REFERENCE_ZH: Readonly<Record<'attributes' | 'events' | 'parts' | 'props', Readonly<Record<string, string>>>> = {
  attributes: {
    scenario: '场景编号（如 school-enrollment）；合作方有两个同名场景时写作「规则集编号/场景编号」。必填。',
    'partner-key': '合作方密钥：与登记的网站地址和场景绑定，向主管部门申请获得。',
    lang: 'zh-CN 或 en；不写时跟随页面语言（<html lang>），两者都不是时用中文。',
    'resident-token': '居民在其 Jifen App 中授权后得到的令牌：显示居民的真实积分，而不是自测。',
    'api-base': 'Jifen 服务器地址；默认为加载本脚本的服务器。',
    'heading-level': '组件标题的层级（1–6），以配合页面的标题结构。',
    timeout: '等待 Jifen 应答的秒数；超时后报告 timeout，并提供「重试」。',
  },
  events: {
    'jifen-error': 'Jifen 拒绝、无法连接或未按时应答：detail.code 指明原因（见下方「错误代码」），detail.message 供开发者查看；访客看到的是页面语言的简明说明。',
    'jifen-result': '显示了一个结果：detail.statement 是供贵单位后端验证的签名声明（JWS）。',
  },
  parts: {
    base: '组件外框。',
    header: '标题区。',
    title: '场景名称。',
    subtitle: '标题下的「积分资格自测」或「我的积分资格」。',
    form: '自测表单。',
    group: '一组填写项（资格条件、加分项、扣分项）。',
    field: '一个填写项的标签和输入框。',
    label: '填写项的标签。',
    input: '填写项的输入控件（输入框、下拉框、复选框）。',
    hint: '填写项的说明。',
    'field-error': '填写项的错误提示。',
    submit: '「测算」按钮。',
    result: '显示结果的实时区域。',
    verdict: '是否符合条件。',
    score: '得分与分数线。',
    meter: '得分条（以得分和分数线命名的 <meter>，以主色填充；得分达到分数线后以成功色填充）。',
    missing: '尚未满足的条件。',
    suggestions: '居民模式：怎样才能符合条件（由易到难），以及仅靠时间何时符合。',
    position: '居民模式：在公示名单中的排名，以及名单的排序依据。',
    resident: '居民模式：脱敏后的姓名和居住证号。',
    breakdown: '各指标的得分明细。',
    version: '所依据的规则版本和评分日期。',
    error: '拒绝或失败的提示；自测时显示在「测算」按钮旁。',
    retry: '网络失败或超时时的「重试」按钮。',
    fallback: '访客自己无法解决的错误旁：显示元素内的后备内容；没有内容时，提示到新市民服务中心办理。',
  },
  props: {
    '--jifen-font-family': '组件字体。',
    '--jifen-font-size': '基础字号。',
    '--jifen-color-text': '文字颜色。',
    '--jifen-color-muted': '次要文字颜色。',
    '--jifen-color-surface': '背景色。',
    '--jifen-color-border': '边框和分隔线颜色。',
    '--jifen-color-primary': '按钮、焦点框和得分条的颜色。',
    '--jifen-color-on-primary': '主色上的文字颜色。',
    '--jifen-color-success': '「符合条件」的颜色。',
    '--jifen-color-danger': '「不符合条件」和错误提示的颜色。',
    '--jifen-radius': '圆角半径。',
    '--jifen-spacing': '基础间距。',
  },
};

/** Every `jifen-error` code, what it means and who can fix it, in both languages. */
export const ERROR_CODES: readonly { code: string; zh: string; en: string }[] = [
  { code: 'scenario_missing', zh: '元素没有 scenario 属性：请按上方代码写上场景编号。', en: 'The element has no scenario attribute: add the scenario id as in the tag above.' },
  { code: 'key_invalid', zh: '密钥无法识别：请检查 partner-key 是否完整抄录。', en: 'The key is not recognised: check that partner-key was copied whole.' },
  { code: 'key_revoked', zh: '密钥已被吊销：请向主管部门申请新密钥。', en: 'The key was revoked: ask the district for a new one.' },
  { code: 'origin_not_registered', zh: '本页面的地址未登记：登记的地址须与页面地址完全一致（协议、域名和端口）。', en: "This page's origin is not registered: it must match exactly (scheme, host and port)." },
  { code: 'origin_forbidden', zh: '本页面的地址不属于该密钥的合作方。', en: "This page's origin does not belong to the key's partner." },
  { code: 'scenario_forbidden', zh: '该密钥不能查看这个场景：请检查场景编号，或申请开通。', en: 'The key is not allowed this scenario: check the id, or ask for it to be added.' },
  { code: 'not_found', zh: '没有这个场景（或其规则集尚未发布）。', en: 'No such scenario (or its rule set is not published yet).' },
  { code: 'token_expired', zh: '居民的授权已过期：居民需在 App 中重新授权。与贵单位的密钥无关。', en: "The resident's token expired: the resident allows again in the app. Not the site's key." },
  { code: 'token_invalid', zh: '居民的授权令牌无法识别。', en: "The resident's token cannot be read." },
  { code: 'token_revoked', zh: '居民已撤回授权。', en: 'The resident withdrew consent.' },
  { code: 'token_scenario', zh: '居民的授权不是针对这个场景的。', en: "The resident's token is for another scenario." },
  { code: 'token_partner', zh: '居民的授权是给其他合作方的。', en: "The resident's token is for another partner." },
  { code: 'validation_failed', zh: '访客填写的内容有误：detail.fields 逐项列出，组件已在各填写项旁提示。', en: 'What the visitor typed was refused: detail.fields names each field, shown at the fields.' },
  { code: 'too_many_requests', zh: '查询过于频繁，请稍后再试。', en: 'Too many checks in a short time.' },
  { code: 'network', zh: '无法连接 Jifen：网络中断、服务暂停，或页面的 CSP 没有允许连接 Jifen。', en: "Jifen cannot be reached: the network, the service paused, or the page's CSP not allowing Jifen." },
  { code: 'timeout', zh: 'Jifen 未在 timeout 秒内应答。', en: 'Jifen did not answer within timeout seconds.' },
];
