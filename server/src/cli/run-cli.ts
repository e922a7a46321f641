import { JifenError } from '../domain/errors';
import { auditCommand, AUDIT_USAGE } from './audit-command';
import type { CliCommand, CliIo } from './context';
import { diffCommand, DIFF_USAGE } from './diff-command';
import { usersCommand, USERS_USAGE } from './users-command';

/** `npm run jifen -- <command> …`: administration from a shell, on the database of `JIFEN_DATABASE_URL`. */
const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  users: { run: usersCommand, usage: USERS_USAGE },
  audit: { run: auditCommand, usage: AUDIT_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
};

/**
 * Runs one CLI command line (without `npm run jifen --`) and answers its exit code: 0 done, 1 failed or
 * found a problem (a refusal is written with each offending field), 2 wrong usage.
 *
 * @example
 * const code = await runCli(['audit', 'verify'], { out: console.log, err: console.error, readStdin, env: process.env });
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Usage:\n${Object.values(COMMANDS).map((c) => c.usage).join('\n\n')}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof JifenError)) throw error;
    io.err(error.message);
    for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
    return 1;
  }
}
