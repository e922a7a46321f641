import type { zhNames } from './names.zh';

/** Draft names in English: naming a draft when it is started, renaming it, and the label of one never named. */
export const enNames: typeof zhNames = {
  draftTitle: (id) => `Draft ${id}`,
  draftMeta: (base, author, at) => `Based on version ${base} · ${author} · ${at}`,
  draftUnnamed: (created) => `Draft · created ${created}`,
  draftIdIs: (id) => `id ${id}`,
  draftName: 'Draft name',
  draftNameOptional: 'Draft name (optional)',
  draftNameHint: 'Say what the change is in a few words, e.g. “2027 spring school-places adjustment”, up to 60 characters. You may leave it blank and name it later.',
  draftNameExample: '2027 spring school-places adjustment',
  createDraft: 'Create draft',
  creatingDraft: 'Creating…',
  rename: 'Rename',
  nameIt: 'Name it',
  saveName: 'Save name',
  savingName: 'Saving…',
  renameAfterWithdraw: 'A draft submitted for approval is renamed after its submission is withdrawn.',
  renameTakenBy: (name) => `Someone just renamed this draft “${name}”; your name is not saved yet. Check it and save the name again.`,
  renamedFromTo: (from, to) => `“${from}” → “${to}”`,
  unnamed: 'unnamed',
  patchAdded: 'added',
  patchRemoved: 'removed',
  patchMore: (n) => `${n} more changes`,
  patchSeparator: ': ',
  draftNameError: (text) => `The draft name ${text}.`,
  draftStatusError: (text) => `This draft ${text}.`,
};
