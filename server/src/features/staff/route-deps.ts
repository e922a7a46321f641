import { JifenError } from '../../domain/errors';
import type { LifecycleContext } from '../../platform/db/context';
import type { SessionPolicy } from './sessions';
import type { NetworkOptions } from './session-auth';

/** What the account, draft and audit routes need. */
export interface LifecycleRouteDeps {
  /** Absent when the app runs without a database: nobody can sign in, and staff routes answer 401. */
  lifecycle: LifecycleContext | undefined;
  policy: SessionPolicy;
  network: NetworkOptions;
}

/** The lifecycle context, or 401 when this server has no accounts. */
export function need(deps: LifecycleRouteDeps): LifecycleContext {
  if (deps.lifecycle) return deps.lifecycle;
  throw new JifenError('unauthorized', { en: 'Auth: this server has no staff accounts (it runs without a database)', zh: '这台服务器没有工作人员账号' });
}

export const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
