// zod-openapi first: schemas created before it lack `.openapi()` (zod 4 copies methods at creation).
import '@hono/zod-openapi';
import { JifenError } from '../domain/errors';
import { auditCommand, AUDIT_USAGE } from './audit-command';
import { readProcessStdin, type CliCommand, type CliIo } from './context';
import { diffCommand, DIFF_USAGE } from './diff-command';
import { usersCommand, USERS_USAGE } from './users-command';

/** `npm run jifen -- <command> …`: administration from a shell, on the database of `JIFEN_DATABASE_URL`. */
const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  users: { run: usersCommand, usage: USERS_USAGE },
  audit: { run: auditCommand, usage: AUDIT_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
};

async function main(argv: string[]): Promise<number> {
  const io: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line), readStdin: readProcessStdin };
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
