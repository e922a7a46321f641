/** The strings of what a test case checks (its scope), in Chinese. */
export const zhCases = {
  caseAbout: '这个用例核对什么',
  aboutTotal: '整体总分',
  aboutIndicator: '某一指标',
  aboutGroup: '某一分组',
  aboutEligibility: '场景资格',
  aboutHelp: '只核对所选的部分：调整其他指标的分值不会让这个用例失败。预期值取当前计算结果。',
  chooseIndicator: '指标',
  chooseGroup: '分组',
  chooseScenarios: '场景（可多选）',
  chooseOneScenario: '请至少选择一个场景。',
  scopeAll: '核对：全部预期结果',
  scopeTotal: '核对：整体总分',
  scopeIndicator: (name: string) => `核对：指标「${name}」`,
  scopeGroup: (name: string) => `核对：分组「${name}」`,
  scopeEligibility: (names: string) => `核对：${names}的资格`,
  acceptOnlyScope: (scope: string) => `${scope}（只更新这一部分）`,
};
