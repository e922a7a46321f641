import { JifenError } from '../../domain/errors';
import {
  assertAcceptingApplications,
  assertReviewable,
  assertStatus,
  closeRound,
  finalizeRound,
  openRound,
  publishRound,
} from '../../domain/rounds/lifecycle';
import { rankRound } from '../../domain/rounds/rank-round';
import type { Round, RoundApplication } from '../../domain/rounds/types';
import { rankingInputs } from './round-ranking-inputs';
import {
  assertDepartment,
  auditRound,
  inUnit,
  momentOf,
  mustGetRound,
  scenarioOf,
  stateHash,
  versionInForce,
  type RoundActor,
  type RoundDeps,
} from './round-workflow';

/**
 * The steps of a scenario round, each one write transaction with its audit entry: open, apply, review,
 * close (rank), publish, finalize. Objections are in round-objection-steps.ts.
 */

/** What a department gives to open a round. */
export interface OpenRoundRequest {
  ruleSetId: string;
  scenarioId: string;
  places?: number;
  opensOn: string;
  closesOn: string;
}

/**
 * Opens a round for a scenario of the version in force on the window's first day; the department of the
 * scenario must be the actor's.
 *
 * @example
 * await openScenarioRound(deps, { ruleSetId: 'district-sample', scenarioId: 'social-welfare', opensOn, closesOn }, who);
 */
export async function openScenarioRound(deps: RoundDeps, request: OpenRoundRequest, who: RoundActor): Promise<Round> {
  const moment = await momentOf(deps, who);
  const rs = await versionInForce(deps, request.ruleSetId, request.opensOn < moment.today ? moment.today : request.opensOn);
  const scenario = scenarioOf(rs, request.scenarioId);
  assertDepartment(who, scenario.department);
  const draft = openRound({ ...request, scenario }, moment);
  return inUnit(deps, async (unit) => {
    const round = await unit.rounds.insertRound(draft);
    await auditRound(unit, moment, 'round-opened', { round: round.id }, {
      after: stateHash(round),
      details: { ruleSetId: round.ruleSetId, scenarioId: round.scenarioId, places: round.places, opensOn: round.opensOn, closesOn: round.closesOn },
    });
    return round;
  });
}

/**
 * A resident's application, made by themself or by staff on their behalf. For a child-related scenario
 * it names one of the resident's children, and the resident's spouse on record is scored too.
 */
export async function applyToRound(
  deps: RoundDeps,
  roundId: number,
  request: { residentId: string; childId?: string },
  who: RoundActor,
): Promise<RoundApplication> {
  const moment = await momentOf(deps, who);
  return inUnit(deps, async (unit) => {
    const round = await mustGetRound(unit.rounds, roundId);
    if (who.departments) assertDepartment(who, round.department);
    assertAcceptingApplications(round, moment.today);
    const resident = await unit.residents.getResident(request.residentId);
    if (!resident) throw new JifenError('not_found', { en: `Rounds: no resident "${request.residentId}"`, zh: '没有这位居民' }, [{ path: 'residentId', message: 'no such resident' }]);
    if (round.childRelated) {
      if (!request.childId) {
        throw new JifenError('validation_failed', { en: 'Rounds: this scenario is for a child: name the child', zh: '这个场景是为子女办理的，请写明是哪位子女' }, [{ path: 'childId', message: 'is required' }]);
      }
      const children = await unit.residents.childrenOf(resident.id);
      if (!children.some((c) => c.id === request.childId)) {
        throw new JifenError('validation_failed', { en: 'Rounds: the child is not linked to this resident', zh: '登记信息中这位子女与该居民没有关联' }, [{ path: 'childId', message: 'is not a child of the resident on record' }]);
      }
      const taken = await unit.rounds.findChildApplication(round.id, request.childId);
      if (taken) throw new JifenError('conflict', { en: `Rounds: an application for this child is already in round ${round.id}`, zh: '这位子女在本轮已有申请' }, [{ path: 'childId', message: 'has already applied to this round' }]);
    } else if (request.childId) {
      throw new JifenError('validation_failed', { en: 'Rounds: only child-related scenarios take a child', zh: '只有与子女相关的场景才需要填写子女' }, [{ path: 'childId', message: 'is not expected for this scenario' }]);
    }
    const application = await unit.rounds.insertApplication({
      roundId: round.id,
      residentId: resident.id,
      ...(request.childId ? { childId: request.childId } : {}),
      ...(round.childRelated && resident.spouseId ? { spouseId: resident.spouseId } : {}),
      status: 'submitted',
      submittedAt: moment.at,
      submittedBy: moment.actor,
    });
    await auditRound(unit, moment, 'round-applied', { round: round.id, sub: `application:${application.id}` }, {
      after: stateHash(application),
      details: { residentId: resident.id, ...(request.childId ? { childId: request.childId } : {}) },
    });
    return application;
  });
}

/** A reviewer of the round's department accepts or rejects a submitted application, with a reason. */
export async function reviewApplication(
  deps: RoundDeps,
  roundId: number,
  applicationId: number,
  decision: { outcome: 'accepted' | 'rejected'; reason?: string },
  who: RoundActor,
): Promise<RoundApplication> {
  const moment = await momentOf(deps, who);
  const reason = decision.reason?.trim() ?? '';
  if (decision.outcome === 'rejected' && reason === '') {
    throw new JifenError('validation_failed', { en: 'Rounds: a rejection needs a reason', zh: '驳回申请须写明理由' }, [{ path: 'reason', message: 'must not be empty' }]);
  }
  return inUnit(deps, async (unit) => {
    const round = await mustGetRound(unit.rounds, roundId);
    assertDepartment(who, round.department);
    assertReviewable(round);
    const before = await unit.rounds.getApplication(round.id, applicationId);
    if (!before) throw new JifenError('not_found', { en: `Rounds: round ${round.id} has no application ${applicationId}`, zh: '本轮没有这份申请' }, [{ path: 'applicationId', message: 'no such application' }]);
    if (before.status !== 'submitted') throw new JifenError('conflict', { en: `Rounds: application ${applicationId} is already ${before.status}`, zh: '这份申请已经处理过' });
    const after: RoundApplication = { ...before, status: decision.outcome, decidedBy: moment.actor, decidedAt: moment.at, reason };
    await unit.rounds.updateApplication(after);
    const action = decision.outcome === 'accepted' ? 'round-application-accepted' : 'round-application-rejected';
    await auditRound(unit, moment, action, { round: round.id, sub: `application:${applicationId}` }, {
      before: stateHash(before),
      after: stateHash(after),
      details: { reason },
    });
    return after;
  });
}

/**
 * Closes the round after its window: fixes the rule-set version in force on the closing date, snapshots
 * the accepted applicants' facts as of that date, ranks them and stores the list (revision 1).
 */
export async function closeAndRank(deps: RoundDeps, roundId: number, who: RoundActor): Promise<Round> {
  const moment = await momentOf(deps, who);
  return inUnit(deps, async (unit) => {
    const before = await mustGetRound(unit.rounds, roundId);
    assertDepartment(who, before.department);
    assertStatus(before, 'open', 'close');
    const rs = await versionInForce(deps, before.ruleSetId, before.closesOn);
    const pendingApplications = await unit.rounds.countApplications(before.id, 'submitted');
    const round = closeRound(before, { pendingApplications, version: rs.version, versionHash: rs.hash }, moment);
    const scenario = scenarioOf(rs, round.scenarioId);
    const accepted = await unit.rounds.listApplications(round.id, { status: 'accepted' });
    const inputs = await rankingInputs(unit.residents, rs, accepted, round.closesOn);
    const ranking = await rankRound(rs, scenario, round.places, inputs, round.closesOn);
    await unit.rounds.updateRound(round);
    await unit.rounds.saveRankingInputs(round.id, inputs);
    await unit.rounds.saveRanking(round.id, { revision: 1, rankedAt: moment.at, version: rs.version, cause: 'closed', hash: ranking.hash }, ranking.entries);
    await auditRound(unit, moment, 'round-closed', { round: round.id }, {
      before: stateHash(before),
      after: ranking.hash,
      details: {
        version: rs.version,
        versionHash: rs.hash,
        applicants: ranking.entries.length,
        eligible: ranking.entries.filter((e) => e.eligible).length,
        admitted: ranking.entries.filter((e) => e.admitted).length,
      },
    });
    return round;
  });
}

/** Publishes the ranked list (公示) from today for 5 working days. */
export async function publishRanking(deps: RoundDeps, roundId: number, who: RoundActor): Promise<Round> {
  const moment = await momentOf(deps, who);
  return inUnit(deps, async (unit) => {
    const before = await mustGetRound(unit.rounds, roundId);
    assertDepartment(who, before.department);
    const round = publishRound(before, moment);
    await unit.rounds.updateRound(round);
    await auditRound(unit, moment, 'round-published', { round: round.id }, {
      before: stateHash(before),
      after: stateHash(round),
      details: { publishedOn: round.publishedOn, publicationEndsOn: round.publicationEndsOn },
    });
    return round;
  });
}

/** Fixes the list once the public notice is over and every objection is answered. */
export async function finalizeRanking(deps: RoundDeps, roundId: number, who: RoundActor): Promise<Round> {
  const moment = await momentOf(deps, who);
  return inUnit(deps, async (unit) => {
    const before = await mustGetRound(unit.rounds, roundId);
    assertDepartment(who, before.department);
    const round = finalizeRound(before, { openObjections: await unit.rounds.countOpenObjections(before.id) }, moment);
    const last = (await unit.rounds.listRevisions(round.id)).at(-1);
    await unit.rounds.updateRound(round);
    await auditRound(unit, moment, 'round-finalized', { round: round.id }, {
      before: stateHash(before),
      ...(last ? { after: last.hash } : {}),
      details: { revision: round.revision },
    });
    return round;
  });
}
