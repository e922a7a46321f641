/** Draft names (草稿名称) in Chinese: naming a draft when it is started, renaming it, and the label of one never named. */
export const zhNames = {
  draftTitle: (id: string) => `草稿 ${id}`,
  draftMeta: (base: number, author: string, at: string) => `基于第 ${base} 版 · ${author} · ${at}`,
  draftUnnamed: (created: string) => `草稿 · 创建于 ${created}`,
  draftIdIs: (id: string) => `编号 ${id}`,
  draftName: '草稿名称',
  draftNameOptional: '草稿名称（可不填）',
  draftNameHint: '用一句话说明这次调整，例如「2027年春季入学积分调整」，最多 60 个字符。不填也可以，以后再起名。',
  draftNameExample: '2027年春季入学积分调整',
  createDraft: '创建草稿',
  creatingDraft: '正在创建…',
  rename: '改名',
  nameIt: '起个名字',
  saveName: '保存名称',
  savingName: '正在保存…',
  renameAfterWithdraw: '已提交审批的草稿需先撤回提交，才能改名。',
  renameTakenBy: (name: string) => `这份草稿刚被他人改名为「${name}」，你的名称还没有保存。确认后再点一次保存名称。`,
  renamedFromTo: (from: string, to: string) => `「${from}」→「${to}」`,
  unnamed: '未命名',
  // A save's changes in the audit trail: what each operation did at its place.
  patchAdded: '已添加',
  patchRemoved: '已删除',
  patchMore: (n: number) => `另有 ${n} 处改动`,
  patchSeparator: '：',
  // The server's Chinese already names the field or the draft; its English is a predicate ("must not be blank").
  draftNameError: (text: string) => text,
  draftStatusError: (text: string) => text,
};
