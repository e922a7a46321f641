import { JifenError } from '../../domain/errors';
import { maskName, maskPermit } from '../../domain/residents/mask';
import type { ResidentRepository } from '../../domain/residents/repository';
import { scoringFacts } from '../../domain/residents/scoring-facts';
import type { RoundRepository } from '../../domain/rounds/repository';
import { evaluate } from '../../domain/scoring/evaluate';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { closeGap, type GapStep } from '../../domain/eligibility/close-gap';
import { scenarioOutcome, type RankedPosition, type ScenarioOutcome } from '../../domain/eligibility/result';
import { findScenario } from '../../domain/eligibility/scenario-facts';
import { countingParent } from '../../domain/ranking/spouse-rule';
import { eligibleFrom, projectedFacts } from '../../domain/eligibility/eligible-from';


/** Child-related scenarios: the family on record, and whose score counts (就高原则). */
export interface FamilyBasis {
  /** Children linked to the resident on record. */
  children: number;
  /** A spouse is on record. */
  spouse: boolean;
  /** The outcome shown is the spouse's: theirs is the higher eligible score. */
  spouseCounted: boolean;
}

export interface ResidentResult {
  outcome: ScenarioOutcome;
  /** Present for child-related scenarios. */
  family?: FamilyBasis;
  resident: { name: string; permitNumber: string };
  closeGap: GapStep[];
  /** The first day time alone makes the resident eligible, or null. */
  eligibleFrom: string | null;
  position: RankedPosition | null;
}

/**
 * A resident's result for a scenario from their record (facts, registration date, ledgers) as of `asOf`:
 * the outcome, the ways to close the gap, the position in a published list, and the resident's name and
 * permit number masked, as every partner-facing answer shows them. For a child-related scenario the family
 * on record counts: the spouse rule (`countingParent`) chooses whose outcome is shown; the ways to close the
 * gap stay the resident's own.
 *
 * @example
 * await residentResult({ residents, rounds }, rs, 'res-000001', 'school-enrollment', '2026-06-30');
 */
export async function residentResult(
  deps: { residents: ResidentRepository; rounds?: RoundRepository },
  rs: ResolvedRuleSet,
  residentId: string,
  scenarioId: string,
  asOf: string,
): Promise<ResidentResult> {
  const scenario = findScenario(rs, scenarioId);
  const record = await deps.residents.getRecord(residentId);
  if (!record) throw new JifenError('not_found', { en: 'Widget: the resident of this token is no longer on record', zh: '这位居民已不在登记信息中' });
  const ledger = await deps.residents.ledgerEntries(residentId);
  const facts = scoringFacts(rs, record, record.facts, ledger, asOf);
  const evaluation = await evaluate(rs, facts, asOf);
  let outcome = scenarioOutcome(rs, scenario, evaluation);
  let family: FamilyBasis | undefined;
  if (scenario.childRelated) {
    const spouseRecord = record.spouseId ? await deps.residents.getRecord(record.spouseId) : undefined;
    let spouse: ScenarioOutcome | undefined;
    if (spouseRecord) {
      const spouseFacts = scoringFacts(rs, spouseRecord, spouseRecord.facts, await deps.residents.ledgerEntries(spouseRecord.id), asOf);
      spouse = scenarioOutcome(rs, scenario, await evaluate(rs, spouseFacts, asOf));
    }
    const chosen = countingParent({ subject: outcome, spouse }, true);
    outcome = chosen.counted;
    family = { children: record.children.length, spouse: spouse !== undefined, spouseCounted: chosen.spouseCounted };
  }
  return {
    outcome,
    ...(family ? { family } : {}),
    resident: { name: maskName(record.name), permitNumber: maskPermit(record.permitNumber) },
    closeGap: await closeGap(rs, scenarioId, facts, asOf),
    eligibleFrom: outcome.eligible || outcome.vetoed ? null : await eligibleFrom(rs, scenarioId, (d) => projectedFacts(rs, record, record.facts, ledger, asOf, d), asOf),
    position: deps.rounds ? await rankedPosition(deps.rounds, rs.id, scenarioId, residentId) : null,
  };
}

async function rankedPosition(rounds: RoundRepository, ruleSetId: string, scenarioId: string, residentId: string): Promise<RankedPosition | null> {
  const listed = await rounds.listRounds({ ruleSetId, scenarioId });
  const round = listed.find((r) => r.status === 'published' || r.status === 'final');
  if (!round) return null;
  const entry = (await rounds.getRanking(round.id)).find((e) => e.residentId === residentId);
  if (!entry) return null;
  return {
    roundId: round.id,
    position: entry.position ?? null,
    places: round.places,
    admitted: entry.admitted,
    status: round.status,
    closedOn: round.closesOn,
    version: round.version ?? 0,
    score: entry.score,
    family: round.childRelated,
    spouseCounted: entry.spouseCounted,
  };
}
