import type { Client } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { ResidentRepository } from '../../domain/residents/repository';
import { localDate } from '../../domain/local-date';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { createLibsqlResidentRepository } from './residents-repository';
import { resolveFor } from './residents-scoring';
import type { RuleSetResolver } from '../rule-sets';

/** What the resident, ledger, feed and self-application routes need. */
export interface ResidentRouteDeps {
  /** The one database client; writes go through its write-transaction queue. */
  client: Client;
  resolver: RuleSetResolver;
  now: () => Date;
  /** Signs resident tokens (HS256). */
  residentTokenSecret: Uint8Array;
  /** The rule set residents are scored with; `district-sample` by default. */
  scoringRuleSet?: string;
}

/** Today in China, the rule set in force today, and the resident repository on the client. */
export async function context(deps: ResidentRouteDeps): Promise<{ now: Date; today: string; rs: ResolvedRuleSet; residents: ResidentRepository }> {
  const now = deps.now();
  const today = localDate(now);
  const rs = await resolveFor(deps.resolver, { asOf: today, ...(deps.scoringRuleSet ? { ruleSetId: deps.scoringRuleSet } : {}) });
  return { now, today, rs, residents: createLibsqlResidentRepository(deps.client) };
}

/** 404 unless the resident exists. */
export async function mustFind(residents: ResidentRepository, id: string) {
  const found = await residents.getResident(id);
  if (!found) throw new JifenError('not_found', { en: `Residents: no resident "${id}"`, zh: '没有这位居民' }, [{ path: 'id', message: 'no such resident' }]);
  return found;
}
