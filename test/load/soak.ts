import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/src/platform/db/database';
import { seededRandom } from '../../server/src/domain/seeded-random';
import { population, POPULATION_AS_OF } from '../support/data/population';
import { spawnServer } from '../support/apps/spawn-server';
import { addPartner } from '../support/apps/widget';
import { runAtRate, type RateResult } from './autocannon-run';
import { FLAT, memoryVerdict, rssMb, type RssSample } from './memory';

/**
 * `npm run soak [-- --duration 300 --evaluate-rate 300 --widget-rate 150]`: a sustained fixed rate of
 * `POST /api/v1/evaluate` and of the widget's self-check (a registered partner's key, from its origin)
 * against a real server on 127.0.0.1, with varied bodies; prints requests, errors, non-2xx and latency per
 * endpoint and the server's RSS over time. Exits with 1 on any error or non-2xx answer, when memory is not
 * flat (see `FLAT`), or when a self-check stored anything.
 */
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    'evaluate-rate': { type: 'string', default: '300' },
    'widget-rate': { type: 'string', default: '150' },
    'sample-every': { type: 'string', default: '5' },
  },
});
const seconds = (text: string) => {
  const m = /^(\d+)(s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`soak: "${text}" is not a duration (e.g. 300, 90s, 5m)`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
};
const duration = seconds(values.duration);
const evaluateRate = Number(values['evaluate-rate']);
const widgetRate = Number(values['widget-rate']);
const sampleEvery = seconds(values['sample-every']);
// The first fifth of the run (at most a minute) fills caches and the JIT; memory is judged after it.
const warmup = Math.min(60, Math.round(duration / 5));
if (duration < 30) throw new Error('soak: --duration must be at least 30 seconds (a warm-up and samples after it)');
if ((duration - warmup) / sampleEvery < 8) throw new Error('soak: take at least 8 RSS samples after the warm-up (a longer --duration or a shorter --sample-every)');

const ORIGIN = 'https://school.example';
const dir = mkdtempSync(join(tmpdir(), 'jifen-soak-'));
const url = pathToFileURL(join(dir, 'jifen.db')).href;
const server = await spawnServer({ JIFEN_DATABASE_URL: url, JIFEN_DEMO: '0' });
const pid = server.process.pid!;
const client = openDatabase({ url });
try {
  const { key } = await addPartner(client, { name: '实验小学', origins: [ORIGIN] });
  const stored = async () => Number((await client.execute('SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM widget_grants) + (SELECT count(*) FROM residents) AS n')).rows[0]!.n);
  const storedBefore = await stored();

  // Varied bodies: 2,000 synthetic residents for /evaluate, self-check answers drawn from a seeded PRNG.
  const residents = population(2_000, 7).map((r) => JSON.stringify({ ruleSetId: 'district-sample', asOf: POPULATION_AS_OF, facts: r.facts }));
  const next = seededRandom(7);
  let i = 0;
  const selfCheck = () =>
    JSON.stringify({
      facts: {
        socialInsuranceMonths: Math.floor(next() * 120),
        residenceRegistrationDate: `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * 9)}-15`,
        accompanyingChildren: 1 + Math.floor(next() * 2),
        birthDate: `19${70 + Math.floor(next() * 25)}-05-01`,
        education: ['high_school', 'associate', 'bachelor', 'master'][Math.floor(next() * 4)],
        residenceMonths: Math.floor(next() * 100),
      },
    });

  const samples: RssSample[] = [{ t: 0, mb: rssMb(pid) }];
  console.log(`Soak: ${duration} s at ${evaluateRate} req/s on POST /api/v1/evaluate and ${widgetRate} req/s on the widget self-check; server pid ${pid}, RSS ${samples[0]!.mb} MB before the load`);
  const start = performance.now();
  const sampler = setInterval(() => {
    const sample = { t: Math.round((performance.now() - start) / 1000), mb: rssMb(pid) };
    samples.push(sample);
    if (samples.length % Math.max(1, Math.round(30 / sampleEvery)) === 1) console.log(`  t=${String(sample.t).padStart(4)} s  RSS ${sample.mb} MB`);
  }, sampleEvery * 1000);

  const common = { url: server.url, duration, connections: 16, timeout: 10 };
  const [evaluate, widget] = await Promise.all([
    runAtRate({
      ...common,
      overallRate: evaluateRate,
      requests: [{ method: 'POST', path: '/api/v1/evaluate', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: residents[i++ % residents.length] }) }],
    }),
    runAtRate({
      ...common,
      overallRate: widgetRate,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/widget/scenarios/school-enrollment/self-check',
          headers: { 'content-type': 'application/json', 'x-jifen-key': key, origin: ORIGIN },
          setupRequest: (r) => ({ ...r, body: selfCheck() }),
        },
      ],
    }),
  ]);
  clearInterval(sampler);
  samples.push({ t: Math.round((performance.now() - start) / 1000), mb: rssMb(pid) });
  const storedAfter = await stored();

  const verdict = memoryVerdict(samples, warmup);
  const row = (name: string, r: RateResult) => [
    name,
    String(r.requests.total),
    (r.requests.total / r.duration).toFixed(0),
    String(r.errors),
    String(r.timeouts),
    String(r.non2xx),
    r.latency.p50.toFixed(1),
    r.latency.p99.toFixed(1),
    r.latency.max.toFixed(1),
  ];
  const table = [['endpoint', 'requests', 'req/s', 'errors', 'timeouts', 'non-2xx', 'p50 ms', 'p99 ms', 'max ms'], row('POST /api/v1/evaluate', evaluate), row('POST …/self-check', widget)];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  console.log(`\n${table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}`);
  console.log(
    `\nRSS: ${samples[0]!.mb} MB before the load, ${samples.at(-1)!.mb} MB at the end; after the ${warmup} s warm-up ${verdict.baselineMb} MB → ${verdict.endMb} MB ` +
      `(medians of the first and last quarters after the warm-up: ${(verdict.growth * 100).toFixed(1)}%; trend ${verdict.slopeMbPerMin} MB/min; peak ${verdict.peakMb} MB): ` +
      `${verdict.flat ? 'flat' : 'NOT FLAT'} (flat = the last quarter's median at most +${FLAT.maxGrowth * 100}% over the first's)`,
  );
  console.log(`Rows stored by the load: ${storedAfter - storedBefore} (a self-check stores nothing; evaluation writes nothing)`);
  const errors = evaluate.errors + widget.errors + evaluate.timeouts + widget.timeouts;
  const non2xx = evaluate.non2xx + widget.non2xx;
  const ok = errors === 0 && non2xx === 0 && verdict.flat && storedAfter === storedBefore;
  if (non2xx > 0) console.log(`Status codes: evaluate ${JSON.stringify(evaluate.statusCodeStats)}, self-check ${JSON.stringify(widget.statusCodeStats)}`);
  console.log(ok ? 'Soak passed.' : 'Soak FAILED.');
  process.exitCode = ok ? 0 : 1;
} finally {
  client.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
