import { randomBytes } from 'node:crypto';
import { createApp } from '../../../server/src/app';
import { issueResidentToken, residentResolver } from '../../../server/src/features/credentials/caller-auth';
import type { LifecycleContext } from '../../../server/src/platform/db/context';
import { inTransaction, useWriteAheadLog } from '../../../server/src/platform/db/database';
import { createLibsqlRuleSetRepository } from '../../../server/src/features/rule-sets/libsql-rule-set-repository';
import { migrate } from '../../../server/src/platform/db/migrations/migrations';
import { createLibsqlResidentRepository } from '../../../server/src/features/residents/residents-repository';
import { seedRuleSets } from '../../../server/src/features/rule-sets/seed';
import { RULE_SETS_DIR } from '../data/rule-sets';
import { testClock } from '../callers/staff';
import { tempDatabase } from '../databases/temp-database';

/**
 * The whole app over a real libsql file with the shipped rule sets, a clock the test sets, and residents
 * who call with real resident tokens (`Authorization: Bearer jifen_rt_…`).
 *
 * @example
 * const env = await roundApp('2025-08-28T02:00:00Z'); const res = await env.asResident('res-a', 'GET', '/api/v1/…'); env.cleanup();
 */
export async function roundApp(now: string) {
  const db = tempDatabase();
  const client = db.open();
  await useWriteAheadLog(client, db.url);
  await migrate(client);
  const clock = testClock(now);
  await inTransaction(client, (tx) => seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: RULE_SETS_DIR, now: new Date('2025-01-01T00:00:00Z') }));
  const ruleSets = createLibsqlRuleSetRepository(client);
  const ctx: LifecycleContext = { db: client, ruleSets, now: clock.now };
  const secret = randomBytes(32);
  const errors: unknown[] = [];
  const app = createApp({ ruleSets, database: client, now: clock.now, log: (_m, error) => errors.push(error), principalResolvers: [residentResolver(secret, clock.now)] });

  /** A request as a resident with a fresh token. */
  const asResident = async (residentId: string, method: string, path: string, body?: unknown) => {
    const { token } = await issueResidentToken(secret, residentId, clock.now());
    return app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  };
  return { app, client, ctx, clock, errors, residents: createLibsqlResidentRepository(client), asResident, cleanup: db.cleanup };
}
