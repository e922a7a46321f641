import { draftImpactSteps, type DraftImpact, type ImpactProgress } from '../../domain/compiled/impact';
import type { Mover } from '../../domain/compiled/impact-stats';
import type { RoundApplicant } from '../../domain/compiled/rank-population';
import { JifenError } from '../../domain/errors';
import type { StoredDraft } from '../../domain/drafts/draft';
import { maskName } from '../../domain/residents/mask';
import { localDate } from '../../domain/local-date';
import { resolveRuleSet } from '../../domain/rule-set/resolve';
import type { RuleSet, Text } from '../../domain/rule-set/schema';
import type { Round, RoundApplication, RoundStatus } from '../../domain/rounds/types';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { includedDocuments } from '../rule-sets';
import type { PopulationCache } from './population-cache';
import { createLibsqlResidentRepository } from '../residents';
import { createLibsqlRoundRepository } from '../rounds';
import type { LifecycleContext } from '../../platform/db/context';
import { getDraft, ownerOf } from '../drafts';

/** What a caller may ask of an impact run. */
export interface ImpactRequest {
  /** Facts as of this day (ledger balances valid that day); today in China by default. */
  asOf?: string | undefined;
  /** The published version to compare with; by default the one the draft replaces. */
  against?: number | undefined;
  /** A scenario whose open (or else closed) round is ranked under both versions. */
  scenario?: string | undefined;
  /** Biggest movers listed each way (default 10). */
  movers?: number | undefined;
}

/** A resident in an impact: internal id and masked name, never the permit number. */
export interface ImpactMover extends Mover {
  name: string;
}

/** An application in a round's ranking shift. */
export interface ImpactApplicant {
  applicationId: number;
  residentId: string;
  name: string;
}

/** How an open or closed round's ranking would shift. */
export interface RoundImpact {
  roundId: number;
  status: RoundStatus;
  scenario: string;
  title: Text;
  places: number;
  /** Applications ranked: accepted ones of a closed round, every one not rejected of an open round. */
  applicants: number;
  ranked: { before: number; after: number };
  admitted: { before: number; after: number };
  moved: { up: number; down: number; same: number };
  newlyAdmitted: { count: number; first: ImpactApplicant[] };
  noLongerAdmitted: { count: number; first: ImpactApplicant[] };
  biggest: (ImpactApplicant & { before: number | null; after: number | null })[];
}

/** The answer of `POST /rule-sets/{id}/drafts/{draftId}/impact`. */
export interface DraftImpactView extends Omit<DraftImpact, 'movers' | 'ranking'> {
  ruleSetId: string;
  draftId: string;
  /** The version number the draft would be published as. */
  version: number;
  /** The published version compared with. */
  against: number;
  population: { revision: string; fromCache: boolean };
  movers: { up: ImpactMover[]; down: ImpactMover[] };
  ranking?: RoundImpact;
  /** Wall-clock milliseconds of the run, reading the population included. */
  ms: number;
}

/** Everything checked before a run starts: a bad request fails here, before any answer is streamed. */
export interface ImpactPlan {
  draft: StoredDraft;
  before: ResolvedRuleSet;
  after: ResolvedRuleSet;
  against: number;
  asOf: string;
  movers: number;
  round?: Round;
}

/**
 * Checks an impact request: the draft (`not_found`), the version to compare with (`not_found` on
 * `against`), the scenario (`validation_failed` when neither version has it, `conflict` when it has no open
 * or closed round), and resolves both versions.
 *
 * @example
 * const plan = await planDraftImpact(ctx, 'district-sample', draftId, { scenario: 'school-enrollment' });
 */
export async function planDraftImpact(ctx: LifecycleContext, ruleSetId: string, draftId: string, request: ImpactRequest): Promise<ImpactPlan> {
  const draft = await getDraft(ctx, ruleSetId, draftId);
  await ownerOf(ctx, ruleSetId);
  const against = request.against ?? draft.parentVersion;
  const published = await ctx.ruleSets.getVersion(ruleSetId, against);
  if (!published) throw new JifenError('not_found', { en: `Impact: ${ruleSetId} has no version ${against}`, zh: `这个规则集没有第 ${against} 版` }, [{ path: 'against', message: 'no such version' }]);
  const [before, after] = await Promise.all([resolved(ctx, published.document), resolved(ctx, draft.document)]);
  const plan: ImpactPlan = { draft, before, after, against, asOf: request.asOf ?? localDate(ctx.now()), movers: request.movers ?? 10 };
  if (request.scenario !== undefined) plan.round = await roundFor(ctx, plan, request.scenario);
  return plan;
}

/**
 * Runs a planned impact over every resident in the database, their facts as each version reads them at
 * `asOf` (held by `population` between runs): yields progress, giving the event loop a turn after each
 * step, and returns the impact with movers named by masked name and internal id.
 *
 * @example
 * const run = runDraftImpact(ctx, population, plan);
 * for (let step = await run.next(); !step.done; step = await run.next()) send(step.value);
 */
export async function* runDraftImpact(
  ctx: LifecycleContext,
  population: PopulationCache,
  plan: ImpactPlan,
  observe?: { totals(ids: readonly string[], start: number, n: number, before: Float64Array, after: Float64Array): void },
): AsyncGenerator<ImpactProgress, DraftImpactView, void> {
  const started = performance.now();
  // Said at once: reading a large population the first time takes a while.
  yield { done: 0, total: await createLibsqlResidentRepository(ctx.db).countResidents() };
  const facts = await population.facts(ctx.db, plan.asOf, [plan.before, plan.after]);
  const [table, afterTable] = facts.tables;
  if (!table || !afterTable) throw new Error('Impact: the population cache answered no tables');
  const total = table.ids.length;

  const applications = plan.round ? await rankedApplications(ctx, plan.round) : [];
  const applicant = (source: typeof table) => (a: RoundApplication): RoundApplicant => {
    const row = facts.rowOf(a.residentId);
    const spouse = a.spouseId === undefined ? undefined : facts.rowOf(a.spouseId);
    return {
      id: String(a.id),
      facts: row === undefined ? {} : source.facts.row(row),
      ...(spouse === undefined ? {} : { spouse: source.facts.row(spouse) }),
    };
  };
  const steps = draftImpactSteps(plan.before, plan.after, table, plan.asOf, {
    movers: plan.movers,
    afterResidents: afterTable,
    progressEvery: Math.max(512, Math.ceil(total / 40)),
    ...(observe ? { onTotals: (start: number, n: number, before: Float64Array, after: Float64Array) => observe.totals(table.ids, start, n, before, after) } : {}),
    ...(plan.round
      ? {
          round: {
            scenario: plan.round.scenarioId,
            places: plan.round.places,
            applicants: applications.map(applicant(table)),
            afterApplicants: applications.map(applicant(afterTable)),
          },
        }
      : {}),
  });
  let step = steps.next();
  while (!step.done) {
    yield step.value;
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  const { movers, ranking, ...impact } = step.value;

  const byId = new Map(applications.map((a) => [String(a.id), a]));
  const shown = ranking ? [...ranking.newlyAdmitted.slice(0, plan.movers), ...ranking.noLongerAdmitted.slice(0, plan.movers), ...ranking.biggest.map((p) => p.id)] : [];
  const names = await maskedNames(ctx, [
    ...movers.up.map((m) => m.id),
    ...movers.down.map((m) => m.id),
    ...shown.flatMap((id) => byId.get(id)?.residentId ?? []),
  ]);
  const named = (m: Mover): ImpactMover => ({ ...m, name: names.get(m.id) ?? '*' });
  const view: DraftImpactView = {
    ruleSetId: plan.draft.ruleSetId,
    draftId: plan.draft.id,
    version: plan.draft.document.version,
    against: plan.against,
    ...impact,
    population: { revision: facts.revision, fromCache: facts.fromCache },
    movers: { up: movers.up.map(named), down: movers.down.map(named) },
    ms: 0,
  };
  if (plan.round && ranking) {
    const person = (id: string): ImpactApplicant => {
      const a = byId.get(id);
      return { applicationId: Number(id), residentId: a?.residentId ?? '', name: (a && names.get(a.residentId)) ?? '*' };
    };
    const list = (ids: string[]) => ({ count: ids.length, first: ids.slice(0, plan.movers).map(person) });
    view.ranking = {
      roundId: plan.round.id,
      status: plan.round.status,
      scenario: plan.round.scenarioId,
      title: plan.round.title,
      places: plan.round.places,
      applicants: applications.length,
      ranked: ranking.ranked,
      admitted: ranking.admitted,
      moved: ranking.moved,
      newlyAdmitted: list(ranking.newlyAdmitted),
      noLongerAdmitted: list(ranking.noLongerAdmitted),
      biggest: ranking.biggest.map((p) => ({ ...person(p.id), before: p.before, after: p.after })),
    };
  }
  view.ms = Math.round(performance.now() - started);
  return view;
}

async function resolved(ctx: LifecycleContext, document: RuleSet): Promise<ResolvedRuleSet> {
  return resolveRuleSet(document, await includedDocuments(ctx.ruleSets, document));
}

/** The scenario's round to rank: its newest open round, or else its newest closed one. */
async function roundFor(ctx: LifecycleContext, plan: ImpactPlan, scenario: string): Promise<Round> {
  if (![plan.before, plan.after].some((rs) => rs.scenarios.some((s) => s.id === scenario))) {
    throw new JifenError('validation_failed', { en: `Impact: neither version has a scenario "${scenario}"`, zh: '两个版本中都没有这个场景' }, [{ path: 'scenario', message: 'no such scenario' }]);
  }
  const rounds = await createLibsqlRoundRepository(ctx.db).listRounds({ ruleSetId: plan.draft.ruleSetId, scenarioId: scenario });
  const round = rounds.find((r) => r.status === 'open') ?? rounds.find((r) => r.status === 'closed');
  if (!round) {
    throw new JifenError('conflict', { en: `Impact: scenario "${scenario}" has no open or closed round to rank`, zh: '这个场景没有进行中或已截止的一轮可供排名' }, [{ path: 'scenario', message: 'has no open or closed round' }]);
  }
  return round;
}

/** Those a round ranks: its accepted applications once closed; while open, every one not rejected. */
async function rankedApplications(ctx: LifecycleContext, round: Round): Promise<RoundApplication[]> {
  const all = await createLibsqlRoundRepository(ctx.db).listApplications(round.id);
  return all.filter((a) => (round.status === 'open' ? a.status !== 'rejected' : a.status === 'accepted'));
}

async function maskedNames(ctx: LifecycleContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const residents = await createLibsqlResidentRepository(ctx.db).getResidents([...new Set(ids)]);
  return new Map(residents.map((r) => [r.id, maskName(r.name)]));
}
