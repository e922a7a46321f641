import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import { localDate } from '../../domain/local-date';
import { createLibsqlResidentRepository } from './residents-repository';
import { evaluateResidents, resolveFor } from './residents-scoring';
import type { AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { evaluationSchema } from '../evaluate';
import { json } from '../staff';
import { mustFind, type ResidentRouteDeps } from './resident-deps';
import {
  factHistorySchema,
  historyQuerySchema,
  residentIdParamSchema,
  residentListQuerySchema,
  residentListSchema,
  residentRecordSchema,
  scoreQuerySchema,
  storedScoreSchema,
} from './resident-schemas';
import { registerResidentSecurity, STAFF_OR_RESIDENT, STAFF_SESSION } from './resident-security';
import { childView, disclosureFor, personView, residentSummary } from './resident-views';
import { familyHistory, familyOf } from './residents-family';
import { maskName } from '../../domain/residents/mask';

const tags = ['Residents'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/residents',
  tags,
  security: STAFF_SESSION,
  summary: 'List residents (masked permit numbers)',
  description: 'Ordered by id, `limit` per page. Permit numbers are always masked here; auditors also see masked names.',
  request: { query: residentListQuerySchema },
  responses: { 200: json(residentListSchema, 'One page of residents'), ...errorResponses(401, 403, 422) },
});

const recordRoute = createRoute({
  method: 'get',
  path: '/api/v1/residents/{id}',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: "A resident's record: identity, family, current facts with provenance",
  description:
    'The record screen. Reviewers and admins see the full residence-permit number here (and only here); everyone else sees it masked. ' +
    'A resident (with a resident token) may read only their own record.',
  request: { params: residentIdParamSchema },
  responses: { 200: json(residentRecordSchema, 'The record'), ...errorResponses(401, 403, 404) },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/v1/residents/{id}/history',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: "The full history of a resident's facts",
  description: 'Every value ever recorded, oldest first, each with its provenance. `fact` narrows it to one fact.',
  request: { params: residentIdParamSchema, query: historyQuerySchema },
  responses: { 200: json(factHistorySchema, 'The history'), ...errorResponses(401, 403, 404, 422) },
});

const scoreRoute = createRoute({
  method: 'get',
  path: '/api/v1/residents/{id}/score',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: "A resident's score from their record, explained",
  description:
    'Evaluates the record (current facts, registration date, ledger balances valid at `asOf`) with the rule set — `district-sample` by default, ' +
    'the version in force at `asOf` unless `version` is given — and answers the full evaluation, plus the score stored after the last change ' +
    '(re-scoring after a feed, an approval or an exchange is automatic).',
  request: { params: residentIdParamSchema, query: scoreQuerySchema },
  responses: {
    200: json(z.object({ residentId: z.string(), evaluation: evaluationSchema, stored: storedScoreSchema.optional() }).openapi('ResidentScore'), 'The evaluation'),
    ...errorResponses(401, 403, 404, 422),
  },
});

/**
 * The resident record routes: list, record, fact history, score.
 *
 * @example
 * app.route('/', residentRoutes(deps));
 */
export function residentRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerResidentSecurity(app);
  const repo = () => createLibsqlResidentRepository(deps.client);

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const d = disclosureFor(c, undefined);
    const residents = repo();
    if (query.permitNumber !== undefined) {
      const found = await residents.findByPermit(query.permitNumber);
      return c.json({ residents: found ? [residentSummary(found, d)] : [], total: found ? 1 : 0 }, 200);
    }
    const limit = query.limit ?? 50;
    const page = await residents.listResidents({ ...(query.after ? { after: query.after } : {}), limit: limit + 1 });
    const shown = page.slice(0, limit);
    return c.json(
      {
        residents: shown.map((r) => residentSummary(r, d)),
        total: await residents.countResidents(),
        ...(page.length > limit ? { nextCursor: shown.at(-1)!.id } : {}),
      },
      200,
    );
  });

  app.openapi(recordRoute, async (c) => {
    const { id } = c.req.valid('param');
    const d = disclosureFor(c, id, true);
    const record = await repo().getRecord(id);
    if (!record) throw new JifenError('not_found', { en: `Residents: no resident "${id}"`, zh: '没有这位居民' }, [{ path: 'id', message: 'no such resident' }]);
    const spouse = record.spouseId ? await repo().getResident(record.spouseId) : undefined;
    const family = await familyOf(deps.client, id);
    const provenanceOfChild = new Map(family.children.map((ch) => [ch.id, ch.provenance]));
    return c.json(
      {
        ...residentSummary(record, d),
        createdAt: record.createdAt,
        permitMasked: !d.permit,
        facts: record.facts,
        ...(spouse
          ? {
              spouse: {
                ...personView(spouse, { names: d.names, permit: false }),
                ...(family.spouse?.since ? { since: family.spouse.since } : {}),
                ...(family.spouse?.provenance ? { provenance: family.spouse.provenance } : {}),
              },
            }
          : {}),
        children: record.children.map((child) => {
          const provenance = provenanceOfChild.get(child.id);
          return { ...childView(child, d), ...(provenance ? { provenance } : {}) };
        }),
      },
      200,
    );
  });

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const d = disclosureFor(c, id);
    await mustFind(repo(), id);
    const mask = (name: string) => (d.names ? name : maskName(name));
    const family = (await familyHistory(deps.client, id)).map((e) => ({
      ...e,
      ...(e.spouse ? { spouse: { ...e.spouse, name: mask(e.spouse.name) } } : {}),
      ...(e.child ? { child: { ...e.child, name: mask(e.child.name) } } : {}),
    }));
    return c.json({ residentId: id, history: await repo().factHistory(id, c.req.valid('query').fact), family }, 200);
  });

  app.openapi(scoreRoute, async (c) => {
    const { id } = c.req.valid('param');
    disclosureFor(c, id);
    const query = c.req.valid('query');
    const residents = repo();
    await mustFind(residents, id);
    const asOf = query.asOf ?? localDate(deps.now());
    const ruleSetId = query.ruleSetId ?? deps.scoringRuleSet;
    const rs = await resolveFor(deps.resolver, { asOf, ...(ruleSetId ? { ruleSetId } : {}), ...(query.version ? { version: query.version } : {}) });
    const [result] = await evaluateResidents(residents, rs, [id], asOf);
    const stored = await residents.getScore(id, rs.id);
    const { residentId: _ignored, ...storedView } = stored ?? { residentId: '' };
    return c.json({ residentId: id, evaluation: result!.evaluation, ...(stored ? { stored: storedView as typeof stored } : {}) }, 200);
  });

  return app;
}
