// zod-openapi first: schemas created before it lack `.openapi()` (zod 4 copies methods at creation).
import '@hono/zod-openapi';
import { fileURLToPath } from 'node:url';
import { JifenError } from './domain/errors';
import { formatDemoCredentials } from './features/staff';
import { databaseConfigFromEnv, redactDatabaseUrl } from './platform/db/database';
import { startServer } from './server';

/**
 * `npm start`: serves Jifen on `PORT` (default 8787; `HOST` to pick an interface) with the database at
 * `JIFEN_DATABASE_URL` (default `file:data/jifen.db`, token in `JIFEN_DATABASE_AUTH_TOKEN`).
 * On a database without staff accounts, creates the demo accounts and prints their passwords once, unless
 * `JIFEN_DEMO=0`. Stops cleanly on SIGTERM and SIGINT.
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
  });
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

main().catch((error: unknown) => {
  // A JifenError is a known start problem (a changed shipped rule set…): its message says what to do.
  console.error(error instanceof JifenError ? error.message : error);
  process.exit(1);
});
