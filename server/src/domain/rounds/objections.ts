import { addWorkingDays } from '../calendar/working-days';
import { JifenError } from '../errors';
import { inPublication, type Moment } from './lifecycle';
import type { FactCorrection, Objection, Round, RoundApplication } from './types';

/** Working days a department has to answer an objection (异议处理：10个工作日内答复). */
export const OBJECTION_WORKING_DAYS = 10;

/** What a resident states when objecting. */
export interface ObjectionInput {
  reason: string;
  evidenceRef?: string;
}

/**
 * A new objection (without its id) by the applicant of `application`: allowed only while the round's list
 * is public. It must be answered within 10 working days after the day it is filed.
 *
 * @example
 * fileObjection(round, application, { reason: '社保月数漏计' }, moment).answerBy;
 */
export function fileObjection(
  round: Round,
  application: RoundApplication,
  input: ObjectionInput,
  moment: Moment,
): Omit<Objection, 'id'> {
  if (!inPublication(round, moment.today)) {
    const when = round.publishedOn ? ` (public from ${round.publishedOn} to ${round.publicationEndsOn})` : '';
    throw new JifenError('conflict', { en: `Objections: round ${round.id} is not in its public notice on ${moment.today}${when}`, zh: `本轮今天（${moment.today}）不在公示期内` });
  }
  if (application.roundId !== round.id || application.status !== 'accepted') {
    throw new JifenError('forbidden', { en: `Objections: only an applicant ranked in round ${round.id} may object to it`, zh: '只有本轮名单中的申请人才能提出异议' });
  }
  const reason = input.reason.trim();
  if (reason === '') {
    throw new JifenError('validation_failed', { en: 'Objections: say what is wrong', zh: '请写明哪里有误' }, [{ path: 'reason', message: 'must not be empty' }]);
  }
  return {
    roundId: round.id,
    residentId: application.residentId,
    applicationId: application.id,
    reason,
    ...(input.evidenceRef ? { evidenceRef: input.evidenceRef } : {}),
    filedAt: moment.at,
    filedOn: moment.today,
    filedBy: moment.actor,
    answerBy: addWorkingDays(moment.today, OBJECTION_WORKING_DAYS, moment.calendar),
    status: 'open',
  };
}

/** How a reviewer answers an objection. */
export type ObjectionDecision =
  | { outcome: 'upheld'; answer: string; correction: FactCorrection }
  | { outcome: 'dismissed'; answer: string };

/**
 * The objection answered. Upholding needs a fact correction (which the caller applies through the
 * residents' fact history, then re-ranks); dismissing needs a reason. The round must not be final.
 */
export function answerObjection(round: Round, objection: Objection, decision: ObjectionDecision, moment: Moment): Objection {
  if (round.status !== 'published') {
    throw new JifenError('conflict', { en: `Objections: round ${round.id} is ${round.status}; objections are answered while it is published`, zh: '本轮已不在公示期，异议须在公示期内答复' });
  }
  if (objection.status !== 'open') {
    throw new JifenError('conflict', { en: `Objections: objection ${objection.id} is already ${objection.status}`, zh: '这份异议已经处理过' });
  }
  const answer = decision.answer.trim();
  if (answer === '') {
    throw new JifenError('validation_failed', { en: 'Objections: an answer needs a reason', zh: '答复异议须写明理由' }, [{ path: 'answer', message: 'must not be empty' }]);
  }
  if (decision.outcome === 'upheld' && Object.keys(decision.correction.facts).length === 0) {
    throw new JifenError('validation_failed', { en: 'Objections: upholding corrects at least one fact', zh: '认可异议须至少更正一项信息' }, [
      { path: 'correction.facts', message: 'must name at least one fact' },
    ]);
  }
  return {
    ...objection,
    status: decision.outcome,
    answeredBy: moment.actor,
    answeredAt: moment.at,
    answer,
    ...(decision.outcome === 'upheld' ? { correction: decision.correction } : {}),
  };
}

/** Whether an objection is still unanswered after its last day. */
export function isOverdue(objection: Objection, today: string): boolean {
  return objection.status === 'open' && today > objection.answerBy;
}
