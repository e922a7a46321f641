// Loaded first: @hono/zod-openapi adds `.openapi()` only to schemas built after it, and the feature
// indexes these tests import reach route schemas that call it on the domain's schemas.
import '@hono/zod-openapi';
import { fileURLToPath } from 'node:url';
import { inTransaction, useWriteAheadLog } from '../../../server/src/platform/db/database';
import { createLibsqlRuleSetRepository } from '../../../server/src/features/rule-sets/libsql-rule-set-repository';
import { migrate } from '../../../server/src/platform/db/migrations/migrations';
import { createLibsqlResidentRepository } from '../../../server/src/features/residents/residents-repository';
import { createRuleSetResolver } from '../../../server/src/features/rule-sets/rule-set-resolver';
import { seedRuleSets } from '../../../server/src/features/rule-sets/seed';
import { tempDatabase } from './temp-database';

/** The shipped rule sets folder. */
export const RULE_SETS_DIR = fileURLToPath(new URL('../../../rule-sets', import.meta.url));

/**
 * A migrated libsql file database in a temp folder with the shipped rule sets seeded: the real thing the
 * resident tests run against.
 *
 * @example
 * const db = await residentDatabase(); … ; db.cleanup();
 */
export async function residentDatabase() {
  const temp = tempDatabase();
  const client = temp.open();
  await useWriteAheadLog(client, temp.url);
  await migrate(client);
  await inTransaction(client, (tx) =>
    seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: RULE_SETS_DIR, now: new Date('2025-01-01T00:00:00Z') }),
  );
  const ruleSets = createLibsqlRuleSetRepository(client);
  return {
    ...temp,
    client,
    ruleSets,
    resolver: createRuleSetResolver(ruleSets),
    residents: createLibsqlResidentRepository(client),
  };
}
