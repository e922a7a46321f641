import { assertNotOwnFiling } from '../../domain/accounts/separation';
import { JifenError, type FieldError } from '../../domain/errors';
import { recordBoundViolations } from '../../domain/residents/record-bounds';
import { ledgerFacts, REGISTRATION_FACT } from '../../domain/residents/scoring-facts';
import type { FactChange } from '../../domain/residents/types';
import { answerObjection, fileObjection, type ObjectionDecision } from '../../domain/rounds/objections';
import { rankRound } from '../../domain/rounds/rank-round';
import type { FactCorrection, Objection, RankingInput, Round } from '../../domain/rounds/types';
import { checkValue } from '../../domain/scoring/facts';
import type { FactValue, Facts, ResolvedRuleSet } from '../../domain/scoring/types';
import { appendAudit } from '../../platform/db/audit-log';
import { rescoreResidents } from '../residents';
import {
  assertDepartment,
  auditRound,
  inUnit,
  momentOf,
  mustGetRound,
  scenarioOf,
  stateHash,
  type RoundActor,
  type RoundDeps,
  type Unit,
} from './round-workflow';

/**
 * Objections (异议) to a published ranking: filed by an applicant during the public notice, answered by
 * the department within 10 working days. Upholding one corrects the facts through the residents' fact
 * history (provenance: the reviewer, the objection) and re-ranks the round in the same transaction.
 */

/**
 * Files an objection by `residentId`, the applicant (or the other parent named on the application).
 * `applicationId` is needed only when the resident has several applications in the round.
 */
export async function fileRoundObjection(
  deps: RoundDeps,
  roundId: number,
  request: { residentId: string; applicationId?: number; reason: string; evidenceRef?: string },
  who: RoundActor,
): Promise<Objection> {
  const moment = await momentOf(deps, who);
  return inUnit(deps, async (unit) => {
    const round = await mustGetRound(unit.rounds, roundId);
    if (who.departments) assertDepartment(who, round.department);
    const mine = (await unit.rounds.listResidentApplications(request.residentId)).filter(
      (a) => a.roundId === round.id && (request.applicationId === undefined || a.id === request.applicationId),
    );
    if (mine.length === 0) {
      throw new JifenError('forbidden', { en: `Objections: resident ${request.residentId} has no application in round ${round.id}`, zh: '这位居民在本轮没有申请' });
    }
    if (mine.length > 1) {
      throw new JifenError('validation_failed', { en: 'Objections: the resident has several applications in this round; say which', zh: '这位居民在本轮有多份申请，请写明是哪一份' }, [
        { path: 'applicationId', message: `one of ${mine.map((a) => a.id).join(', ')}` },
      ]);
    }
    const draft = fileObjection(round, mine[0]!, request, moment);
    const objection = await unit.rounds.insertObjection({ ...draft, residentId: request.residentId });
    await auditRound(unit, moment, 'objection-filed', { round: round.id, sub: `objection:${objection.id}` }, {
      after: stateHash(objection),
      details: { applicationId: objection.applicationId, answerBy: objection.answerBy },
    });
    return objection;
  });
}

/** Answers an objection: dismissed with a reason, or upheld with a fact correction and a re-ranking. */
export async function answerRoundObjection(
  deps: RoundDeps,
  roundId: number,
  objectionId: number,
  decision: ObjectionDecision,
  who: RoundActor,
): Promise<{ objection: Objection; round: Round }> {
  const moment = await momentOf(deps, who);
  return inUnit(deps, async (unit) => {
    const round = await mustGetRound(unit.rounds, roundId);
    assertDepartment(who, round.department);
    const before = await unit.rounds.getObjection(round.id, objectionId);
    if (!before) throw new JifenError('not_found', { en: `Objections: round ${round.id} has no objection ${objectionId}`, zh: '本轮没有这份异议' }, [{ path: 'objectionId', message: 'no such objection' }]);
    assertNotOwnFiling(moment.actor, before.filedBy, `objection ${before.id}`);
    const objection = answerObjection(round, before, decision, moment);
    await unit.rounds.updateObjection(objection);
    const sub = `objection:${objection.id}`;
    if (decision.outcome === 'dismissed') {
      await auditRound(unit, moment, 'objection-dismissed', { round: round.id, sub }, { before: stateHash(before), after: stateHash(objection), details: { answer: objection.answer } });
      return { objection, round };
    }
    const rs = await deps.resolver.resolve(await deps.resolver.pick({ ruleSetId: round.ruleSetId, asOf: round.closesOn, version: round.version! }));
    const inputs = await unit.rounds.getRankingInputs(round.id);
    const changes = checkCorrection(rs, inputs, decision.correction);
    // The corrected facts, with those on record, must be possible on the day the round ranks them.
    const onRecord = (await unit.residents.currentValues([decision.correction.residentId])).get(decision.correction.residentId) ?? {};
    const outOfBounds = recordBoundViolations(rs, onRecord, changes, round.closesOn, 'correction.facts');
    if (outOfBounds.length > 0) throw new JifenError('validation_failed', { en: 'Objections: the correction is out of bounds', zh: '更正的信息超出允许范围' }, outOfBounds);
    await applyCorrection(unit, deps, decision.correction, changes, objection, moment.today);
    await auditRound(unit, moment, 'objection-upheld', { round: round.id, sub }, {
      before: stateHash(before),
      after: stateHash(objection),
      details: { answer: objection.answer, correction: decision.correction },
    });
    const reranked = await rerank(unit, round, rs, inputs, decision.correction, objection.id, moment.at);
    await auditRound(unit, moment, 'round-reranked', { round: round.id }, {
      before: reranked.before,
      after: reranked.after,
      details: { revision: reranked.round.revision, objectionId: objection.id, moved: reranked.moved },
    });
    return { objection, round: reranked.round };
  });
}

/** The correction's changes, checked: its resident is in the ranking and every fact is a valid value. */
function checkCorrection(rs: ResolvedRuleSet, inputs: readonly RankingInput[], correction: FactCorrection): FactChange[] {
  if (!inputs.some((i) => i.residentId === correction.residentId || i.spouse?.residentId === correction.residentId)) {
    throw new JifenError('validation_failed', { en: 'Objections: the corrected resident is not ranked in this round', zh: '被更正的居民不在本轮名单中' }, [
      { path: 'correction.residentId', message: 'is neither an applicant nor the other parent on an application' },
    ]);
  }
  const fromLedger = ledgerFacts(rs);
  const errors: FieldError[] = [];
  const changes: FactChange[] = [];
  for (const [fact, value] of Object.entries(correction.facts)) {
    const path = `correction.facts.${fact}`;
    const def = rs.facts.get(fact);
    if (!def) errors.push({ path, message: `unknown fact for ${rs.id} version ${rs.version}` });
    else if (fromLedger.has(fact)) errors.push({ path, message: `comes from the points ledger (${fromLedger.get(fact)!.id}); correct the ledger instead` });
    else if (value === null && fact === REGISTRATION_FACT) errors.push({ path, message: 'cannot be cleared' });
    else if (value !== null && value !== undefined) {
      const problem = checkValue(def, value);
      if (problem) errors.push({ path, message: problem });
      else changes.push({ fact, value });
    } else changes.push({ fact, value: null });
  }
  if (errors.length > 0) throw new JifenError('validation_failed', { en: 'Objections: invalid correction', zh: '更正内容有误' }, errors);
  return changes;
}

/** Writes the correction to the resident's record (fact history with provenance) and re-scores them. */
async function applyCorrection(unit: Unit, deps: RoundDeps, correction: FactCorrection, changes: FactChange[], objection: Objection, today: string) {
  const at = objection.answeredAt!;
  const evidence = [`objection:${objection.roundId}/${objection.id}`, correction.evidence].filter(Boolean).join(' ');
  const provenance = { kind: 'reviewer' as const, source: objection.answeredBy!, at, evidence };
  const registration = changes.find((c) => c.fact === REGISTRATION_FACT);
  if (registration && typeof registration.value === 'string') {
    await unit.residents.updateResident(correction.residentId, { residenceRegistrationDate: registration.value }, at);
  }
  const before = stateHash(await unit.residents.currentFacts([correction.residentId]).then((m) => m.get(correction.residentId) ?? {}));
  await unit.residents.appendFacts(correction.residentId, changes, provenance);
  const after = stateHash(await unit.residents.currentFacts([correction.residentId]).then((m) => m.get(correction.residentId) ?? {}));
  await appendAudit(unit.tx, {
    at,
    actor: objection.answeredBy!,
    action: 'fact-changed',
    target: `resident:${correction.residentId}`,
    before,
    after,
    details: { facts: changes.map((c) => c.fact), evidence },
  });
  try {
    await rescoreResidents(unit.residents, deps.resolver, [correction.residentId], { asOf: today, scoredAt: at });
  } catch (error) {
    // The stored score follows the scoring rule set in force today; where there is none, the round still re-ranks.
    if (!(error instanceof JifenError && (error.code === 'not_found' || error.code === 'validation_failed'))) throw error;
  }
}

/**
 * Re-ranks the round after a correction: the corrected resident's facts in the snapshot are overlaid with
 * the correction (nothing else changes), and the list is stored as the next revision.
 */
async function rerank(unit: Unit, round: Round, rs: ResolvedRuleSet, inputs: RankingInput[], correction: FactCorrection, objectionId: number, at: string) {
  const overlay = (facts: Facts): Facts => {
    const out: Record<string, FactValue> = { ...facts };
    for (const [fact, value] of Object.entries(correction.facts)) {
      if (value === null || value === undefined) delete out[fact];
      else out[fact] = value;
    }
    return out;
  };
  const updated = inputs.map((input) => {
    const own = input.residentId === correction.residentId;
    const spouse = input.spouse?.residentId === correction.residentId;
    if (!own && !spouse) return input;
    return {
      ...input,
      ...(own ? { facts: overlay(input.facts) } : {}),
      ...(spouse && input.spouse ? { spouse: { ...input.spouse, facts: overlay(input.spouse.facts) } } : {}),
    };
  });
  for (const [i, input] of updated.entries()) if (input !== inputs[i]) await unit.rounds.replaceRankingInput(round.id, input);
  const current = await unit.rounds.getRanking(round.id);
  const previous = new Map(current.map((e) => [e.applicationId, e.position]));
  const before = (await unit.rounds.listRevisions(round.id)).at(-1)?.hash;
  const ranking = await rankRound(rs, scenarioOf(rs, round.scenarioId), round.places, updated, round.closesOn, { previous });
  const next: Round = { ...round, revision: round.revision + 1 };
  await unit.rounds.saveRanking(round.id, { revision: next.revision, rankedAt: at, version: rs.version, cause: 'objection', objectionId, hash: ranking.hash }, ranking.entries);
  await unit.rounds.updateRound(next);
  const moved = ranking.entries.filter((e) => e.position !== e.previousPosition).length;
  return { round: next, before, after: ranking.hash, moved };
}
