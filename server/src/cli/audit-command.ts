import { verifyAuditLog } from '../platform/db/audit-log';
import { withDatabase, type CliCommand } from './context';

export const AUDIT_USAGE = 'npm run jifen -- audit verify\n  Checks the hash chain of the audit trail; exits with 1 and names each broken entry by seq.';

/** `audit verify`: checks the audit trail's hash chain. */
export const auditCommand: CliCommand = async (args, io) => {
  if (args.length !== 1 || args[0] !== 'verify') {
    io.err(AUDIT_USAGE);
    return 2;
  }
  const report = await withDatabase((ctx) => verifyAuditLog(ctx.db));
  if (report.ok) {
    io.out(`Audit trail intact: ${report.count} entries${report.head ? `, head seq ${report.head.seq} (${report.head.hash})` : ''}.`);
    return 0;
  }
  io.out(`Audit trail BROKEN: ${report.problems.length} problem(s) in ${report.count} entries.`);
  for (const p of report.problems) io.out(`  seq ${p.seq}  ${p.kind}: ${p.message}`);
  return 1;
};
