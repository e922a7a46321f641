import { draftImpact } from '../src/domain/compiled/impact';
import { residentTable } from '../src/domain/compiled/population';
import { resolveRuleSet } from '../src/domain/rule-set/resolve';
import type { ResolvedRuleSet } from '../src/domain/scoring/types';
import { populationStream, POPULATION_AS_OF } from '../../test/support/data/population';
import { loadShippedRuleSets } from '../../test/support/data/rule-sets';

/**
 * `npm run bench` part (d), in a process of its own so that its peak memory is its own: a province-sized
 * population (5,000,000 seeded residents by default, `JIFEN_BENCH_PROVINCE` to change) streamed straight
 * into a fact table, the table's bytes per resident, and a draft's impact over all of it, with the peak
 * resident memory of the whole run. Prints figures, asserts nothing.
 */

const RULE_SET = 'district-sample@2';
const size = Number(process.env.JIFEN_BENCH_PROVINCE ?? 5_000_000);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

const rs = loadShippedRuleSets().get(RULE_SET);
if (!rs) throw new Error(`Bench: ${RULE_SET} is not shipped`);

let t = performance.now();
const table = residentTable(populationStream(size, 2026));
const buildSeconds = (performance.now() - t) / 1000;
console.log(`(d) province: ${fmt(size)} seeded residents generated and streamed into a fact table in ${fmt(buildSeconds, 1)} s (no record kept)`);
console.log(`    fact table: ${fmt(table.facts.bytes / size, 1)} bytes per resident (${mb(table.facts.bytes)} for the facts; ids held apart)`);

const draft = raisedDraft(rs);
t = performance.now();
const first = draftImpact(rs, draft, table, POPULATION_AS_OF);
const firstSeconds = (performance.now() - t) / 1000;
t = performance.now();
draftImpact(rs, draft, table, POPULATION_AS_OF);
const againSeconds = (performance.now() - t) / 1000;
console.log(
  `    draft impact over ${fmt(size)} residents: ${fmt(firstSeconds, 2)} s first (derived facts and lookup tables built), ${fmt(againSeconds, 2)} s again; ` +
    `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}  (${fmt(first.totals.up)} residents up; fact table now ${fmt(table.facts.bytes / size, 1)} bytes per resident with derived facts)`,
);

/** The district set with one indicator raised and one bar lowered, as evaluator.bench.ts drafts it. */
function raisedDraft(published: ResolvedRuleSet): ResolvedRuleSet {
  const root = structuredClone(published.root);
  root.version += 1;
  for (const ind of root.indicators) if (ind.id === 'goodSamaritan' && ind.kind === 'fixed') ind.points += 5;
  const scenario = root.scenarios.find((s) => s.childRelated) ?? root.scenarios[0];
  if (scenario) scenario.bar = Math.max(0, scenario.bar - 10);
  return resolveRuleSet(root, [...loadShippedRuleSets().values()].map((r) => r.root));
}
