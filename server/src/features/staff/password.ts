import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, from node:crypto). Hashes carry their parameters, so they can
 * be raised later without invalidating stored ones: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url).
 */

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
/** scrypt needs 128 · N · r bytes (32 MiB here); Node's default ceiling is exactly that, so give it room. */
const MAX_MEM = 128 * 2 ** 17 * R;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The cost of new hashes: `LOG_N`, except that under the test runner (`NODE_ENV=test`)
 * `JIFEN_TEST_SCRYPT_LOG_N` (10 to 15) may lower it, so that a test suite's hundreds of accounts and
 * sign-ins do not each take a tenth of a second of CPU. Stored hashes carry their own cost, so checking
 * them is the same either way; outside tests the variable is ignored.
 */
export function newHashLogN(env: NodeJS.ProcessEnv = process.env): number {
  const lowered = env.NODE_ENV === 'test' ? Number(env.JIFEN_TEST_SCRYPT_LOG_N) : Number.NaN;
  return isSmallInt(lowered, 10, LOG_N) ? lowered : LOG_N;
}

function derive(password: string, salt: Buffer, options: ScryptOptions & { keylen: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, options.keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Hashes a password with a fresh random salt. Runs on libuv's thread pool, not the event loop.
 *
 * @example
 * const stored = await hashPassword('correct horse battery'); // 'scrypt$15$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const logN = newHashLogN();
  const key = await derive(password, salt, { N: 2 ** logN, r: R, p: P, maxmem: MAX_MEM, keylen: KEY_BYTES });
  return ['scrypt', logN, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether `password` matches a stored hash, compared in constant time. A malformed hash never matches.
 *
 * @example
 * await verifyPassword('correct horse battery', stored); // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (!isSmallInt(logN, 10, 20) || !isSmallInt(r, 1, 32) || !isSmallInt(p, 1, 16)) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 16 || expected.length < 16) return false;
  const key = await derive(password, salt, { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r, keylen: expected.length });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it costs what a real check costs, for unknown users. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}

/**
 * A random password for generated accounts: 16 characters (about 79 bits) from an alphabet without
 * look-alikes, in groups of four.
 *
 * @example
 * generatePassword(); // 'k7m2-qx9r-b4tn-8wfa'
 */
export function generatePassword(prefix = ''): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += alphabet[randomInt(alphabet.length)];
  }
  return `${prefix}${out}`;
}

function isSmallInt(n: number | undefined, min: number, max: number): n is number {
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max;
}
