import type { SubmitMessages } from './submit.zh';

/** The strings of submitting a draft and of the date its version takes effect, in English. */
export const enSubmit: SubmitMessages = {
  noteRequired: 'Enter a change note: what changed and why.',
  openCases: 'Open test cases',
  reasonRequired: 'Enter the reason for returning it: what needs to change.',
  proposedEffectiveFrom: (date) => `Proposed to take effect on ${date}`,
  effectiveFromDecided: 'The approver sets it when approving: not before today, nor before the latest published version takes effect.',
  effectiveFromEarliest: (date) => `The earliest date allowed is ${date} (China time).`,
};
