import { describe, expect, it } from 'vitest';
import { hashPassword, newHashLogN, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes at scrypt 2^15 (r 8, p 1), whatever a test setting says, outside the test runner', () => {
    expect(newHashLogN({})).toBe(15);
    expect(newHashLogN({ NODE_ENV: 'production', JIFEN_TEST_SCRYPT_LOG_N: '10' })).toBe(15);
    expect(newHashLogN({ JIFEN_TEST_SCRYPT_LOG_N: '10' })).toBe(15);
    // Under the test runner it may be lowered, never below 2^10 nor above 2^15.
    expect(newHashLogN({ NODE_ENV: 'test', JIFEN_TEST_SCRYPT_LOG_N: '10' })).toBe(10);
    expect(newHashLogN({ NODE_ENV: 'test', JIFEN_TEST_SCRYPT_LOG_N: '4' })).toBe(15);
    expect(newHashLogN({ NODE_ENV: 'test', JIFEN_TEST_SCRYPT_LOG_N: '20' })).toBe(15);
  });

  it('stores the cost with the hash and checks a full-cost hash and a test-cost hash alike', async () => {
    const previous = process.env.JIFEN_TEST_SCRYPT_LOG_N;
    try {
      delete process.env.JIFEN_TEST_SCRYPT_LOG_N;
      const full = await hashPassword('correct horse battery');
      expect(full).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      process.env.JIFEN_TEST_SCRYPT_LOG_N = '10';
      const cheap = await hashPassword('correct horse battery');
      expect(cheap).toMatch(/^scrypt\$10\$8\$1\$/);
      for (const stored of [full, cheap]) {
        expect(await verifyPassword('correct horse battery', stored)).toBe(true);
        expect(await verifyPassword('correct horse battery!', stored)).toBe(false);
      }
    } finally {
      if (previous === undefined) delete process.env.JIFEN_TEST_SCRYPT_LOG_N;
      else process.env.JIFEN_TEST_SCRYPT_LOG_N = previous;
    }
  });
});
