import type { zhPassword } from './password.zh';

/** The change-password form's strings in English. */
export const enPassword: typeof zhPassword = {
  passwordTitle: 'Change your password',
  passwordHelp: 'An admin set your password. Change it to one only you know before you approve or reject drafts.',
  passwordCurrent: 'Current password',
  passwordNew: 'New password (at least 12 characters)',
  passwordAgain: 'New password again',
  passwordSave: 'Change password',
  passwordMismatch: 'The two new passwords differ.',
  passwordCurrentWrong: 'The current password is not right.',
  passwordTooWeak: 'The new password needs at least 12 characters and must differ from the current one.',
  passwordChanged: 'Password changed; your sessions elsewhere have ended. You can decide again now.',
  passwordSetByAdmin: 'An admin set your password; change it before approving or rejecting drafts.',
};
