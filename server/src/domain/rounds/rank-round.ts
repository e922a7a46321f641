import { createHash } from 'node:crypto';
import { toHundredths } from '../points';
import { rankApplicants, type Applicant } from '../ranking/rank';
import { countingParent } from '../ranking/spouse-rule';
import type { Scenario } from '../rule-set/schema';
import type { EngineName } from '../scoring/evaluate';
import type { ResolvedRuleSet } from '../scoring/types';
import { scoreSubjects } from './subjects';
import type { RankingEntry, RankingInput } from './types';

/** A round's ranked list: eligible applicants by position, then the ineligible ones. */
export interface RoundRanking {
  entries: RankingEntry[];
  /** SHA-256 of what the list decides (order, positions, scores, admissions). */
  hash: string;
}

/**
 * Ranks a round's accepted applicants by the scenario of the round's fixed version as of `asOf` (the
 * closing date): the scenario score, the bar and eligibility, then the scenario's tie-breakers in order
 * (district score, earlier residence registration, social-service points), with the spouse rule for
 * child-related scenarios (the higher parent counts, the other breaks ties). `places` is the round's.
 * The facts must be valid for `rs` (as `scoringFacts` or `usableFacts` give them).
 * `previous` (application id → position) marks how each applicant moved since the last ranking.
 *
 * @example
 * const { entries } = await rankRound(rs, scenario, 50, inputs, '2025-09-30');
 */
export async function rankRound(
  rs: ResolvedRuleSet,
  scenario: Scenario,
  places: number,
  inputs: readonly RankingInput[],
  asOf: string,
  options: { previous?: ReadonlyMap<number, number | undefined>; engine?: EngineName } = {},
): Promise<RoundRanking> {
  const engine = options.engine ? { engine: options.engine } : {};
  const subjects = await scoreSubjects(rs, scenario, asOf, inputs.map((i) => i.facts), engine);
  const spouseSlots: number[] = [];
  if (scenario.childRelated) inputs.forEach((input, i) => input.spouse && spouseSlots.push(i));
  const spouseSubjects = await scoreSubjects(rs, scenario, asOf, spouseSlots.map((i) => inputs[i]!.spouse!.facts), engine);
  const spouseOf = new Map(spouseSlots.map((slot, k) => [slot, spouseSubjects[k]!]));

  // Ranking ids are input indices, zero-padded so that full ties keep the input order.
  const key = (i: number) => String(i).padStart(10, '0');
  const applicants: Applicant[] = inputs.map((_input, i) => {
    const spouse = spouseOf.get(i);
    return spouse ? { id: key(i), subject: subjects[i]!, spouse } : { id: key(i), subject: subjects[i]! };
  });
  const { ranked, ineligible } = rankApplicants({ ...scenario, places }, applicants);

  const entry = (i: number, line: Pick<RankingEntry, 'score' | 'eligible' | 'admitted' | 'tied' | 'spouseCounted'> & { position?: number }) => {
    const input = inputs[i]!;
    const e: RankingEntry = { applicationId: input.applicationId, residentId: input.residentId, ...line, maskedName: input.maskedName, maskedPermit: input.maskedPermit };
    const previousPosition = options.previous?.get(input.applicationId);
    if (previousPosition !== undefined) e.previousPosition = previousPosition;
    return e;
  };
  const entries: RankingEntry[] = [];
  for (const r of ranked) {
    entries.push(entry(Number(r.id), { position: r.position, score: r.score, eligible: true, admitted: r.admitted, tied: r.tied, spouseCounted: r.spouseCounted }));
  }
  for (const id of ineligible) {
    const i = Number(id);
    const { counted, spouseCounted } = countingParent({ subject: subjects[i]!, spouse: spouseOf.get(i) }, scenario.childRelated);
    entries.push(entry(i, { score: counted.score, eligible: false, admitted: false, tied: false, spouseCounted }));
  }
  return { entries, hash: rankingHash(entries) };
}

/**
 * The hash of what a ranked list decides: each application's position, score and admission, in order.
 * Masked names and movements are presentation and do not change it.
 */
export function rankingHash(entries: readonly RankingEntry[]): string {
  // One line per entry, fixed field order: the same as hashing the canonical JSON, without building it whole.
  const hash = createHash('sha256');
  for (const e of entries) hash.update(`${e.applicationId},${e.position ?? ''},${toHundredths(e.score)},${+e.eligible},${+e.admitted},${+e.spouseCounted}\n`);
  return hash.digest('hex');
}
