import { createServer, type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { JifenError } from './domain/errors';
import { DEFAULT_WITNESS_EVERY_MS, loadAuditKey, startAuditWitness } from './features/audit';
import type { AnonymousRateLimit } from './platform/http/anonymous-rate-limit';
import { createWidgetServices, publicUrlFrom, startWidgetDemo } from './features/widget';
import { seedDemoUsers, type DemoCredential } from './features/staff';
import { auditTailProblem } from './platform/db/audit-log';
import { inTransaction, openDatabase, useWriteAheadLog, type DatabaseConfig } from './platform/db/database';
import { openPreparedReads, type PreparedReads } from './platform/db/prepared-reads';
import { createLibsqlRuleSetRepository } from './features/rule-sets';
import { seedDemoResidents, type DemoSeedReport } from './features/residents';
import { loadResidentTokenSecret } from './features/credentials';
import { createRuleSetResolver } from './features/rule-sets';
import { migrate } from './platform/db/migrations/migrations';
import { seedRuleSets, type SeedReport } from './features/rule-sets';
import { seedDemoRounds, type DemoRoundsReport } from './features/rounds';

export interface ServerOptions {
  port: number;
  /** Interface to listen on; all interfaces when absent. */
  hostname?: string;
  database: DatabaseConfig;
  /** Folder of the shipped rule sets (`<id>/<n>.json`) seeded on start. */
  ruleSetsDirectory: string;
  /** The clock: stamps seeded versions, sessions and audit entries. */
  now?: () => Date;
  /** The key of resident tokens (`JIFEN_RESIDENT_TOKEN_SECRET`, ≥ 32 characters); else one generated and stored. */
  residentTokenSecret?: string;
  /** On a database without accounts, create the demo staff accounts (answered in `demoUsers`, to print once). */
  demo?: boolean;
  /**
   * With `demo`, how many demo residents to seed (default `DEMO_RESIDENTS`, 20,000): tests that only need a
   * population to work on seed fewer, which takes a fraction of the time.
   */
  demoResidents?: number;
  /** The private JWK that signs widget statements (`JIFEN_SIGNING_KEY`); else one generated and stored. */
  signingKey?: string;
  /** Jifen's public URL (`JIFEN_PUBLIC_URL`), the `iss` of statements; else the address it listens on. */
  publicUrl?: string;
  /** Behind a TLS proxy (`JIFEN_TRUST_PROXY=1`): client address and scheme from its X-Forwarded-* headers. */
  trustProxy?: boolean;
  /** Requests per address of anonymous callers (`JIFEN_ANONYMOUS_RATE_LIMIT`); unlimited when absent. */
  anonymousRateLimit?: AnonymousRateLimit;
  /** The key that signs audit checkpoints (`JIFEN_AUDIT_KEY`…); else `loadAuditKey` finds or generates one. */
  auditKey?: string;
  /** A file to append a signed checkpoint to at start and every `auditWitnessEveryMs` (`JIFEN_AUDIT_WITNESS`). */
  auditWitness?: string;
  auditWitnessEveryMs?: number;
}

export interface RunningServer {
  /** Base URL to reach the server, e.g. `http://localhost:8787`. */
  url: string;
  port: number;
  seeded: SeedReport;
  /** Demo accounts created by this start, with their passwords (empty unless the database had no account). */
  demoUsers: DemoCredential[];
  /**
   * Set when the audit trail did not end at its recorded head at start (entries cut from its end or added
   * to it outside Jifen). New entries still follow the head, so the gap stays for `audit verify` to name.
   */
  auditTail?: string;
  /** The demo population seeded by this start (`seeded: false` when residents existed already); absent without `demo`. */
  demoResidents?: DemoSeedReport;
  /** The demo rounds seeded by this start (one published, one open); absent without `demo`. */
  demoRounds?: DemoRoundsReport;
  /** The application being served, e.g. to list its routes. */
  app: ReturnType<typeof createApp>;
  /** Stops accepting connections, lets requests in flight finish (10 s at most), closes the database. */
  close(): Promise<void>;
}

/**
 * Migrates and seeds the database, then listens: once this resolves the server is ready and `/healthz`
 * answers 200.
 *
 * @example
 * const server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: 'file:data/jifen.db' }, ruleSetsDirectory: 'rule-sets' });
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Before anything is opened or written: a port already taken would otherwise fail the start after
  // seeding, with the demo accounts' one-time passwords made and never printed.
  await checkPortFree(options.port, options.hostname);
  const client = openDatabase(options.database);
  let server: ServerType | undefined;
  let witness: ReturnType<typeof startAuditWitness> | undefined;
  let reads: PreparedReads | undefined;
  try {
    await useWriteAheadLog(client, options.database.url);
    await migrate(client);
    // Before anything is appended: a trail whose end no longer matches its recorded head is told at once.
    const auditTail = await auditTailProblem(client);
    const clock = options.now ?? (() => new Date());
    const now = clock();
    const seeded = await inTransaction(client, (tx) =>
      seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: options.ruleSetsDirectory, now, audit: tx }),
    );
    reads = openPreparedReads(options.database.url);
    const ruleSets = createLibsqlRuleSetRepository(client, reads ? { reads } : {});
    const demoUsers = options.demo ? await seedDemoUsers({ db: client, ruleSets, now: clock }) : [];
    const widget = await createWidgetServices(client, {
      now: clock,
      ...(options.signingKey ? { signingKey: options.signingKey } : {}),
      ...(options.publicUrl ? { publicUrl: publicUrlFrom(options.publicUrl) } : {}),
    });
    const resolver = createRuleSetResolver(ruleSets);
    const demoResidents = options.demo
      ? await seedDemoResidents(client, { resolver, now, ...(options.demoResidents !== undefined ? { count: options.demoResidents } : {}) })
      : undefined;
    // After the population: the demo rounds take their applicants from it.
    const demoRounds = options.demo ? await seedDemoRounds(client, { resolver, now }) : undefined;
    const residents = { residentTokenSecret: await loadResidentTokenSecret(client, options.residentTokenSecret, now) };
    const auditKey = options.auditKey ?? loadAuditKey({ env: process.env, databaseUrl: options.database.url });
    const app = createApp({
      ruleSets,
      resolver,
      database: client,
      now: clock,
      widget,
      residents,
      auditKey,
      network: { trustProxy: options.trustProxy ?? false },
      ...(options.anonymousRateLimit ? { anonymousRateLimit: options.anonymousRateLimit } : {}),
    });
    witness = options.auditWitness
      ? startAuditWitness({ db: client, key: auditKey, path: options.auditWitness, everyMs: options.auditWitnessEveryMs ?? DEFAULT_WITNESS_EVERY_MS, now: clock })
      : undefined;
    await witness?.write();
    const listening = await new Promise<{ server: ServerType; address: AddressInfo }>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) }, (address) =>
        resolve({ server: s, address }),
      );
      s.once('error', reject);
    });
    server = listening.server;
    const port = listening.address.port;
    const host = options.hostname && options.hostname !== '0.0.0.0' && options.hostname !== '::' ? options.hostname : 'localhost';
    const running = server;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (!widget.publicUrlConfigured) widget.publicUrl = url;
    if (options.demo) await startWidgetDemo(widget, resolver, [...new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`])]);
    return {
      url,
      port,
      seeded,
      demoUsers,
      ...(auditTail ? { auditTail } : {}),
      ...(demoResidents ? { demoResidents } : {}),
      ...(demoRounds ? { demoRounds } : {}),
      app,
      close: () => {
        witness?.stop();
        return stop(running, () => {
          reads?.close();
          client.close();
        });
      },
    };
  } catch (error) {
    witness?.stop();
    server?.close();
    reads?.close();
    client.close();
    throw error;
  }
}

async function stop(server: ServerType, closeDatabase: () => void): Promise<void> {
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  closeDatabase();
}

/** Refuses a start on a port another process holds, in words that say what to do (port 0 is always free). */
async function checkPortFree(port: number, hostname: string | undefined): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new JifenError('conflict', {
              en: `Jifen: port ${port}${hostname ? ` on ${hostname}` : ''} is already in use (another Jifen?); stop it or set PORT to a free port. Nothing was written.`,
              zh: `端口 ${port} 已被占用（是否已有一个积分服务在运行？）：请先停止它，或用 PORT 指定空闲端口。尚未写入任何数据。`,
            })
          : error,
      ),
    );
    probe.listen({ port, ...(hostname ? { host: hostname } : {}) }, () => probe.close(() => resolve()));
  });
}
