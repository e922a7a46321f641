import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { inTransaction, openDatabase, useWriteAheadLog, type DatabaseConfig } from './storage/database';
import { createLibsqlRuleSetRepository } from './storage/libsql-rule-set-repository';
import { migrate } from './storage/migrations';
import { seedRuleSets, type SeedReport } from './storage/seed';

export interface ServerOptions {
  port: number;
  /** Interface to listen on; all interfaces when absent. */
  hostname?: string;
  database: DatabaseConfig;
  /** Folder of the shipped rule sets (`<id>/<n>.json`) seeded on start. */
  ruleSetsDirectory: string;
  /** The clock, read once to stamp seeded versions. */
  now?: () => Date;
}

export interface RunningServer {
  /** Base URL to reach the server, e.g. `http://localhost:8787`. */
  url: string;
  port: number;
  seeded: SeedReport;
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
  const client = openDatabase(options.database);
  let server: ServerType | undefined;
  try {
    await useWriteAheadLog(client, options.database.url);
    await migrate(client);
    const now = (options.now ?? (() => new Date()))();
    const seeded = await inTransaction(client, (tx) =>
      seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: options.ruleSetsDirectory, now }),
    );
    const app = createApp({ ruleSets: createLibsqlRuleSetRepository(client) });
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
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      seeded,
      close: () => stop(running, () => client.close()),
    };
  } catch (error) {
    server?.close();
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
