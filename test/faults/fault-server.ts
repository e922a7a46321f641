import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnServer, type SpawnedServer } from '../support/apps/spawn-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One Jifen server process as `npm start` runs it (`node --import tsx server/src/main.ts`, no demo data) on
 * a database that outlives it: `kill` ends the process with SIGKILL (no chance to finish anything), `start`
 * runs a new one on the same database. Only the process this object started is ever signalled, by its pid.
 *
 * @example
 * const server = faultServer({ JIFEN_DATABASE_URL: url }); await server.start(); await server.kill(); await server.start();
 */
export function faultServer(env: Record<string, string>) {
  let current: SpawnedServer | undefined;
  return {
    /** Starts a server (after the previous one is gone) and resolves with its base URL once it listens. */
    async start(): Promise<string> {
      if (current && current.process.exitCode === null && current.process.signalCode === null) throw new Error('faultServer: a server is still running');
      current = await spawnServer({ JIFEN_DEMO: '0', ...env });
      return current.url;
    },
    get url(): string {
      if (!current) throw new Error('faultServer: not started');
      return current.url;
    },
    get pid(): number | undefined {
      return current?.process.pid;
    },
    /** SIGKILL to the server's pid; resolves once the process is gone. */
    async kill(): Promise<void> {
      const child = current?.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
    /** SIGTERM (a clean stop), for the end of a run. */
    async stop(): Promise<void> {
      if (current && current.process.exitCode === null && current.process.signalCode === null) await current.stop();
    },
  };
}

/**
 * Runs `npm run jifen -- audit verify` on the database, as an operator would after a crash, and answers
 * whether it passed with what it printed.
 *
 * @example
 * const { ok, output } = await auditVerifyCli('file:/var/lib/jifen/jifen.db');
 */
export function auditVerifyCli(databaseUrl: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/cli.ts', 'audit', 'verify'],
      { cwd: ROOT, env: { ...process.env, JIFEN_DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ ok: error === null, output: `${stdout}${stderr}`.trim() }),
    );
  });
}
