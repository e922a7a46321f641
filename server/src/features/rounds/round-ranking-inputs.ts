import { maskName, maskPermit } from '../../domain/residents/mask';
import type { ResidentRepository } from '../../domain/residents/repository';
import { scoringFacts } from '../../domain/residents/scoring-facts';
import type { RankingInput, RoundApplication } from '../../domain/rounds/types';
import type { Facts, ResolvedRuleSet } from '../../domain/scoring/types';
import { chunks } from '../../platform/db/sql';

/**
 * The facts each accepted application is ranked on, read from the residents' records as of the round's
 * closing date with its fixed version (facts, registration date, points-ledger balances), with the name
 * and permit number already masked for the public notice. For a child-related round the other parent's
 * facts come too.
 *
 * @example
 * const inputs = await rankingInputs(createLibsqlResidentRepository(tx), rs, accepted, round.closesOn);
 */
export async function rankingInputs(
  residents: ResidentRepository,
  rs: ResolvedRuleSet,
  applications: readonly RoundApplication[],
  asOf: string,
): Promise<RankingInput[]> {
  const ids = [...new Set(applications.flatMap((a) => (a.spouseId ? [a.residentId, a.spouseId] : [a.residentId])))];
  const facts = new Map<string, Facts>();
  const people = new Map<string, { name: string; permitNumber: string }>();
  for (const part of chunks(ids)) {
    const records = await residents.getResidents(part);
    const current = await residents.currentValues(part);
    const ledgers = await residents.ledgerEntriesOf(part);
    for (const r of records) {
      people.set(r.id, r);
      facts.set(r.id, scoringFacts(rs, r, current.get(r.id) ?? {}, ledgers.get(r.id) ?? [], asOf));
    }
  }
  return applications.map((a) => {
    const person = people.get(a.residentId);
    const spouseFacts = a.spouseId ? facts.get(a.spouseId) : undefined;
    return {
      applicationId: a.id,
      residentId: a.residentId,
      facts: facts.get(a.residentId) ?? {},
      ...(a.spouseId && spouseFacts ? { spouse: { residentId: a.spouseId, facts: spouseFacts } } : {}),
      maskedName: person ? maskName(person.name) : '*',
      maskedPermit: person ? maskPermit(person.permitNumber) : '*',
    };
  });
}
