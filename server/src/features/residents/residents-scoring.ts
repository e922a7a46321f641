import type { ResidentRepository } from '../../domain/residents/repository';
import { DEFAULT_SCORING_RULE_SET, storedScores } from '../../domain/residents/score-summary';
import { scoringFacts } from '../../domain/residents/scoring-facts';
import type { StoredScore } from '../../domain/residents/types';
import { evaluate } from '../../domain/scoring/evaluate';
import type { Evaluation, Facts, ResolvedRuleSet } from '../../domain/scoring/types';
import type { RuleSetResolver } from '../rule-sets';

export interface ScoringOptions {
  /** The evaluation date, `YYYY-MM-DD`. */
  asOf: string;
  /** When the score is computed (ISO instant), stored with it. */
  scoredAt: string;
  /** Default `district-sample`. */
  ruleSetId?: string;
  /** A version; without it, the version in force at `asOf`. */
  version?: number;
}

/**
 * Scores residents from their records (facts, registration date, ledgers) with the rule set's version in
 * force and stores each score, replacing the previous one. Run it in the write transaction that changed
 * the residents, so a stored score never lags its facts. Answers the stored scores.
 *
 * @example
 * await inTransaction(client, async (tx) => rescoreResidents(createLibsqlResidentRepository(tx), resolver, ['res-000001'], { asOf, scoredAt }));
 */
export async function rescoreResidents(
  repo: ResidentRepository,
  resolver: RuleSetResolver,
  ids: readonly string[],
  options: ScoringOptions,
): Promise<StoredScore[]> {
  if (ids.length === 0) return [];
  const rs = await resolveFor(resolver, options);
  const scores = storedScores(rs, await scoringInputs(repo, rs, ids, options.asOf), options.asOf, options.scoredAt);
  await repo.saveScores(scores);
  return scores;
}

/** The rule-set version scoring uses: the one asked for, or the one in force at `asOf`. */
export async function resolveFor(resolver: RuleSetResolver, options: Pick<ScoringOptions, 'asOf' | 'ruleSetId' | 'version'>): Promise<ResolvedRuleSet> {
  const ruleSetId = options.ruleSetId ?? DEFAULT_SCORING_RULE_SET;
  return resolver.resolve(await resolver.pick({ ruleSetId, asOf: options.asOf, ...(options.version ? { version: options.version } : {}) }));
}

/**
 * Full evaluations (with explanations) of residents from their records; unknown ids are left out.
 *
 * @example
 * const [{ evaluation }] = await evaluateResidents(repo, rs, ['res-000001'], '2026-06-30');
 */
export async function evaluateResidents(
  repo: ResidentRepository,
  rs: ResolvedRuleSet,
  ids: readonly string[],
  asOf: string,
): Promise<{ id: string; evaluation: Evaluation }[]> {
  const out: { id: string; evaluation: Evaluation }[] = [];
  for (const { id, facts } of await scoringInputs(repo, rs, ids, asOf)) out.push({ id, evaluation: await evaluate(rs, facts, asOf) });
  return out;
}

/**
 * The facts each resident is scored with (`scoringFacts`: record, registration date, ledger balances),
 * read in bulk; unknown ids are left out.
 *
 * @example
 * const inputs = await scoringInputs(repo, rs, ids, '2026-06-30'); // [{ id, facts }]
 */
export async function scoringInputs(
  repo: ResidentRepository,
  rs: ResolvedRuleSet,
  ids: readonly string[],
  asOf: string,
): Promise<{ id: string; facts: Facts }[]> {
  const residents = await repo.getResidents(ids);
  const facts = await repo.currentValues(residents.map((r) => r.id));
  const ledgers = await repo.ledgerEntriesOf(residents.map((r) => r.id));
  return residents.map((resident) => ({
    id: resident.id,
    facts: scoringFacts(rs, resident, facts.get(resident.id) ?? {}, ledgers.get(resident.id) ?? [], asOf),
  }));
}
