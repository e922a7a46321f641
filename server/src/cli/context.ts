import type { Client } from '@libsql/client';
import type { LifecycleContext } from '../platform/db/context';
import { databaseConfigFromEnv, openDatabase, useWriteAheadLog } from '../platform/db/database';
import { createLibsqlRuleSetRepository } from '../features/rule-sets';
import { migrate } from '../platform/db/migrations/migrations';

/** Where a command writes, what it reads as standard input, and the environment it reads its settings from. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Standard input as text, or undefined when it is a terminal. */
  readStdin: () => Promise<string | undefined>;
  /** `JIFEN_DATABASE_URL`, `JIFEN_AUDIT_KEY`…: the process's environment when run from a shell. */
  env: NodeJS.ProcessEnv;
}

/** A command: answers its exit code (0 done, 1 failed or found a problem, 2 wrong usage). */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/**
 * Opens the database named by `JIFEN_DATABASE_URL` in `env` (the server's), brings its schema up to date,
 * and runs `work` with a lifecycle context; closes the database afterwards.
 *
 * @example
 * await withDatabase(io.env, (ctx) => listUsers(ctx));
 */
export async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (ctx: LifecycleContext, client: Client) => Promise<T>): Promise<T> {
  const config = databaseConfigFromEnv(env);
  const client = openDatabase(config);
  try {
    await useWriteAheadLog(client, config.url);
    await migrate(client);
    return await work({ db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() }, client);
  } finally {
    client.close();
  }
}

/** Standard input read to its end; undefined for a terminal (nothing was piped in). */
export async function readProcessStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
