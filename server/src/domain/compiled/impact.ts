import { fromHundredths } from '../points';
import type { Ranking } from '../ranking/rank';
import type { Text } from '../rule-set/schema';
import type { ResolvedRuleSet } from '../scoring/types';
import { histogram, topMovers, type Bin, type Mover } from './impact-stats';
import { residentTable, type Resident, type ResidentTable } from './population';
import { rankScenario, type RoundApplicant } from './rank-population';
import { rankingShift, type RankingShift } from './ranking-shift';
import { createBatchScorer } from './scorer';

/** How one scenario's eligibility changes; a scenario only one side has counts as nobody eligible on the other. */
export interface ScenarioImpact {
  id: string;
  title: Text;
  status: 'kept' | 'added' | 'removed';
  eligibleBefore: number;
  eligibleAfter: number;
  /** Residents eligible after but not before. */
  gained: number;
  /** Residents eligible before but not after. */
  lost: number;
}

/** What a draft would do to a population, before anyone approves it. */
export interface DraftImpact {
  asOf: string;
  residents: number;
  scenarios: ScenarioImpact[];
  totals: {
    up: number;
    down: number;
    unchanged: number;
    /** Mean change of the total, in points (exact to 0.01 before dividing). */
    meanChange: number;
    /** The distribution of the changes, unchanged residents left out. */
    histogram: Bin[];
  };
  movers: { up: Mover[]; down: Mover[] };
  /** When a round was given: how its ranking would shift. */
  ranking?: RankingShift;
}

export interface DraftImpactOptions {
  /** How many biggest movers to list each way (default 10). */
  movers?: number;
  /** Most bars in the histogram (default 20). */
  bins?: number;
  /**
   * A round to rank under both versions, with its own number of places (the scenario's by default).
   * `afterApplicants` are the same applicants, in the same order, with their facts as the draft reads them
   * (see `afterResidents`); `applicants` by default.
   */
  round?: { scenario: string; applicants: readonly RoundApplicant[]; afterApplicants?: readonly RoundApplicant[]; places?: number };
  /**
   * The same residents, in the same order, with their facts as the draft reads them, when that differs from
   * how the published version reads them (other fact definitions, a ledger indicator's rate changed);
   * `residents` by default.
   */
  afterResidents?: ResidentTable;
  /**
   * Called with each batch's totals under the published version and under the draft (hundredths; rows
   * `[0, n)` stand for residents `start…start + n`), for a caller that keeps every resident's prediction.
   */
  onTotals?: (start: number, n: number, before: Float64Array, after: Float64Array) => void;
  /** Called every `progressEvery` residents (default 50,000) and at the end. */
  onProgress?: (progress: ImpactProgress) => void;
  progressEvery?: number;
}

/** How far a run has come: residents scored under both versions, of how many. */
export interface ImpactProgress {
  done: number;
  total: number;
}

/**
 * Scores every resident under the published version and under the draft (the compiled evaluator's fast
 * mode, over one shared fact table) and summarises the difference: eligibility gained and lost per
 * scenario, the distribution of total-score changes, the biggest movers each way, and optionally how a
 * round's ranking shifts. Pure: no I/O, no clock.
 *
 * @example
 * const impact = draftImpact(published, draft, residentTable(residents), '2026-06-30', {
 *   onProgress: ({ done, total }) => report(done / total),
 * });
 * impact.scenarios[0]; // { id: 'school-enrollment', gained: 120, lost: 3, … }
 */
export function draftImpact(
  before: ResolvedRuleSet,
  after: ResolvedRuleSet,
  residents: ResidentTable | Iterable<Resident>,
  asOf: string,
  options: DraftImpactOptions = {},
): DraftImpact {
  const steps = draftImpactSteps(before, after, residents, asOf, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

/**
 * `draftImpact` one step at a time: yields its progress (every `progressEvery` residents and at the end)
 * and returns the impact, so that a caller can give the event loop a turn, stream the progress, or stop
 * between steps. `onProgress` is not called.
 *
 * @example
 * const steps = draftImpactSteps(published, draft, table, '2026-06-30', { progressEvery: 20_000 });
 * for (let step = steps.next(); !step.done; step = steps.next()) await report(step.value);
 */
export function* draftImpactSteps(
  before: ResolvedRuleSet,
  after: ResolvedRuleSet,
  residents: ResidentTable | Iterable<Resident>,
  asOf: string,
  options: DraftImpactOptions = {},
): Generator<ImpactProgress, DraftImpact, void> {
  const table = 'facts' in residents && 'ids' in residents ? residents : residentTable(residents);
  const total = table.ids.length;
  const afterFacts = (options.afterResidents ?? table).facts;
  if (afterFacts.length !== total) throw new Error(`Impact: the draft's facts cover ${afterFacts.length} residents, not ${total}`);
  const a = createBatchScorer(before, asOf);
  const b = createBatchScorer(after, asOf, { alongside: a });
  const ids = [...new Set([...before.scenarios.map((s) => s.id), ...after.scenarios.map((s) => s.id)])];
  const indexIn = (rs: ResolvedRuleSet) => ids.map((id) => rs.scenarios.findIndex((s) => s.id === id));
  const kBefore = indexIn(before);
  const kAfter = indexIn(after);
  const counts = ids.map(() => ({ eligibleBefore: 0, eligibleAfter: 0, gained: 0, lost: 0 }));
  const changes = new Map<number, number>();
  const up = topMovers(options.movers ?? 10, 1);
  const down = topMovers(options.movers ?? 10, -1);
  let raised = 0;
  let lowered = 0;
  let sum = 0;
  const every = Math.max(1, options.progressEvery ?? 50_000);
  let nextReport = every;

  for (let start = 0; start < total; start += a.size) {
    const n = Math.min(a.size, total - start);
    const x = a.score(table.facts, start, n);
    const y = b.score(afterFacts, start, n);
    options.onTotals?.(start, n, x.total, y.total);
    ids.forEach((_, s) => {
      const c = counts[s]!;
      const ka = kBefore[s]!;
      const kb = kAfter[s]!;
      const ea = ka >= 0 ? x.eligible[ka]! : undefined;
      const eb = kb >= 0 ? y.eligible[kb]! : undefined;
      for (let i = 0; i < n; i++) {
        const was = ea ? ea[i]! : 0;
        const is = eb ? eb[i]! : 0;
        c.eligibleBefore += was;
        c.eligibleAfter += is;
        if (was !== is) {
          if (is) c.gained++;
          else c.lost++;
        }
      }
    });
    for (let i = 0; i < n; i++) {
      const t0 = x.total[i]!;
      const t1 = y.total[i]!;
      const change = t1 - t0;
      if (change === 0) continue;
      sum += change;
      changes.set(change, (changes.get(change) ?? 0) + 1);
      if (change > 0) {
        raised++;
        up.offer(table.ids[start + i]!, t0, t1);
      } else {
        lowered++;
        down.offer(table.ids[start + i]!, t0, t1);
      }
    }
    if (start + n >= nextReport && start + n < total) {
      yield { done: start + n, total };
      nextReport = (Math.floor((start + n) / every) + 1) * every;
    }
  }
  yield { done: total, total };

  const titled = (id: string) => (after.scenarios.find((s) => s.id === id) ?? before.scenarios.find((s) => s.id === id))!.title;
  const impact: DraftImpact = {
    asOf,
    residents: total,
    scenarios: ids.map((id, s) => ({
      id,
      title: titled(id),
      status: kBefore[s]! < 0 ? 'added' : kAfter[s]! < 0 ? 'removed' : 'kept',
      ...counts[s]!,
    })),
    totals: {
      up: raised,
      down: lowered,
      unchanged: total - raised - lowered,
      meanChange: total === 0 ? 0 : fromHundredths(sum) / total,
      histogram: histogram(changes, options.bins ?? 20),
    },
    movers: { up: up.result(), down: down.result() },
  };
  if (options.round) {
    const { scenario, applicants, afterApplicants = applicants, places } = options.round;
    const rank = (rs: ResolvedRuleSet, people: readonly RoundApplicant[]): Ranking =>
      rs.scenarios.some((s) => s.id === scenario) ? rankScenario(rs, scenario, people, asOf, places) : { ranked: [], ineligible: people.map((x) => x.id) };
    impact.ranking = rankingShift(scenario, rank(before, applicants), rank(after, afterApplicants), options.movers ?? 10);
  }
  return impact;
}
