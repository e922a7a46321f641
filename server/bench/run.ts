import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ENGINES, evaluate } from '../src/domain/scoring/evaluate';
import type { Facts } from '../src/domain/scoring/types';
import { population as seededPopulation, POPULATION_AS_OF } from '../../test/support/population';
import { loadShippedRuleSets } from '../../test/support/rule-sets';
import { spawnServer } from '../../test/support/spawn-server';
import { benchEvaluator } from './evaluator.bench';

/**
 * `npm run bench`: how fast Jifen scores. Prints figures, asserts nothing.
 * (a) residents/s of `evaluate` on a seeded population of the district rule set, per engine;
 * (b) req/s and latency of `POST /api/v1/evaluate` against a real server on 127.0.0.1 (autocannon), and
 *     the time of one `POST /api/v1/evaluate/batch` of 10,000 residents;
 * (c) the compiled evaluator's population paths: fast scoring, the 100k differential check, ranking, draft impact.
 */

const RULE_SET = 'district-sample@1';
const AS_OF = POPULATION_AS_OF;
const POPULATION = 5_000;
const SECONDS_PER_ENGINE = 5;
const HTTP_SECONDS = 10;
const BATCH = 10_000;
const CONNECTIONS = 10;

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
  const server = await spawnServer({ JIFEN_DATABASE_URL: pathToFileURL(join(dir, 'jifen.db')).href, JIFEN_DEMO: '0' });
  try {
    const [ruleSetId, version] = RULE_SET.split('@');
    const body = JSON.stringify({ ruleSetId, asOf: AS_OF, facts: population[0] });
    const check = await fetch(`${server.url}/api/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (check.status !== 200) throw new Error(`Bench: evaluate answered ${check.status}: ${await check.text()}`);
    console.log(`(b) HTTP: POST /api/v1/evaluate (${ruleSetId} v${version}, ${body.length} bytes) on ${server.url}, ${CONNECTIONS} connections, ${HTTP_SECONDS} s`);
    const options = {
      url: `${server.url}/api/v1/evaluate`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body,
      connections: CONNECTIONS,
    };
    await autocannon({ ...options, duration: 2 });
    const result = await autocannon({ ...options, duration: HTTP_SECONDS });
    console.log(
      `    ${fmt(result.requests.average)} req/s  latency p50 ${fmt(result.latency.p50, 1)} ms  p99 ${fmt(result.latency.p99, 1)} ms  max ${fmt(result.latency.max, 1)} ms`,
    );
    console.log(`    ${fmt(result['2xx'])} answered 2xx, ${fmt(result.non2xx)} other, ${fmt(result.errors)} errors, ${fmt(result.timeouts)} timeouts`);

    const residents = seededPopulation(BATCH, 7).map(({ id, facts }) => ({ id, facts }));
    const batchBody = JSON.stringify({ ruleSetId, asOf: AS_OF, residents });
    const start = performance.now();
    const batch = await fetch(`${server.url}/api/v1/evaluate/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchBody,
    });
    const answer = (await batch.json()) as { evaluated?: number; failed?: number };
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `    POST /api/v1/evaluate/batch, ${fmt(BATCH)} residents (${fmt(batchBody.length / 1024 / 1024, 1)} MB): ${batch.status} in ${fmt(seconds, 2)} s ` +
        `(${fmt(BATCH / seconds)} residents/s; ${fmt(answer.evaluated ?? 0)} evaluated, ${fmt(answer.failed ?? 0)} failed)`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const population = await benchEvaluate();
await benchHttp(population);
await benchEvaluator();
