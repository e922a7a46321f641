import type { Client } from '@libsql/client';
import type { createApp } from '../../../server/src/app';
import type { Audience } from '../../../server/src/platform/http/access';
import type { LifecycleContext } from '../../../server/src/platform/db/context';
import { feedCaller, residentCaller } from './resident-callers';
import { partnerCaller, residentAppCaller } from '../apps/widget';

/** A kind of caller the route × role matrix tries on every route. */
export interface MatrixCaller {
  name: string;
  /** The audience it belongs to in the access table. */
  audience: Exclude<Audience, 'anonymous' | 'staff'>;
  /** Headers that make a request come from it (a credential, a token). */
  headers: Record<string, string>;
}

/** The app as `npm start` builds it, with a second client on its database for setting callers up. */
export interface MatrixEnv {
  app: ReturnType<typeof createApp>;
  client: Client;
  ctx: LifecycleContext;
}

export type CallerFactory = (env: MatrixEnv) => Promise<MatrixCaller>;

/**
 * Callers besides anonymous and staff (which the matrix test makes itself): add a factory to this list for
 * each new kind of principal (a service credential, a partner key, a resident token), creating whatever
 * it needs in the test database. The matrix then checks every route against it too.
 *
 * @example
 * // async (env) => ({ name: 'feed service', audience: 'service', headers: { authorization: `Bearer ${await issue(env.client)}` } }),
 */
export const EXTRA_CALLERS: readonly CallerFactory[] = [partnerCaller, residentAppCaller, residentCaller, feedCaller];
