import type { Context } from 'hono';
import { JifenError } from '../../domain/errors';
import type { RoundActor, RoundDeps } from './round-workflow';
import { principalOf, staffOf, type AppEnv } from '../../platform/http/access';

/** What the round routes need: the workflow's dependencies and the clock. */
export interface RoundRouteDeps {
  rounds: RoundDeps;
  now: () => Date;
}

/** The signed-in staff member as the round workflow's actor (username and departments). */
export function staffActor(c: Context<AppEnv>, deps: RoundRouteDeps): RoundActor {
  const { user } = staffOf(c);
  return { actor: user.username, departments: user.departments, now: deps.now() };
}

/**
 * Who acts for which resident: a resident acts for themself only (naming another resident is refused);
 * staff act on a resident's behalf and must name them.
 */
export function actingFor(c: Context<AppEnv>, deps: RoundRouteDeps, requested: string | undefined): { who: RoundActor; residentId: string } {
  const principal = principalOf(c);
  if (principal?.kind === 'resident') {
    if (requested !== undefined && requested !== principal.id) {
      throw new JifenError('forbidden', { en: 'Rounds: a resident acts only for themself', zh: '居民只能为自己办理' });
    }
    return { who: { actor: `resident:${principal.id}`, now: deps.now() }, residentId: principal.id };
  }
  const who = staffActor(c, deps);
  if (requested === undefined) {
    throw new JifenError('validation_failed', { en: "Rounds: name the resident you act for", zh: '请写明您代办的居民' }, [{ path: 'residentId', message: 'is required for staff' }]);
  }
  return { who, residentId: requested };
}
