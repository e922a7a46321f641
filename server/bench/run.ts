// zod-openapi first: schemas created before it lack `.openapi()` (zod 4 copies methods at creation).
import '@hono/zod-openapi';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ENGINES, evaluate } from '../src/domain/scoring/evaluate';
import type { Facts } from '../src/domain/scoring/types';
import { population as seededPopulation, POPULATION_AS_OF } from '../../test/support/data/population';
import { loadShippedRuleSets } from '../../test/support/data/rule-sets';
import { spawnServer } from '../../test/support/apps/spawn-server';
import { benchEvaluator } from './evaluator.bench';
import { benchHostile } from './hostile.bench';

/**
 * `npm run bench`: how fast Jifen scores. Prints figures, asserts nothing.
 * (a) residents/s of `evaluate` on a seeded population of the district rule set, per engine;
 * (b) req/s and latency of `POST /api/v1/evaluate` against a real server on 127.0.0.1 (autocannon), with one
 *     body and with residents in turn, the server's memory around them, the same load against the ceiling
 *     (ceiling-server.ts: the same middlewares without evaluation), and the time of one
 *     `POST /api/v1/evaluate/batch` of 10,000 residents, beside its floor (batch-floor-server.ts: reading,
 *     parsing and answering the same bytes, nothing else), and how long one resident's /evaluate waits
 *     while a batch (summaries, then full detail) is answered;
 * (c) the compiled evaluator's population paths: fast scoring, the 100k differential check, ranking, draft impact;
 * (d) a province: 5,000,000 residents in a fact table, its bytes per resident, a draft's impact and the peak memory;
 * (e) validating and scoring hostile rule sets (hostile.bench.ts).
 */

const RULE_SET = 'district-sample@2';
const AS_OF = POPULATION_AS_OF;
const POPULATION = 5_000;
const SECONDS_PER_ENGINE = 5;
const HTTP_SECONDS = 10;
/** Turns each of Jifen and the ceiling take within those seconds. */
const TURNS = 10;
const BATCH = 10_000;
/** Batches timed after one warm-up; the median is printed. */
const BATCH_ROUNDS = 9;
const CONNECTIONS = 10;
/** Residents sent in turn to /evaluate, so that no cache of any one answer could flatter the figure. */
const VARIED_BODIES = 1_000;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function benchEvaluate(): Promise<Facts[]> {
  const rs = loadShippedRuleSets().get(RULE_SET);
  if (!rs) throw new Error(`Bench: ${RULE_SET} is not shipped`);
  const population = seededPopulation(POPULATION, 2026).map((r) => r.facts);
  console.log(`(a) evaluate: ${RULE_SET} (${rs.indicators.length} indicators, ${rs.scenarios.length} scenarios), ${fmt(POPULATION)} seeded residents, asOf ${AS_OF}`);
  for (const engine of ENGINES) {
    for (const facts of population.slice(0, 200)) await evaluate(rs, facts, AS_OF, { engine });
    let done = 0;
    let total = 0;
    const start = performance.now();
    const deadline = start + SECONDS_PER_ENGINE * 1000;
    while (performance.now() < deadline) {
      for (let i = 0; i < 100; i++) total += (await evaluate(rs, population[done++ % POPULATION]!, AS_OF, { engine })).total;
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `    engine ${engine.padEnd(9)} ${fmt(done / seconds).padStart(12)} residents/s  (${fmt((seconds * 1e6) / done, 1)} µs each, ${fmt(done)} evaluations, checksum ${fmt(total, 2)})`,
    );
  }
  return population;
}

async function benchHttp(population: readonly Facts[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-bench-'));
  // Demo accounts, so that the batch is sent as signed-in staff (anonymous callers get 1 MB); no limit on
  // anonymous requests, which the ceiling server does not have either.
  const server = await spawnServer({ JIFEN_DATABASE_URL: pathToFileURL(join(dir, 'jifen.db')).href, JIFEN_DEMO: '1', JIFEN_ANONYMOUS_RATE_LIMIT: '0' }, 300_000);
  const ceiling = await spawnServer({}, 30_000, 'server/bench/ceiling-server.ts');
  const floor = await spawnServer({}, 30_000, 'server/bench/batch-floor-server.ts');
  try {
    const [ruleSetId, version] = RULE_SET.split('@');
    const bodies = population.slice(0, VARIED_BODIES).map((facts) => JSON.stringify({ ruleSetId, asOf: AS_OF, facts }));
    const body = bodies[0]!;
    for (const url of [server.url, ceiling.url]) {
      const check = await fetch(`${url}/api/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (check.status !== 200) throw new Error(`Bench: evaluate answered ${check.status} on ${url}: ${await check.text()}`);
    }
    console.log(
      `(b) HTTP: POST /api/v1/evaluate (${ruleSetId} v${version}, ${body.length} bytes) on ${server.url}, ${CONNECTIONS} connections, ${HTTP_SECONDS} s each`,
    );
    const rssBefore = residentMemory(server.process.pid);
    const one = await load(server.url, [body]);
    print('one body, sent again and again', one);
    // Jifen and the ceiling in turns of a few seconds, so that a machine busier at one moment than at
    // another weighs on both alike and the ratio compares like with like.
    const { ours: varied, ceiling: top } = await loadInTurns({ url: server.url, pid: server.process.pid }, { url: ceiling.url, pid: ceiling.process.pid }, bodies);
    const ourCpu = varied.cpuMicros / varied.requests;
    print(`${fmt(bodies.length)} residents in turn`, varied);
    const rssAfter = residentMemory(server.process.pid);
    if (rssBefore !== undefined && rssAfter !== undefined) {
      console.log(`    server memory (RSS) ${fmt(rssBefore / 1024 / 1024, 1)} MB before, ${fmt(rssAfter / 1024 / 1024, 1)} MB after ${fmt(one['2xx'] + varied['2xx'])} requests`);
    }
    // What this machine allows at all: the same middlewares and validation answering a stored evaluation.
    const topCpu = top.cpuMicros / top.requests;
    print('ceiling: same middlewares and validation, no evaluation', top);
    // The server's own CPU time per request does not depend on how the load generator fares on a busy machine.
    console.log(
      `    server CPU per request: ${fmt(ourCpu)} µs; ceiling ${fmt(topCpu)} µs: evaluation costs ${fmt(ourCpu / topCpu, 2)}× the ceiling's CPU`,
    );
    const turns = varied.turns.map((n, k) => `${fmt((100 * n) / top.turns[k]!)}%`).join(', ');
    console.log(`    evaluation runs at ${fmt((100 * varied.average) / top.average)}% of the ceiling (residents in turn; turn by turn ${turns})`);

    const residents = seededPopulation(BATCH, 7).map(({ id, facts }) => ({ id, facts }));
    const batchBody = JSON.stringify({ ruleSetId, asOf: AS_OF, residents });
    const staff = await signIn(server.url, server.output());
    const post = (url: string) =>
      fetch(`${url}/api/v1/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json', ...staff }, body: batchBody });
    let last = await (await post(server.url)).arrayBuffer(); // the first batch also compiles the rule set and warms the server
    // The floor answers Jifen's own answer, so that both send the same bytes back; it takes its rounds
    // between Jifen's, under the same load.
    await fetch(floor.url, { method: 'PUT', body: last });
    await (await post(floor.url)).arrayBuffer();
    // Round trips up to the answer's last byte. The caller's own parse of an answer is timed once, after the
    // rounds: parsed between them, the garbage of ten megabytes of JSON would be collected during the next.
    const rounds: { seconds: number; status: number }[] = [];
    const floorRounds: number[] = [];
    for (let i = 0; i < BATCH_ROUNDS; i++) {
      let start = performance.now();
      const res = await post(server.url);
      last = await res.arrayBuffer();
      rounds.push({ seconds: (performance.now() - start) / 1000, status: res.status });
      start = performance.now();
      await (await post(floor.url)).arrayBuffer();
      floorRounds.push((performance.now() - start) / 1000);
    }
    const parseStart = performance.now();
    const answer = JSON.parse(new TextDecoder().decode(last)) as { evaluated?: number; failed?: number };
    const parse = (performance.now() - parseStart) / 1000;
    const times = rounds.map((r) => r.seconds).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const statuses = [...new Set(rounds.map((r) => r.status))].join(', ');
    console.log(
      `    POST /api/v1/evaluate/batch, ${fmt(BATCH)} residents (${fmt(batchBody.length / 1024 / 1024, 1)} MB in, ${fmt(last.byteLength / 1024 / 1024, 1)} MB out): ` +
        `${statuses} in ${fmt(median * 1000)} ms, median of ${BATCH_ROUNDS} (${fmt(times[0]! * 1000)}–${fmt(times.at(-1)! * 1000)} ms; ${fmt(BATCH / median)} residents/s; ` +
        `${fmt(answer.evaluated ?? 0)} evaluated, ${fmt(answer.failed ?? 0)} failed); the caller's JSON.parse of the answer ${fmt(parse * 1000)} ms more`,
    );
    const floorTimes = floorRounds.sort((a, b) => a - b);
    const floorMedian = floorTimes[Math.floor(floorTimes.length / 2)]!;
    console.log(
      `    batch floor (batch-floor-server.ts: reads and parses the same body, answers the same bytes held ready): ${fmt(floorMedian * 1000)} ms, ` +
        `median of ${BATCH_ROUNDS} (${fmt(floorTimes[0]! * 1000)}–${fmt(floorTimes.at(-1)! * 1000)} ms; ${fmt(BATCH / floorMedian)} residents/s); ` +
        `Jifen's own work about ${fmt((median - floorMedian) * 1000)} ms a batch`,
    );
    // What a batch costs everyone else: one resident's /evaluate, sent every few ms while a batch is answered.
    for (const detail of ['summary', 'full'] as const) {
      const body = detail === 'full' ? JSON.stringify({ ruleSetId, asOf: AS_OF, detail, residents }) : batchBody;
      const waits = await whileBatch(server.url, bodies[0]!, () =>
        fetch(`${server.url}/api/v1/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json', ...staff }, body }).then((r) => r.arrayBuffer()),
      );
      console.log(
        `    while a batch of ${fmt(BATCH)} is answered (${detail === 'full' ? '"detail": "full", ' : ''}${fmt(waits.seconds * 1000)} ms), /evaluate of one resident every 5 ms: ` +
          `${fmt(waits.count)} answered, p50 ${fmt(waits.p50)} ms, slowest ${fmt(waits.max)} ms`,
      );
    }
  } finally {
    await Promise.all([server.stop(), ceiling.stop(), floor.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `/evaluate` sent one at a time (5 ms apart) while `batch` runs: how long each waited. */
async function whileBatch(url: string, body: string, batch: () => Promise<unknown>): Promise<{ seconds: number; count: number; p50: number; max: number }> {
  const waits: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const start = performance.now();
      await (await fetch(`${url}/api/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer();
      waits.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const start = performance.now();
  await batch();
  const seconds = (performance.now() - start) / 1000;
  running = false;
  await probe;
  waits.sort((a, b) => a - b);
  return { seconds, count: waits.length, p50: waits[Math.floor(waits.length / 2)] ?? 0, max: waits.at(-1) ?? 0 };
}

type LoadResult = Awaited<ReturnType<typeof autocannon>>;

/** Signs in with the first demo account the server printed; answers the headers of its session. */
async function signIn(url: string, output: string): Promise<Record<string, string>> {
  const account = /demo staff accounts[^\n]*\n\s+(\S+)\s+(\S+)/.exec(output);
  if (!account) throw new Error(`Bench: the server printed no demo account:\n${output}`);
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account[1], password: account[2] }),
  });
  if (res.status !== 200) throw new Error(`Bench: sign-in answered ${res.status}: ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken };
}

function loadOptions(url: string, bodies: readonly string[]): Parameters<typeof autocannon>[0] {
  let next = 0;
  return {
    url: `${url}/api/v1/evaluate`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    ...(bodies.length === 1 ? { body: bodies[0] } : { requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }] }),
  };
}

/** Two seconds of warm-up, then `HTTP_SECONDS` of autocannon sending the bodies in turn. */
async function load(url: string, bodies: readonly string[]): Promise<LoadResult> {
  await autocannon({ ...loadOptions(url, bodies), duration: 2 });
  return autocannon({ ...loadOptions(url, bodies), duration: HTTP_SECONDS });
}

/** One server's share of `loadInTurns`: its turns added up. */
interface TurnsResult {
  /** Requests per second over all its turns, and in each turn. */
  average: number;
  turns: number[];
  requests: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The median turn's p50, the worst turn's p99 and the slowest request of all. */
  latency: { p50: number; p99: number; max: number };
  cpuMicros: number;
}

/**
 * `TURNS` turns of `HTTP_SECONDS / TURNS` seconds each against `ours`, then `ceiling`, then `ours` again,
 * after two seconds of warm-up each: both servers see the machine as it is over the same stretch of time.
 */
async function loadInTurns(ours: { url: string; pid?: number }, ceiling: { url: string; pid?: number }, bodies: readonly string[]): Promise<{ ours: TurnsResult; ceiling: TurnsResult }> {
  const runs = { ours: [] as (LoadResult & { cpuMicros: number })[], ceiling: [] as (LoadResult & { cpuMicros: number })[] };
  for (const target of [ours, ceiling]) await autocannon({ ...loadOptions(target.url, bodies), duration: 2 });
  for (let turn = 0; turn < TURNS; turn++) {
    for (const [name, target] of [['ours', ours], ['ceiling', ceiling]] as const) {
      const cpu = cpuTime(target.pid);
      const result = await autocannon({ ...loadOptions(target.url, bodies), duration: HTTP_SECONDS / TURNS });
      runs[name].push(Object.assign(result, { cpuMicros: cpuTime(target.pid) - cpu }));
    }
  }
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const added = (list: readonly (LoadResult & { cpuMicros: number })[]): TurnsResult => {
    const p50s = list.map((r) => r.latency.p50).sort((a, b) => a - b);
    const requests = sum(list.map((r) => r['2xx'] + r.non2xx));
    return {
      average: sum(list.map((r) => r.requests.total)) / sum(list.map((r) => r.duration)),
      turns: list.map((r) => r.requests.average),
      requests,
      '2xx': sum(list.map((r) => r['2xx'])),
      non2xx: sum(list.map((r) => r.non2xx)),
      errors: sum(list.map((r) => r.errors)),
      timeouts: sum(list.map((r) => r.timeouts)),
      latency: { p50: p50s[Math.floor(p50s.length / 2)]!, p99: Math.max(...list.map((r) => r.latency.p99)), max: Math.max(...list.map((r) => r.latency.max)) },
      cpuMicros: sum(list.map((r) => r.cpuMicros)),
    };
  };
  return { ours: added(runs.ours), ceiling: added(runs.ceiling) };
}

function print(what: string, result: LoadResult | TurnsResult): void {
  const perSecond = 'average' in result ? result.average : result.requests.average;
  console.log(
    `    ${fmt(perSecond).padStart(6)} req/s  p50 ${fmt(result.latency.p50, 1)} ms  p99 ${fmt(result.latency.p99, 1)} ms  max ${fmt(result.latency.max, 1)} ms` +
      `  (${fmt(result['2xx'])} 2xx, ${fmt(result.non2xx)} other, ${fmt(result.errors)} errors, ${fmt(result.timeouts)} timeouts): ${what}`,
  );
}

/** A process's CPU time (user + system) in µs, where the system tells (Linux, 100 ticks a second). */
function cpuTime(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return NaN;
  }
}

/** A process's resident memory in bytes, where the system tells (Linux). */
function residentMemory(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

// Figures only compare within one run: say how busy the machine was around it.
const machineLoad = () => loadavg().map((x) => fmt(x, 1)).join(', ');
console.log(`machine: ${cpus().length} cores, load average ${machineLoad()} (1, 5, 15 min)`);
const population = await benchEvaluate();
await benchHttp(population);
await benchEvaluator();
// Its own process, so that the peak memory it prints is the province's alone.
spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./province.bench.ts', import.meta.url))], { stdio: 'inherit' });
await benchHostile();
console.log(`machine: load average ${machineLoad()} (1, 5, 15 min) at the end`);
