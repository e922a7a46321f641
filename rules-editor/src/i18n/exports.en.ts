import type { zhExports } from './exports.zh';

/** Exports for meetings and records, in English. */
export const enExports: typeof zhExports = {
  testCaseRewrites: 'Test-case rewrites',
  noCaseRewrites: 'No test case was rewritten.',
  print: 'Print',
  exportXlsx: 'Export Excel',
  exportCsv: 'Export CSV',
  printedAt: (at: string) => `Printed ${at}`,
  diffFileName: (id: string, from: string, to: string) => `${id}-changes-${from}-to-${to}`,
  diffSheets: { policy: '政策变更 Policy changes', cases: '用例改写 Case rewrites', outcomes: '用例结果 Case outcomes' },
  diffColumns: ['变更', 'Change', 'Kind', 'Target', 'Before', 'After'],
  outcomeColumns: ['Case', 'What changes', 'Before', 'After'],
  moversFileName: (id: string, asOf: string) => `${id}-impact-movers-${asOf}`,
  moversColumns: ['Direction', 'Resident id', 'Name (masked)', 'Total before', 'Total after', 'Change'],
  moversUp: 'up',
  moversDown: 'down',
  auditFileName: 'audit-trail',
  auditColumns: ['Seq', 'Time', 'Actor', 'Action', 'Target', 'Before', 'After', 'Details'],
  exporting: 'Exporting…',
};
