import type { ResidentRepository } from '../../domain/residents/repository';
import type { SqlExecutor } from '../../platform/db/database';
import { residentFacts } from './residents-facts';
import { residentIdentity } from './residents-identity';
import { residentLedger } from './residents-ledger';
import { residentScores } from './residents-scores';

/**
 * The resident repository on libsql. Give it the client for reads, or an open write transaction
 * (`inTransaction(client, (tx) => …)`) to make its writes one unit with others — the fact changes of a
 * feed record, the re-score and the audit entry commit together.
 *
 * @example
 * const residents = createLibsqlResidentRepository(client);
 * const record = await residents.getRecord('res-000001');
 * await inTransaction(client, (tx) => createLibsqlResidentRepository(tx).appendFacts(id, changes, provenance));
 */
export function createLibsqlResidentRepository(db: SqlExecutor): ResidentRepository {
  const identity = residentIdentity(db);
  const facts = residentFacts(db);
  return {
    ...identity,
    ...facts,
    ...residentLedger(db),
    ...residentScores(db),
    async getRecord(id) {
      const resident = await identity.getResident(id);
      if (!resident) return undefined;
      const current = (await facts.currentFacts([id])).get(id) ?? {};
      return { ...resident, facts: current, children: await identity.childrenOf(id) };
    },
  };
}
