import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../server/src/cli/run-cli';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What a run of `npm run jifen -- …` printed and its exit code. */
export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Standard output and error as they were written, interleaved. */
  both: string;
}

/**
 * Runs a CLI command line in this process, with `env` over the test's environment and `stdin` as what a
 * shell would pipe in: the commands and their output are those of `npm run jifen`, without the start of a
 * new Node process each time (`spawnJifen` keeps one real run).
 *
 * @example
 * const run = await runJifen({ JIFEN_DATABASE_URL: url }, ['audit', 'verify']); expect(run.code).toBe(0);
 */
export async function runJifen(env: Record<string, string>, args: string[], stdin?: string): Promise<CliRun> {
  const run: CliRun = { code: null, out: '', err: '', both: '' };
  run.code = await runCli(args, {
    out: (line) => {
      run.out += `${line}\n`;
      run.both += `${line}\n`;
    },
    err: (line) => {
      run.err += `${line}\n`;
      run.both += `${line}\n`;
    },
    readStdin: () => Promise.resolve(stdin),
    env: { ...process.env, ...env },
  });
  return run;
}

/**
 * Runs `npm run jifen -- …` as a shell would (a Node process of its own, without npm's own output), `stdin`
 * piped in when given.
 *
 * @example
 * const run = await spawnJifen({ JIFEN_DATABASE_URL: url }, ['users', 'add', 'root', '--role', 'admin'], 'a-long-password\n');
 */
export function spawnJifen(env: Record<string, string>, args: string[], stdin?: string): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const run: CliRun = { code: null, out: '', err: '', both: '' };
  child.stdout?.on('data', (d: Buffer) => {
    run.out += d.toString();
    run.both += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    run.err += d.toString();
    run.both += d.toString();
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  // 'close', not 'exit': the streams are read to their end by then.
  return new Promise((resolve) =>
    child.once('close', (code) => {
      run.code = code;
      resolve(run);
    }),
  );
}
