import { parseArgs } from 'node:util';
import { runFaults } from './fault-run';
import { formatFaultReport } from './report';

/**
 * `npm run faults [-- --seed 7 --iterations 5 --batch 5000]`: kills the server with SIGKILL in the middle
 * of publishing, of a large feed call and of concurrent ledger exchanges, restarts it on the same
 * database each time, and prints what it found. Exits with 1 when anything was half-written or lost.
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    iterations: { type: 'string', default: '5' },
    batch: { type: 'string', default: '5000' },
  },
});

const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const iterations = Number(values.iterations);
const feedBatch = Number(values.batch);
for (const [name, n] of [['seed', seed], ['iterations', iterations], ['batch', feedBatch]] as const) {
  if (!Number.isInteger(n) || n < (name === 'seed' ? 0 : 1)) {
    console.error(`faults: --${name} must be a whole number, not "${values[name]}"`);
    process.exit(2);
  }
}
if (feedBatch > 10_000) {
  console.error('faults: --batch is at most 10000 (the records one feed call may carry)');
  process.exit(2);
}

console.log(`Fault run: seed ${seed}, ${iterations} iteration(s) of each workload, ${feedBatch} records per feed call (rerun with --seed ${seed})`);
const report = await runFaults({ seed, iterations, feedBatch, verifyEveryRestart: true, log: (line) => console.log(`  ${line}`) });
console.log(`\n${formatFaultReport(report)}`);
process.exitCode = report.problems.length === 0 ? 0 : 1;
