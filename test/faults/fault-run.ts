import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@libsql/client';
import { createUser } from '../../server/src/features/staff/accounts';
import { openDatabase } from '../../server/src/platform/db/database';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { loadResidentTokenSecret } from '../../server/src/features/credentials/resident-token-secret';
import { issueCredential } from '../../server/src/features/credentials/service-credentials';
import { seededRandom } from '../../server/src/domain/seeded-random';
import { signIn } from './fault-http';
import { auditVerifyCli, faultServer } from './fault-server';
import { feedWorkload } from './feed-workload';
import { checkInvariants } from './invariants';
import { ledgerWorkload } from './ledger-workload';
import { publishWorkload } from './publish-workload';
import { FEED_SOURCE, since, type FaultContext, type IterationReport } from './workload';

export interface FaultRunOptions {
  seed: number;
  /** How many times each workload is interrupted. */
  iterations: number;
  /** Records per feed call. */
  feedBatch: number;
  /** Run `audit verify` after every restart, not only at the end. */
  verifyEveryRestart?: boolean;
  log?: (line: string) => void;
}

/** One interrupted run of one workload. */
export interface FaultRow extends IterationReport {
  workload: string;
  iteration: number;
  /** How long one undisturbed operation took, and when (after the work began) the server was killed. */
  operationMs: number;
  killedAtMs: number;
  restartMs: number;
}

export interface FaultRunReport {
  seed: number;
  rows: FaultRow[];
  /** `audit verify` after the last restart (and after each one with `verifyEveryRestart`). */
  auditChecks: { ok: boolean; output: string }[];
  counts: Record<string, number>;
  /** Every broken promise of the run; empty when everything held. */
  problems: string[];
}

/**
 * The fault run: starts a real server on a fresh libsql file, then for each iteration and workload
 * (publishing, a large feed, concurrent ledger exchanges) starts the work, SIGKILLs the server at a seeded
 * random moment inside it, restarts it on the same file and checks that nothing is half-written and
 * nothing acknowledged is lost. The audit trail is verified with the CLI an operator would use.
 *
 * @example
 * const report = await runFaults({ seed: 1, iterations: 5, feedBatch: 5000, log: console.log });
 */
export async function runFaults(options: FaultRunOptions): Promise<FaultRunReport> {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'jifen-faults-'));
  const databaseUrl = pathToFileURL(join(dir, 'jifen.db')).href;
  const server = faultServer({ JIFEN_DATABASE_URL: databaseUrl });
  let client: Client | undefined;
  const rows: FaultRow[] = [];
  const auditChecks: FaultRunReport['auditChecks'] = [];
  const problems: string[] = [];
  try {
    await server.start();
    client = openDatabase({ url: databaseUrl });
    const ctx = await prepareContext(client, server, options);
    const workloads = [publishWorkload(), feedWorkload(), ledgerWorkload()];
    for (let iteration = 1; iteration <= options.iterations; iteration++) {
      for (const workload of workloads) {
        const { operationMs, killWindowMs: [from, to] } = await workload.prepare(ctx, iteration);
        const killAt = Math.round(from + ctx.random() * (to - from));
        let stopped = false;
        const start = performance.now();
        const driving = workload.drive(ctx, () => stopped);
        await sleep(killAt);
        stopped = true;
        await server.kill();
        const killedAtMs = since(start);
        await driving;
        const restart = performance.now();
        await server.start();
        const restartMs = since(restart);
        const report = await workload.check(ctx);
        const invariants = await checkInvariants(client);
        report.problems.push(...invariants.problems);
        if (options.verifyEveryRestart) {
          const verified = await auditVerifyCli(databaseUrl);
          auditChecks.push(verified);
          if (!verified.ok) report.problems.push(`audit verify failed: ${verified.output}`);
        }
        const row: FaultRow = { workload: workload.name, iteration, operationMs, killedAtMs, restartMs, ...report };
        rows.push(row);
        problems.push(...report.problems.map((p) => `${workload.name} #${iteration}: ${p}`));
        log(`${workload.name} #${iteration}: killed at ${killedAtMs} ms, ${row.acked} acknowledged, in flight ${row.inFlight} → ${row.outcome}${row.problems.length ? `, ${row.problems.length} PROBLEM(S)` : ''}`);
      }
    }
    const final = await auditVerifyCli(databaseUrl);
    auditChecks.push(final);
    if (!final.ok) problems.push(`audit verify after the last restart failed: ${final.output}`);
    const { counts } = await checkInvariants(client);
    return { seed: options.seed, rows, auditChecks, counts: { ...counts, restarts: rows.length }, problems };
  } finally {
    client?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function prepareContext(client: Client, server: ReturnType<typeof faultServer>, options: FaultRunOptions): Promise<FaultContext> {
  const lifecycle = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() };
  const accounts = { editor: 'fault.editor', approver: 'fault.approver' };
  const passwords: Record<string, string> = {};
  for (const [role, username] of Object.entries(accounts)) {
    passwords[username] = `${username}-password-${options.seed}`;
    await createUser(lifecycle, { username, displayName: username, password: passwords[username], roles: [role], departments: ['*'] }, 'fault-run');
  }
  const feed = await issueCredential(client, { purpose: 'feed', source: FEED_SOURCE, label: 'fault run', createdBy: 'fault-run', at: new Date().toISOString() });
  return {
    url: () => server.url,
    client,
    editor: await signIn(server.url, accounts.editor, passwords[accounts.editor]!),
    approver: await signIn(server.url, accounts.approver, passwords[accounts.approver]!),
    feed: { bearer: feed.token },
    residentSecret: await loadResidentTokenSecret(client, undefined, new Date()),
    random: seededRandom(options.seed),
    feedBatch: options.feedBatch,
  };
}
