/** The change-password form's strings in Chinese. */
export const zhPassword = {
  passwordTitle: '修改密码',
  passwordHelp: '你的密码由管理员设置。请先改成只有你自己知道的密码，然后才能批准或退回草稿。',
  passwordCurrent: '当前密码',
  passwordNew: '新密码（至少 12 个字符）',
  passwordAgain: '再次输入新密码',
  passwordSave: '修改密码',
  passwordMismatch: '两次输入的新密码不一致。',
  passwordCurrentWrong: '当前密码不正确。',
  passwordTooWeak: '新密码至少 12 个字符，且不能与当前密码相同。',
  passwordChanged: '密码已修改，其他设备上的登录已退出。现在可以再次提交决定。',
  passwordSetByAdmin: '你的密码由管理员设置，修改后才能批准或退回草稿。',
};
