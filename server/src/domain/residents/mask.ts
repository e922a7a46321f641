/**
 * Masking of personal data in responses (个人信息去标识化). Whoever does not need to see a resident's
 * identity sees the first and last characters only.
 */

/**
 * A residence-permit number with everything but its first 4 and last 4 characters hidden.
 *
 * @example
 * maskPermit('330106199001011234'); // '3301**********1234'
 */
export function maskPermit(permit: string): string {
  const chars = [...permit];
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}

/**
 * A name with its middle hidden: the first character, then stars, then the last one for names of three
 * characters or more.
 *
 * @example
 * maskName('张三'); // '张*'
 * maskName('张小三'); // '张*三'
 * maskName('欧阳小明'); // '欧**明'
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars.at(-1);
}
