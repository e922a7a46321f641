import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCheckpoint, checkpointSchema, loadAuditKey, takeCheckpoint } from '../features/audit';
import { verifyAuditLog } from '../platform/db/audit-log';
import { databaseConfigFromEnv } from '../platform/db/database';
import { withDatabase, type CliCommand, type CliIo } from './context';

export const AUDIT_USAGE = `npm run jifen -- audit verify [--checkpoint FILE]
  Checks the hash chain of the audit trail; exits with 1 and names each broken entry by seq.
  With --checkpoint, also checks that the trail still holds a checkpoint saved earlier (a file from
  GET /api/v1/audit/checkpoint or "audit checkpoint", or the last line of a JIFEN_AUDIT_WITNESS file):
  a trail cut back or rewritten and chained again fails. The key comes from JIFEN_AUDIT_KEY or
  JIFEN_AUDIT_KEY_FILE, as for the server.
npm run jifen -- audit checkpoint
  Prints a signed checkpoint of the trail's newest entry (JSON), to keep away from the server.`;

/** `audit verify [--checkpoint FILE]` and `audit checkpoint`. */
export const auditCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { checkpoint: { type: 'string' } } });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${AUDIT_USAGE}`);
    return 2;
  }
  const file = parsed.values.checkpoint;
  if (sub === 'checkpoint' && file === undefined) {
    const key = auditKey(io);
    const checkpoint = await withDatabase(io.env, (ctx) => takeCheckpoint(ctx.db, key, ctx.now()));
    io.out(JSON.stringify(checkpoint, null, 2));
    return 0;
  }
  if (sub !== 'verify') {
    io.err(AUDIT_USAGE);
    return 2;
  }
  const chain = await verifyChainCommand(io);
  if (file === undefined) return chain;
  const saved = readCheckpoint(file, io);
  if (!saved) return 2;
  const key = auditKey(io);
  const verdict = await withDatabase(io.env, (ctx) => checkCheckpoint(ctx.db, key, saved));
  if (verdict.ok) {
    io.out(`Checkpoint holds: the trail still contains entry ${verdict.seq} (${verdict.hash}) of ${verdict.at}, and nothing before it changed.`);
    return chain;
  }
  io.out(`Checkpoint FAILS: ${verdict.signatureValid ? `the trail no longer holds entry ${verdict.seq} as of ${verdict.at}` : 'its signature is not valid'}.`);
  for (const p of verdict.problems) io.out(`  seq ${p.seq}  ${p.kind}: ${p.message}`);
  return 1;
};

async function verifyChainCommand(io: CliIo): Promise<number> {
  const report = await withDatabase(io.env, (ctx) => verifyAuditLog(ctx.db));
  if (report.ok) {
    io.out(`Audit trail intact: ${report.count} entries${report.head ? `, head seq ${report.head.seq} (${report.head.hash})` : ''}.`);
    // A chain that holds together says nothing of entries cut from its end with the head rewound.
    io.out('Entries cut from its end show only against a saved checkpoint: audit verify --checkpoint <file>.');
    return 0;
  }
  io.out(`Audit trail BROKEN: ${report.problems.length} problem(s) in ${report.count} entries.`);
  for (const p of report.problems) io.out(`  seq ${p.seq}  ${p.kind}: ${p.message}`);
  return 1;
}

function auditKey(io: CliIo): string {
  return loadAuditKey({ env: io.env, databaseUrl: databaseConfigFromEnv(io.env).url, warn: io.err });
}

/** A checkpoint file: one JSON checkpoint, or a witness file of one per line (the last counts). */
function readCheckpoint(file: string, io: CliIo) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`Audit: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return undefined;
  }
  const lines = text.trim().split(/\r?\n/);
  let value: unknown;
  try {
    value = JSON.parse(lines.length > 1 && lines.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) ? lines.at(-1)! : text);
  } catch {
    io.err(`Audit: ${file} is not a checkpoint (JSON)`);
    return undefined;
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) {
    io.err(`Audit: ${file} is not a checkpoint: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ')}`);
    return undefined;
  }
  return parsed.data;
}
