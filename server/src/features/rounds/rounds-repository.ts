import type { RoundRepository } from '../../domain/rounds/repository';
import type { SqlExecutor } from '../../platform/db/database';
import { roundsCore } from './rounds-core';
import { roundObjections } from './rounds-objections';
import { roundRankings } from './rounds-rankings';

/**
 * The round repository on libsql. Give it the client for reads, or an open write transaction
 * (`inTransaction(client, (tx) => …)`) so that a step of a round and its audit entry commit together.
 *
 * @example
 * const rounds = createLibsqlRoundRepository(client);
 * await inTransaction(client, (tx) => createLibsqlRoundRepository(tx).updateRound(round));
 */
export function createLibsqlRoundRepository(db: SqlExecutor): RoundRepository {
  return { ...roundsCore(db), ...roundRankings(db), ...roundObjections(db) };
}
