// zod-openapi first: schemas created before it lack `.openapi()` (zod 4 copies methods at creation).
import '@hono/zod-openapi';
import { fileURLToPath } from 'node:url';
import { JifenError } from './domain/errors';
import { formatDemoCredentials } from './features/staff';
import { databaseConfigFromEnv, redactDatabaseUrl } from './platform/db/database';
import { startServer } from './server';
import { DEFAULT_ANONYMOUS_RATE_LIMIT, type AnonymousRateLimit } from './platform/http/anonymous-rate-limit';

/**
 * `npm start`: serves Jifen on `PORT` (default 8787; `HOST` to pick an interface) with the database at
 * `JIFEN_DATABASE_URL` (default `file:data/jifen.db`, token in `JIFEN_DATABASE_AUTH_TOKEN`).
 * On a database without staff accounts, creates the demo accounts and prints their passwords once, unless
 * `JIFEN_DEMO=0`. Behind a TLS proxy set `JIFEN_TRUST_PROXY=1`; the audit checkpoint key comes from
 * `JIFEN_AUDIT_KEY` or `JIFEN_AUDIT_KEY_FILE` (required with `NODE_ENV=production`). Stops cleanly on
 * SIGTERM and SIGINT.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT?.trim() || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Jifen: PORT must be a port number, not "${process.env.PORT}"`);
  const database = databaseConfigFromEnv(process.env);
  const server = await startServer({
    port,
    ...(process.env.HOST?.trim() ? { hostname: process.env.HOST.trim() } : {}),
    database,
    ruleSetsDirectory: fileURLToPath(new URL('../../rule-sets', import.meta.url)),
    demo: process.env.JIFEN_DEMO?.trim() !== '0',
    ...(process.env.JIFEN_SIGNING_KEY?.trim() ? { signingKey: process.env.JIFEN_SIGNING_KEY.trim() } : {}),
    ...(process.env.JIFEN_PUBLIC_URL?.trim() ? { publicUrl: process.env.JIFEN_PUBLIC_URL.trim() } : {}),
    ...(process.env.JIFEN_RESIDENT_TOKEN_SECRET?.trim() ? { residentTokenSecret: process.env.JIFEN_RESIDENT_TOKEN_SECRET.trim() } : {}),
    ...networkFromEnv(process.env),
    ...auditFromEnv(process.env),
  });
  if (server.auditTail) {
    console.error(`Jifen: the audit trail does not end where it was recorded: ${server.auditTail}. Nothing was repaired or hidden; run \`npm run jifen -- audit verify\` and check it against a saved checkpoint.`);
  }
  const demo = server.demoResidents;
  if (demo?.seeded) {
    console.log(`Jifen: demo population seeded: ${demo.residents} residents, ${demo.children} children, ${demo.facts} fact values, ${demo.ledgerEntries} ledger entries in ${demo.ms} ms`);
  }
  const rounds = server.demoRounds;
  if (rounds?.seeded) console.log(`Jifen: demo rounds seeded in ${rounds.ms} ms: published round ${rounds.published} (public notice at /public/rounds/${rounds.published}), open round ${rounds.open}`);
  if (server.demoUsers.length > 0) console.log(formatDemoCredentials(server.demoUsers));
  console.log(`Jifen listening on ${server.url} (database ${redactDatabaseUrl(database.url)})`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Jifen: ${signal} received, stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Jifen: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** `JIFEN_TRUST_PROXY=1` (behind a TLS proxy); `JIFEN_ANONYMOUS_RATE_LIMIT=N` requests a minute per address, `0` for none (default 600). */
function networkFromEnv(env: NodeJS.ProcessEnv): { trustProxy: boolean; anonymousRateLimit?: AnonymousRateLimit } {
  const trust = env.JIFEN_TRUST_PROXY?.trim().toLowerCase() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(trust)) throw new Error(`Jifen: JIFEN_TRUST_PROXY must be 1 or 0, not "${env.JIFEN_TRUST_PROXY}"`);
  const rate = env.JIFEN_ANONYMOUS_RATE_LIMIT?.trim();
  const requests = rate ? Number(rate) : DEFAULT_ANONYMOUS_RATE_LIMIT.requests;
  if (!Number.isInteger(requests) || requests < 0) throw new Error(`Jifen: JIFEN_ANONYMOUS_RATE_LIMIT must be a number of requests a minute, not "${rate}"`);
  return { trustProxy: trust === '1' || trust === 'true', ...(requests > 0 ? { anonymousRateLimit: { requests, windowMs: 60_000 } } : {}) };
}

/** `JIFEN_AUDIT_WITNESS=FILE` (and `JIFEN_AUDIT_WITNESS_MINUTES`, default 15); the key itself is read by `loadAuditKey`. */
function auditFromEnv(env: NodeJS.ProcessEnv): { auditWitness?: string; auditWitnessEveryMs?: number } {
  const witness = env.JIFEN_AUDIT_WITNESS?.trim();
  if (!witness) return {};
  const minutes = Number(env.JIFEN_AUDIT_WITNESS_MINUTES?.trim() || 15);
  if (!(minutes > 0)) throw new Error(`Jifen: JIFEN_AUDIT_WITNESS_MINUTES must be a number of minutes, not "${env.JIFEN_AUDIT_WITNESS_MINUTES}"`);
  return { auditWitness: witness, auditWitnessEveryMs: minutes * 60_000 };
}

main().catch((error: unknown) => {
  // A JifenError is a known start problem (a changed shipped rule set…): its message says what to do.
  console.error(error instanceof JifenError ? error.message : error);
  process.exit(1);
});
