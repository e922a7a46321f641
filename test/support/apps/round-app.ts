import { randomBytes } from 'node:crypto';
import { createApp } from '../../../server/src/app';
import { issueResidentToken, residentResolver } from '../../../server/src/features/credentials/caller-auth';
import type { LifecycleContext } from '../../../server/src/platform/db/context';
import { createLibsqlResidentRepository } from '../../../server/src/features/residents/residents-repository';
import { seededDatabase } from '../databases/seeded-database';

/**
 * The whole app over a real libsql file with the shipped rule sets, a clock the test sets, and residents
 * who call with real resident tokens (`Authorization: Bearer jifen_rt_…`).
 *
 * @example
 * const env = await roundApp('2025-08-28T02:00:00Z'); const res = await env.asResident('res-a', 'GET', '/api/v1/…'); env.cleanup();
 */
export async function roundApp(now: string) {
  const { db, client, clock, ruleSets } = await seededDatabase(now, '2025-01-01T00:00:00Z');
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
