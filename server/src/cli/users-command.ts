import { parseArgs } from 'node:util';
import { createUser } from '../features/staff';
import { generatePassword } from '../features/staff';
import { withDatabase, type CliCommand } from './context';

export const USERS_USAGE = `npm run jifen -- users add <username> --role <role> [--role <role>…] [--department <name>…] [--display-name <name>]
  Roles: admin, editor, approver, reviewer, auditor (several allowed, or comma-separated).
  The password is read from standard input (first line); with nothing piped in, one is generated and printed once.`;

/**
 * `users add <username> --role admin [--department X] [--display-name …]`: creates a staff account (the
 * first admin, typically), recorded in the audit trail as done by `cli`.
 */
export const usersCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub !== 'add') {
    io.err(USERS_USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        role: { type: 'string', multiple: true, short: 'r' },
        department: { type: 'string', multiple: true, short: 'd' },
        'display-name': { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USERS_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [username, ...extra] = positionals;
  if (!username || extra.length > 0 || !values.role?.length) {
    io.err(USERS_USAGE);
    return 2;
  }
  const piped = (await io.readStdin())?.split(/\r?\n/)[0] ?? '';
  const password = piped.length > 0 ? piped : generatePassword();
  const user = await withDatabase(io.env, (ctx) =>
    createUser(
      ctx,
      {
        username,
        displayName: values['display-name'] ?? username,
        password,
        roles: values.role!.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean),
        departments: values.department ?? [],
      },
      'cli',
    ),
  );
  const scope = user.departments.length > 0 ? ` for ${user.departments.join(', ')}` : '';
  io.out(`Created ${user.username} (${user.roles.join(', ')}${scope}).`);
  if (piped.length === 0) io.out(`Password (shown once, store it now): ${password}`);
  return 0;
};
