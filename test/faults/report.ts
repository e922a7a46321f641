import type { FaultRunReport } from './fault-run';

/**
 * The fault run as a plain-text table, one row per kill, then the audit check and the verdict.
 *
 * @example
 * console.log(formatFaultReport(report));
 */
export function formatFaultReport(report: FaultRunReport): string {
  const header = ['workload', '#', 'op ms', 'killed at ms', 'acknowledged', 'in flight at the kill', 'after restart', 'restart ms', 'problems'];
  const body = report.rows.map((r) => [
    r.workload,
    String(r.iteration),
    String(r.operationMs),
    String(r.killedAtMs),
    String(r.acked),
    r.inFlight,
    r.outcome,
    String(r.restartMs),
    r.problems.length === 0 ? 'none' : String(r.problems.length),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  const audit = report.auditChecks.at(-1);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `seed ${report.seed}; ${report.rows.length} kills and restarts; in the database at the end: ${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    `audit verify (${report.auditChecks.length} run${report.auditChecks.length === 1 ? '' : 's'}): ${report.auditChecks.every((c) => c.ok) ? 'passed' : 'FAILED'} — ${audit?.output ?? 'not run'}`,
    report.problems.length === 0 ? 'Nothing half-written, nothing acknowledged lost.' : `PROBLEMS (${report.problems.length}):\n${report.problems.map((p) => `  ${p}`).join('\n')}`,
  ].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
