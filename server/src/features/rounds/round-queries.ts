import { JifenError } from '../../domain/errors';
import { isOverdue } from '../../domain/rounds/objections';
import { recommendRounds, type Recommendation } from '../../domain/rounds/recommend';
import type { Objection, RankingEntry, RankingRevision, Round } from '../../domain/rounds/types';
import { maskName } from '../../domain/residents/mask';
import { localDate } from '../../domain/local-date';
import type { Evaluation } from '../../domain/scoring/types';
import { createLibsqlResidentRepository } from '../residents';
import { evaluateResidents, familyOf } from '../residents';
import { createLibsqlRoundRepository } from './rounds-repository';
import { mustGetRound, versionInForce, type RoundDeps } from './round-workflow';

/** Where a round stands, for staff: its state plus what waits on someone. */
export interface RoundSummary extends Round {
  applications: { submitted: number; accepted: number; rejected: number };
  objections: { open: number; overdue: number; answered: number };
  /** Whether the list may be finalized today. */
  finalizable: boolean;
}

/**
 * A round with its counts as of `now`.
 *
 * @example
 * await roundSummary(deps, 3, new Date());
 */
export async function roundSummary(deps: RoundDeps, id: number, now: Date): Promise<RoundSummary> {
  const rounds = createLibsqlRoundRepository(deps.client);
  const round = await mustGetRound(rounds, id);
  return summarize(deps, round, localDate(now));
}

/** Rounds newest first, each with its counts. */
export async function listRoundSummaries(deps: RoundDeps, filter: Parameters<ReturnType<typeof createLibsqlRoundRepository>['listRounds']>[0], now: Date): Promise<RoundSummary[]> {
  const today = localDate(now);
  const rounds = await createLibsqlRoundRepository(deps.client).listRounds(filter);
  return Promise.all(rounds.map((r) => summarize(deps, r, today)));
}

async function summarize(deps: RoundDeps, round: Round, today: string): Promise<RoundSummary> {
  const rounds = createLibsqlRoundRepository(deps.client);
  const count = (status: 'submitted' | 'accepted' | 'rejected') => rounds.countApplications(round.id, status);
  const objections = await rounds.listObjections(round.id);
  const open = objections.filter((o) => o.status === 'open');
  return {
    ...round,
    applications: { submitted: await count('submitted'), accepted: await count('accepted'), rejected: await count('rejected') },
    objections: { open: open.length, overdue: open.filter((o) => isOverdue(o, today)).length, answered: objections.length - open.length },
    finalizable: round.status === 'published' && round.publicationEndsOn !== undefined && today > round.publicationEndsOn && open.length === 0,
  };
}

/**
 * One line of the public notice. For a child-related round it names the child (masked): a family that
 * applied for two children has two lines, told apart by the child.
 */
export type PublicEntry = Omit<RankingEntry, 'residentId' | 'applicationId'> & { maskedChildName?: string };

/** A round's ranked list as the public notice shows it: masked, with its history of revisions. */
export interface PublicRound {
  round: Pick<Round, 'id' | 'ruleSetId' | 'scenarioId' | 'department' | 'title' | 'places' | 'childRelated' | 'status' | 'version' | 'publishedOn' | 'publicationEndsOn' | 'finalizedAt' | 'revision'>;
  revisions: Omit<RankingRevision, 'hash' | 'objectionId'>[];
  entries: PublicEntry[];
  objections: { filed: number; open: number; upheld: number; dismissed: number };
}

/**
 * The public notice (公示) of a published or final round: masked names and permit numbers, never a
 * resident id. A round not yet published is not public and answers `not_found`.
 */
export async function publicRound(deps: RoundDeps, id: number): Promise<PublicRound> {
  const rounds = createLibsqlRoundRepository(deps.client);
  const round = await rounds.getRound(id);
  if (!round || (round.status !== 'published' && round.status !== 'final')) {
    throw new JifenError('not_found', { en: `Rounds: round ${id} has no published list`, zh: '本轮还没有公布名单' }, [{ path: 'id', message: 'no published round' }]);
  }
  const [entries, revisions, objections, children] = await Promise.all([
    rounds.getRanking(id),
    rounds.listRevisions(id),
    rounds.listObjections(id),
    round.childRelated ? rounds.childNames(id) : new Map<number, string>(),
  ]);
  return {
    round: publicHeader(round),
    revisions: revisions.map(({ revision, rankedAt, version, cause }) => ({ revision, rankedAt, version, cause })),
    entries: entries.map(({ residentId: _r, applicationId, ...rest }) => {
      const child = children.get(applicationId);
      return child === undefined ? rest : { ...rest, maskedChildName: maskName(child) };
    }),
    objections: {
      filed: objections.length,
      open: objections.filter((o) => o.status === 'open').length,
      upheld: objections.filter((o) => o.status === 'upheld').length,
      dismissed: objections.filter((o) => o.status === 'dismissed').length,
    },
  };
}

/** What the public notice shows of a round itself (no creator, no hashes). */
export function publicHeader(round: Round): PublicRound['round'] {
  const { id, ruleSetId, scenarioId, department, title, places, childRelated, status, version, publishedOn, publicationEndsOn, finalizedAt, revision } = round;
  return { id, ruleSetId, scenarioId, department, title, places, childRelated, status, version, publishedOn, publicationEndsOn, finalizedAt, revision };
}

/** Unanswered objections past their last day, across rounds (for the departments' queue). */
export async function overdueObjections(deps: RoundDeps, now: Date): Promise<Objection[]> {
  return createLibsqlRoundRepository(deps.client).listOverdueObjections(localDate(now));
}

/**
 * The open rounds a resident qualifies for today (系统推送), evaluated with the version in force today.
 *
 * @example
 * await recommendationsFor(deps, 'res-000001', new Date());
 */
export async function recommendationsFor(deps: RoundDeps, residentId: string, now: Date): Promise<Recommendation[]> {
  const today = localDate(now);
  const residents = createLibsqlResidentRepository(deps.client);
  if (!(await residents.getResident(residentId))) {
    throw new JifenError('not_found', { en: `Rounds: no resident "${residentId}"`, zh: '没有这位居民' }, [{ path: 'id', message: 'no such resident' }]);
  }
  const rounds = createLibsqlRoundRepository(deps.client);
  const open = (await rounds.listRounds({ status: 'open' })).filter((r) => today >= r.opensOn && today <= r.closesOn);
  const family = await familyOf(deps.client, residentId);
  const evaluations = new Map<string, Evaluation>();
  const spouseEvaluations = new Map<string, Evaluation>();
  for (const ruleSetId of new Set(open.map((r) => r.ruleSetId))) {
    const rs = await versionInForce(deps, ruleSetId, today).catch((error: unknown) => {
      if (error instanceof JifenError) return undefined;
      throw error;
    });
    if (!rs) continue;
    const results = await evaluateResidents(residents, rs, family.spouse ? [residentId, family.spouse.id] : [residentId], today);
    for (const r of results) (r.id === residentId ? evaluations : spouseEvaluations).set(ruleSetId, r.evaluation);
  }
  const applied = new Set((await rounds.listResidentApplications(residentId)).map((a) => a.roundId));
  return recommendRounds(open, evaluations, today, applied, { hasChildren: family.children.length > 0, spouseEvaluations });
}
