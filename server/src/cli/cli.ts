// zod-openapi first: schemas created before it lack `.openapi()` (zod 4 copies methods at creation).
import '@hono/zod-openapi';
import { readProcessStdin } from './context';
import { runCli } from './run-cli';

/** `npm run jifen -- <command> …`: runs the command with this process's streams and environment. */
runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), readStdin: readProcessStdin, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
