import type { Client } from '@libsql/client';
import { ROLES } from '../../server/src/domain/accounts/roles';
import type { Audience } from '../../server/src/platform/http/access';
import { issueResidentToken } from '../../server/src/features/credentials/caller-auth';
import { createUser } from '../../server/src/features/staff/accounts';
import type { RunningServer } from '../../server/src/server';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { ensureDemoPartner } from '../../server/src/features/partners/partners-service';
import { loadResidentTokenSecret } from '../../server/src/features/credentials/resident-token-secret';
import { issueCredential } from '../../server/src/features/credentials/service-credentials';

/** The origin the fuzzing partner is registered for. */
export const PARTNER_ORIGIN = 'https://school.example.org';

/** Who a request is sent as, and the headers that say so. */
export interface Caller {
  as: Audience;
  headers: Record<string, string>;
}

/**
 * One caller of each kind the server knows: a signed-in account for every staff role (with its CSRF
 * token), a partner key for `PARTNER_ORIGIN`, service credentials and a resident token. `pick` answers
 * the caller a route's access entry allows (anonymous when it may), or anonymous when no caller of its
 * audiences exists — such a route is then fuzzed up to its access check, which must answer properly too.
 *
 * @example
 * const callers = await createCallers(server, client); callers.pick(['editor'], '/api/v1/…').headers;
 */
export async function createCallers(server: RunningServer, client: Client) {
  const now = new Date();
  const byAudience = new Map<Audience, Caller>([['anonymous', { as: 'anonymous', headers: {} }]]);

  const ctx = { db: client, ruleSets: createLibsqlRuleSetRepository(client), now: () => new Date() };
  for (const role of ROLES) {
    const username = `fuzz-${role}`;
    const password = `fuzz-${role}-password-long-enough`;
    await createUser(ctx, { username, displayName: username, password, roles: [role], departments: ['*'] }, 'test');
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
    const cookie = /jifen_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    byAudience.set(role, { as: role, headers: { cookie: `jifen_session=${cookie}`, 'x-csrf-token': csrfToken } });
    if (!byAudience.has('staff')) byAudience.set('staff', { ...byAudience.get(role)!, as: 'staff' });
  }

  const { key } = await ensureDemoPartner(client, {
    origins: [PARTNER_ORIGIN],
    scenario: { ruleSetId: 'district-sample', scenarioId: 'school-enrollment' },
    now,
  });
  byAudience.set('partner', { as: 'partner', headers: { 'x-jifen-key': key, origin: PARTNER_ORIGIN } });

  const secret = await loadResidentTokenSecret(client, undefined, now);
  const resident = await issueResidentToken(secret, 'res-000001', now);
  byAudience.set('resident', { as: 'resident', headers: { authorization: `Bearer ${resident.token}` } });

  const service = async (purpose: 'feed' | 'resident-app') =>
    (await issueCredential(client, { purpose, source: 'fuzz', label: 'fuzzing', createdBy: 'test', at: now.toISOString() })).token;
  const feed = await service('feed');
  const residentApp = await service('resident-app');

  return {
    /** The caller for a route allowed to `audiences`; feeds get the feed credential, other services the resident app's. */
    pick(audiences: readonly Audience[], path: string): Caller {
      if (audiences.includes('anonymous')) return byAudience.get('anonymous')!;
      for (const audience of audiences) {
        if (audience === 'service') return { as: 'service', headers: { authorization: `Bearer ${path.includes('/feeds') ? feed : residentApp}` } };
        const found = byAudience.get(audience);
        if (found) return found;
      }
      return byAudience.get('anonymous')!;
    },
  };
}
