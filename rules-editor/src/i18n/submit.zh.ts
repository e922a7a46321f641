/** The strings of submitting a draft and of the date its version takes effect, in Chinese. */
export const zhSubmit = {
  noteRequired: '请填写变更说明：改了什么、为什么改。',
  openCases: '查看测试用例',
  reasonRequired: '请填写退回原因：需要修改什么。',
  proposedEffectiveFrom: (date: string) => `建议 ${date} 起生效`,
  effectiveFromDecided: '审批人批准时确定，不能早于今天，也不能早于最新已发布版本的生效日期。',
  effectiveFromEarliest: (date: string) => `最早可选 ${date}（中国时间）。`,
};

export type SubmitMessages = typeof zhSubmit;
