import { addWorkingDays } from '../calendar/working-days';
import type { CalendarInput } from '../calendar/calendar';
import { assertDate } from '../calendar/day';
import { JifenError } from '../errors';
import type { Scenario } from '../rule-set/schema';
import type { Round, RoundStatus } from './types';

/**
 * The round's state machine, pure: every function takes the round and the moment (`today` in the
 * district's calendar, `at` as an instant) and answers the round as it becomes, or throws a `JifenError`
 * saying why the step is not allowed now. Dates are counted in working days by the official calendar.
 */

/** Working days a ranked list stays public (公示期不少于5个工作日). */
export const PUBLICATION_WORKING_DAYS = 5;

/** When something happens: the district's date, the instant, who, and the calendar's override table. */
export interface Moment {
  today: string;
  at: string;
  actor: string;
  calendar?: CalendarInput;
}

/** What opening a round needs; places default to the scenario's. */
export interface OpenRoundInput {
  ruleSetId: string;
  scenario: Scenario;
  places?: number;
  opensOn: string;
  closesOn: string;
}

/**
 * A new round in state `open` (without its id, which storage assigns).
 *
 * @example
 * openRound({ ruleSetId: 'district-sample', scenario, opensOn: '2025-09-01', closesOn: '2025-09-30' }, moment);
 */
export function openRound(input: OpenRoundInput, moment: Moment): Omit<Round, 'id'> {
  assertDate(input.opensOn, 'opensOn');
  assertDate(input.closesOn, 'closesOn');
  if (input.closesOn < input.opensOn) {
    throw new JifenError('validation_failed', { en: 'Rounds: the application window closes before it opens', zh: '申请截止日期早于开始日期' }, [
      { path: 'closesOn', message: `must be on or after opensOn (${input.opensOn})` },
    ]);
  }
  if (input.closesOn < moment.today) {
    throw new JifenError('validation_failed', { en: 'Rounds: the application window is already over', zh: '申请期已经结束' }, [
      { path: 'closesOn', message: `must be today (${moment.today}) or later` },
    ]);
  }
  const places = input.places ?? input.scenario.places;
  if (!Number.isInteger(places) || places < 1) {
    throw new JifenError('validation_failed', { en: 'Rounds: a round needs at least one place', zh: '每一轮至少要有一个名额' }, [
      { path: 'places', message: 'must be a whole number ≥ 1' },
    ]);
  }
  return {
    ruleSetId: input.ruleSetId,
    scenarioId: input.scenario.id,
    department: input.scenario.department,
    title: input.scenario.title,
    places,
    childRelated: input.scenario.childRelated,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    status: 'open',
    createdBy: moment.actor,
    createdAt: moment.at,
    revision: 0,
  };
}

/** Throws unless the round takes applications today: open, and today within its window. */
export function assertAcceptingApplications(round: Round, today: string): void {
  assertStatus(round, 'open', 'take applications');
  if (today < round.opensOn || today > round.closesOn) {
    throw new JifenError('conflict', { en: `Rounds: round ${round.id} takes applications from ${round.opensOn} to ${round.closesOn}, not on ${today}`, zh: `本轮申请期为 ${round.opensOn} 至 ${round.closesOn}，今天（${today}）不能申请` });
  }
}

/** Throws unless applications may be reviewed: until the round is closed. */
export function assertReviewable(round: Round): void {
  assertStatus(round, 'open', 'review applications');
}

/**
 * The round closed and ranked with `version`, the version in force on `closesOn`: closing is allowed
 * once the window is over and no application waits for review.
 */
export function closeRound(
  round: Round,
  state: { pendingApplications: number; version: number; versionHash: string },
  moment: Moment,
): Round {
  assertStatus(round, 'open', 'close');
  if (moment.today <= round.closesOn) {
    throw new JifenError('conflict', { en: `Rounds: round ${round.id} takes applications until ${round.closesOn}; close it after that day`, zh: `本轮申请截止到 ${round.closesOn}，请在这一天之后再截止` });
  }
  if (state.pendingApplications > 0) {
    throw new JifenError(
      'conflict',
      { en: `Rounds: ${state.pendingApplications} application(s) of round ${round.id} still wait for review; accept or reject them first`, zh: `本轮还有 ${state.pendingApplications} 份申请等待审核，请先通过或驳回` },
    );
  }
  return { ...round, status: 'closed', version: state.version, versionHash: state.versionHash, closedAt: moment.at, revision: 1 };
}

/**
 * The round published today: public for `PUBLICATION_WORKING_DAYS` working days after today (today
 * itself does not count, so the notice is never shorter than that).
 *
 * @example
 * publishRound(round, { today: '2025-09-30', … }).publicationEndsOn; // '2025-10-14' (National Day off)
 */
export function publishRound(round: Round, moment: Moment): Round {
  assertStatus(round, 'closed', 'publish');
  return {
    ...round,
    status: 'published',
    publishedOn: moment.today,
    publicationEndsOn: addWorkingDays(moment.today, PUBLICATION_WORKING_DAYS, moment.calendar),
  };
}

/** Whether the public notice is running today (objections may be filed). */
export function inPublication(round: Round, today: string): boolean {
  return (
    round.status === 'published' &&
    round.publishedOn !== undefined &&
    round.publicationEndsOn !== undefined &&
    today >= round.publishedOn &&
    today <= round.publicationEndsOn
  );
}

/**
 * The round fixed (final): allowed once the public notice is over and every objection is answered.
 * A final round and its list never change again.
 */
export function finalizeRound(round: Round, state: { openObjections: number }, moment: Moment): Round {
  assertStatus(round, 'published', 'finalize');
  if (round.publicationEndsOn === undefined || moment.today <= round.publicationEndsOn) {
    throw new JifenError('conflict', { en: `Rounds: round ${round.id} is public until ${round.publicationEndsOn ?? '?'}; finalize it after that day`, zh: `本轮公示到 ${round.publicationEndsOn ?? '?'}，请在这一天之后再定稿` });
  }
  if (state.openObjections > 0) {
    throw new JifenError('conflict', { en: `Rounds: ${state.openObjections} objection(s) to round ${round.id} are not answered yet`, zh: `本轮还有 ${state.openObjections} 份异议未答复` });
  }
  return { ...round, status: 'final', finalizedAt: moment.at };
}

/** Throws `conflict` unless the round is in `status`. */
export function assertStatus(round: Round, status: RoundStatus, action: string): void {
  if (round.status === status) return;
  const why = round.status === 'final' ? 'it is final and can no longer change' : `it is ${round.status}, not ${status}`;
  throw new JifenError('conflict', { en: `Rounds: cannot ${action} round ${round.id}: ${why}`, zh: '本轮当前不能进行这项操作' });
}
