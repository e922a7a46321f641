// Staff passwords hashed in tests use scrypt at 2^10 instead of 2^15: the suite creates and signs in
// hundreds of accounts, each hash a tenth of a second of CPU at full cost. Only new hashes are cheaper
// (stored hashes carry their cost) and only under NODE_ENV=test; server/src/features/staff/password.test.ts
// checks that Jifen itself hashes at full cost. Servers the tests start as processes inherit it.
process.env.JIFEN_TEST_SCRYPT_LOG_N = '10';
