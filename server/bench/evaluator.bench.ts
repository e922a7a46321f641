import { pathToFileURL } from 'node:url';
import { draftImpact } from '../src/domain/compiled/impact';
import { evaluateCompiled } from '../src/domain/compiled/evaluate-compiled';
import { forEachBatch, residentTable, scorePopulation } from '../src/domain/compiled/population';
import { rankScenario, rankSubjects } from '../src/domain/compiled/rank-population';
import { createBatchScorer } from '../src/domain/compiled/scorer';
import { rankApplicants } from '../src/domain/ranking/rank';
import { resolveRuleSet } from '../src/domain/rule-set/resolve';
import { evaluateReference } from '../src/domain/scoring/reference-evaluator';
import type { Evaluation, ResolvedRuleSet } from '../src/domain/scoring/types';
import { population, POPULATION_AS_OF } from '../../test/support/data/population';
import { loadShippedRuleSets } from '../../test/support/data/rule-sets';
import { evaluationNumbers, populationNumbers } from '../../test/support/data/score-numbers';

/**
 * The compiled evaluator's figures for `npm run bench`, printed, never asserted: fast-mode residents/s
 * on one core against json-rules-engine measured in the same run, the differential check on a large
 * population, ranking a round and a draft's impact. `benchEvaluator()` is called by run.ts; this file
 * also runs alone: `node --import tsx server/bench/evaluator.bench.ts` (sizes via JIFEN_BENCH_* env).
 */

export interface EvaluatorBenchOptions {
  /** Residents generated once and reused by every part (default 500,000). */
  population?: number;
  /** Residents checked against json-rules-engine (default 100,000). */
  differential?: number;
  /** Applicants ranked (default 100,000). */
  applicants?: number;
  /** Residents json-rules-engine scores to measure its speed (default 2,000). */
  referenceSample?: number;
  /** Seconds each throughput figure runs for (default 3). */
  seconds?: number;
}

const RULE_SET = 'district-sample@2';
const AS_OF = POPULATION_AS_OF;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (from: number) => performance.now() - from;

/** Runs `step` over and over for about `seconds`; returns items per second. */
function throughput(seconds: number, step: () => number): number {
  step(); // warm-up
  let items = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) items += step();
  return items / ((performance.now() - start) / 1000);
}

/**
 * @example
 * await benchEvaluator({ population: 100_000 });
 */
export async function benchEvaluator(options: EvaluatorBenchOptions = {}, log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const size = options.population ?? 500_000;
  const seconds = options.seconds ?? 3;
  const rs = loadShippedRuleSets().get(RULE_SET);
  if (!rs) throw new Error(`Bench: ${RULE_SET} is not shipped`);
  const figures: Record<string, number> = {};

  let t = performance.now();
  const residents = population(size, 2026);
  log(`(c) compiled evaluator: ${RULE_SET} (${rs.indicators.length} indicators, ${rs.scenarios.length} scenarios), asOf ${AS_OF}`);
  log(`    population: ${fmt(size)} seeded residents generated once in ${fmt(ms(t))} ms, reused below`);
  t = performance.now();
  const table = residentTable(residents);
  const scorer = createBatchScorer(rs, AS_OF);
  scorer.score(table.facts, 0, 1);
  figures.tableMs = ms(t);
  figures.bytesPerResident = table.facts.bytes / size;
  log(`    fact table (columns, dictionaries, lookup tables): ${fmt(figures.tableMs)} ms; ${scorer.tabulated} of ${rs.indicators.length} indicators by lookup`);
  log(`    fact table: ${fmt(figures.bytesPerResident, 1)} bytes per resident (${fmt(table.facts.bytes / 1024 / 1024, 1)} MB for ${fmt(size)}, derived facts included)`);

  // One core: everything below runs on this thread.
  let checksum = 0;
  figures.fastPerSecond = throughput(seconds, () => {
    forEachBatch(scorer, table.facts, (batch) => (checksum += batch.total[0]!));
    return table.ids.length;
  });
  const fresh = residents.slice(0, Math.min(100_000, size));
  figures.fastColdPerSecond = throughput(seconds, () => {
    checksum += scorePopulation(rs, fresh, AS_OF).total[0]!;
    return fresh.length;
  });
  const sample = residents.slice(0, options.referenceSample ?? 2_000);
  let k = 0;
  figures.explainPerSecond = throughput(seconds, () => {
    for (let i = 0; i < 1_000; i++) checksum += evaluateCompiled(rs, sample[k++ % sample.length]!.facts, AS_OF).total;
    return 1_000;
  });
  t = performance.now();
  for (const { facts } of sample) checksum += (await evaluateReference(rs, facts, AS_OF)).total;
  figures.referencePerSecond = sample.length / (ms(t) / 1000);
  log(`    fast mode, warm table:     ${fmt(figures.fastPerSecond).padStart(12)} residents/s  (${fmt(1e9 / figures.fastPerSecond, 0)} ns each)`);
  log(`    fast mode, from records:   ${fmt(figures.fastColdPerSecond).padStart(12)} residents/s  (table built on every run of ${fmt(fresh.length)})`);
  log(`    explaining mode:           ${fmt(figures.explainPerSecond).padStart(12)} residents/s  (full Evaluation with explanations)`);
  log(`    json-rules-engine:         ${fmt(figures.referencePerSecond).padStart(12)} residents/s  (${fmt(sample.length)} residents, same run)`);
  log(`    ratio fast / reference: ${fmt(figures.fastPerSecond / figures.referencePerSecond)}×; from records ${fmt(figures.fastColdPerSecond / figures.referencePerSecond)}×; explaining ${fmt(figures.explainPerSecond / figures.referencePerSecond, 1)}×  (checksum ${fmt(checksum % 1e6, 2)})`);

  const checked = Math.min(options.differential ?? 100_000, size);
  t = performance.now();
  const fast = scorePopulation(rs, residents.slice(0, checked), AS_OF, { indicators: true });
  let evaluations = 0;
  let numbers = 0;
  // json-rules-engine on its own copy: results one engine remembered must not stand in for the other's.
  const apart = structuredClone(rs);
  for (let r = 0; r < checked; r++) {
    const { facts } = residents[r]!;
    const reference: Evaluation = await evaluateReference(apart, facts, AS_OF);
    if (JSON.stringify(evaluateCompiled(rs, facts, AS_OF)) !== JSON.stringify(reference)) evaluations++;
    if (JSON.stringify(populationNumbers(fast, r)) !== JSON.stringify(evaluationNumbers(reference))) numbers++;
  }
  figures.differentialMismatches = evaluations + numbers;
  log(`    differential: ${fmt(checked)} residents, json-rules-engine vs explaining mode: ${fmt(evaluations)} differ; vs fast mode: ${fmt(numbers)} differ  (${fmt(ms(t) / 1000, 1)} s)`);

  const scenario = rs.scenarios.find((s) => s.childRelated) ?? rs.scenarios[0]!;
  const count = Math.min(options.applicants ?? 100_000, size);
  // Every third applicant applies with a spouse (another resident) for the child-related scenario.
  const applicants = residents.slice(0, count).map((a, i) => (i % 3 === 0 ? { ...a, spouse: residents[(i + count) % size]!.facts } : a));
  t = performance.now();
  const ranking = rankScenario(rs, scenario.id, applicants, AS_OF);
  figures.rankingMs = ms(t);
  t = performance.now();
  const subjects = rankSubjects(rs, scenario, AS_OF, applicants.map((a) => a.facts));
  const scoringMs = ms(t);
  t = performance.now();
  rankApplicants(scenario, applicants.map((a, i) => ({ id: a.id, subject: subjects[i]! })));
  const sortingMs = ms(t);
  log(
    `    ranking ${fmt(count)} applicants for ${scenario.id}: ${fmt(figures.rankingMs)} ms (scoring about ${fmt(scoringMs)} ms, ordering about ${fmt(sortingMs)} ms); ${fmt(ranking.ranked.length)} ranked, ${fmt(ranking.ranked.filter((r) => r.admitted).length)} admitted`,
  );

  const draft = raisedDraft(rs);
  const round = { scenario: scenario.id, applicants: applicants.slice(0, 10_000) };
  t = performance.now();
  let reports = 0;
  const impact = draftImpact(rs, draft, table, AS_OF, { onProgress: () => reports++ });
  figures.impactMs = ms(t);
  t = performance.now();
  draftImpact(rs, draft, residents, AS_OF);
  figures.impactColdMs = ms(t);
  t = performance.now();
  draftImpact(rs, draft, table, AS_OF, { round });
  const withRoundMs = ms(t);
  const gained = impact.scenarios.reduce((n, s) => n + s.gained, 0);
  log(`    draft impact over ${fmt(size)} residents: ${fmt(figures.impactMs)} ms on the population's fact table (${reports} progress reports); ${fmt(figures.impactColdMs)} ms from records (table built first); ${fmt(withRoundMs)} ms with a ${fmt(round.applicants.length)}-applicant round re-ranked`);
  log(`    (draft: goodSamaritan +5 points, ${scenario.id} bar −10: ${fmt(impact.totals.up)} residents up, ${fmt(gained)} eligibility gains)`);
  return figures;
}

/** The district set with one indicator raised and one bar lowered: a typical draft. */
function raisedDraft(rs: ResolvedRuleSet): ResolvedRuleSet {
  const root = structuredClone(rs.root);
  root.version += 1;
  for (const ind of root.indicators) if (ind.id === 'goodSamaritan' && ind.kind === 'fixed') ind.points += 5;
  const scenario = root.scenarios.find((s) => s.childRelated) ?? root.scenarios[0];
  if (scenario) scenario.bar = Math.max(0, scenario.bar - 10);
  const includes = loadShippedRuleSets();
  return resolveRuleSet(root, [...includes.values()].map((r) => r.root));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  await benchEvaluator({
    population: env('JIFEN_BENCH_POPULATION'),
    differential: env('JIFEN_BENCH_DIFFERENTIAL'),
    applicants: env('JIFEN_BENCH_APPLICANTS'),
    referenceSample: env('JIFEN_BENCH_REFERENCE'),
    seconds: env('JIFEN_BENCH_SECONDS'),
  });
}
