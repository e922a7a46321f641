import { createLibsqlRuleSetRepository } from '../../../server/src/features/rule-sets/libsql-rule-set-repository';
import { seedRuleSets } from '../../../server/src/features/rule-sets/seed';
import { inTransaction, useWriteAheadLog } from '../../../server/src/platform/db/database';
import { migrate } from '../../../server/src/platform/db/migrations/migrations';
import { RULE_SETS_DIR } from '../data/rule-sets';
import { tempDatabase } from './temp-database';

/** A clock tests move by hand. */
export function testClock(start: string) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/**
 * What every app test starts from: a real libsql database of its own (write-ahead log, migrated), the
 * shipped rule sets published at `seededAt` (the clock's start when absent), and a clock at `now`.
 *
 * @example
 * const { db, client, clock, ruleSets } = await seededDatabase('2026-06-30T02:00:00Z'); … ; db.cleanup();
 */
export async function seededDatabase(now: string, seededAt?: string) {
  const db = tempDatabase();
  const client = db.open();
  await useWriteAheadLog(client, db.url);
  await migrate(client);
  const clock = testClock(now);
  const at = seededAt === undefined ? clock.now() : new Date(seededAt);
  await inTransaction(client, (tx) => seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: RULE_SETS_DIR, now: at }));
  return { db, client, clock, ruleSets: createLibsqlRuleSetRepository(client) };
}
