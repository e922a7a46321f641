import type { Client } from '@libsql/client';
import { ALL_DEPARTMENTS } from '../../domain/accounts/roles';
import type { AuditAction } from '../../domain/audit/actions';
import type { WorkingCalendar } from '../../domain/calendar/calendar';
import { JifenError } from '../../domain/errors';
import { localDate } from '../../domain/local-date';
import type { RoundRepository } from '../../domain/rounds/repository';
import type { Round } from '../../domain/rounds/types';
import type { Moment } from '../../domain/rounds/lifecycle';
import { contentHash } from '../../domain/rule-set/hash';
import type { Scenario } from '../../domain/rule-set/schema';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { appendAudit } from '../../platform/db/audit-log';
import { loadCalendar } from '../calendar';
import { inTransaction, type SqlExecutor } from '../../platform/db/database';
import { createLibsqlResidentRepository } from '../residents';
import { createLibsqlRoundRepository } from './rounds-repository';
import type { RuleSetResolver } from '../rule-sets';

/** What the round workflow needs: the one client (and its write queue), rule sets, the calendar. */
export interface RoundDeps {
  client: Client;
  resolver: RuleSetResolver;
  /** The admin-maintained calendar override table; read from the database when absent. */
  calendar?: () => Promise<WorkingCalendar>;
}

/** Who acts, and when. Staff carry their departments (`*` for all); a resident acting for themself does not. */
export interface RoundActor {
  actor: string;
  departments?: readonly string[];
  now: Date;
}

/** The repositories of one write transaction. */
export interface Unit {
  tx: SqlExecutor;
  rounds: RoundRepository;
  residents: ReturnType<typeof createLibsqlResidentRepository>;
}

/**
 * Runs `work` in one write transaction with the round and resident repositories on it, so that a step,
 * its side effects and its audit entries commit together or not at all.
 */
export function inUnit<T>(deps: RoundDeps, work: (unit: Unit) => Promise<T>): Promise<T> {
  return inTransaction(deps.client, (tx) =>
    work({ tx, rounds: createLibsqlRoundRepository(tx), residents: createLibsqlResidentRepository(tx) }),
  );
}

/** The content hash of a round, an application or an objection, for the audit trail. */
export const stateHash = (value: object): string => contentHash(value);

/** The domain's `Moment` for an actor, with the working calendar (notices and overrides) loaded. */
export async function momentOf(deps: RoundDeps, who: RoundActor): Promise<Moment> {
  const calendar = await (deps.calendar ? deps.calendar() : loadCalendar(deps.client));
  return { today: localDate(who.now), at: who.now.toISOString(), actor: who.actor, calendar };
}

/** The round, or `not_found` naming the parameter. */
export async function mustGetRound(rounds: RoundRepository, id: number): Promise<Round> {
  const round = await rounds.getRound(id);
  if (!round) throw new JifenError('not_found', { en: `Rounds: no round ${id}`, zh: '没有这一轮' }, [{ path: 'id', message: 'no such round' }]);
  return round;
}

/** Throws `forbidden` unless a staff actor works for `department` (residents are checked by the routes). */
export function assertDepartment(who: RoundActor, department: string): void {
  if (!who.departments) return;
  if (who.departments.includes(ALL_DEPARTMENTS) || who.departments.includes(department)) return;
  throw new JifenError('forbidden', { en: `Rounds: only staff of ${department} may do this`, zh: `只有${department}的工作人员可以进行这项操作` });
}

/** The scenario of a rule-set version, or `conflict` when that version no longer has it. */
export function scenarioOf(rs: ResolvedRuleSet, scenarioId: string, path = 'scenarioId'): Scenario {
  const scenario = rs.scenarios.find((s) => s.id === scenarioId);
  if (scenario) return scenario;
  throw new JifenError('validation_failed', { en: `Rounds: ${rs.id} version ${rs.version} has no scenario "${scenarioId}"`, zh: '这个规则集版本中没有这个场景' }, [
    { path, message: `no such scenario in ${rs.id} version ${rs.version}` },
  ]);
}

/** The version of `ruleSetId` in force on `asOf`, resolved. */
export async function versionInForce(deps: RoundDeps, ruleSetId: string, asOf: string): Promise<ResolvedRuleSet> {
  return deps.resolver.resolve(await deps.resolver.pick({ ruleSetId, asOf }));
}

/**
 * Appends a round step to the audit trail: target `round:<id>[/<sub>]`, with the content hashes before and
 * after (of the round, the application, the objection or the ranked list the step changed).
 */
export async function auditRound(
  unit: Unit,
  moment: Moment,
  action: AuditAction,
  target: { round: number; sub?: string },
  change: { before?: string; after?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await appendAudit(unit.tx, {
    at: moment.at,
    actor: moment.actor,
    action,
    target: `round:${target.round}${target.sub ? `/${target.sub}` : ''}`,
    ...(change.before !== undefined ? { before: change.before } : {}),
    ...(change.after !== undefined ? { after: change.after } : {}),
    ...(change.details ? { details: change.details } : {}),
  });
}
