import type { ResidentRepository } from '../../../server/src/domain/residents/repository';
import type { FactValue } from '../../../server/src/domain/scoring/types';

const AT = '2025-08-01T00:00:00.000Z';

/**
 * Puts a resident on record the way feeds would: identity with the registration date, every other fact
 * from a feed, and volunteer hours as social-service points in the ledger (1 point per 10 hours, earned
 * in 2025, so valid through 2027).
 *
 * @example
 * await addResident(db.residents, 'res-a', '张小三', districtFacts({ volunteerHours: 100 }));
 */
export async function addResident(
  residents: ResidentRepository,
  id: string,
  name: string,
  facts: Record<string, FactValue>,
  permitNumber = `3301061990${id.replace(/\W/g, '').slice(-8).padStart(8, '0')}`,
): Promise<void> {
  const { residenceRegistrationDate, volunteerHours, ...rest } = facts;
  await residents.createResident(
    { id, permitNumber, name, ...(typeof residenceRegistrationDate === 'string' ? { residenceRegistrationDate } : {}) },
    AT,
  );
  const changes = Object.entries(rest).map(([fact, value]) => ({ fact, value }));
  await residents.appendFacts(id, changes, { kind: 'feed', source: 'test', at: AT, evidence: `${id}-facts` });
  if (typeof volunteerHours === 'number' && volunteerHours > 0) {
    await residents.appendLedgerEntry(id, {
      indicator: 'volunteerService',
      kind: 'earn',
      points: volunteerHours / 10,
      earnedOn: '2025-03-01',
      provenance: { kind: 'feed', source: 'test', at: AT, evidence: `${id}-volunteering` },
    });
  }
}
