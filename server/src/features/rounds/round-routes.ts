import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createLibsqlRoundRepository } from './rounds-repository';
import { listRoundSummaries, roundSummary } from './round-queries';
import { applyToRound, closeAndRank, finalizeRanking, openScenarioRound, publishRanking, reviewApplication } from './round-steps';
import { mustGetRound } from './round-workflow';
import type { AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import { actingFor, staffActor, type RoundRouteDeps } from './round-actor';
import {
  applicationListQuerySchema,
  applicationListSchema,
  applicationParamsSchema,
  applicationSchema,
  applySchema,
  decisionSchema,
  openRoundSchema,
  rankingSchema,
  roundListQuerySchema,
  roundListSchema,
  roundParamsSchema,
  roundSchema,
  roundSummarySchema,
} from './round-schemas';

const tags = ['Scenario rounds'];
const small = [jsonBody({ maxBytes: 16 * 1024 })];
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const listRoute = createRoute({
  method: 'get', path: '/api/v1/rounds', tags, summary: 'Rounds, newest first, with what waits on someone',
  request: { query: roundListQuerySchema },
  responses: { 200: json(roundListSchema, 'The rounds'), ...errorResponses(401, 403, 422) },
});
const getRoute = createRoute({
  method: 'get', path: '/api/v1/rounds/{id}', tags, summary: 'One round with its counts',
  request: { params: roundParamsSchema },
  responses: { 200: json(roundSummarySchema, 'The round'), ...errorResponses(401, 403, 404, 422) },
});
const openRoute = createRoute({
  method: 'post', path: '/api/v1/rounds', tags, summary: 'Open a round for a scenario of your department',
  description: "Places default to the scenario's. The rule-set version is fixed when the round closes: the version in force on `closesOn`.",
  middleware: small, request: body(openRoundSchema),
  responses: { 201: json(roundSchema, 'The round, open'), ...errorResponses(400, 401, 403, 404, 415, 422) },
});
const applicationsRoute = createRoute({
  method: 'get', path: '/api/v1/rounds/{id}/applications', tags, summary: "A round's applications in the order made",
  request: { params: roundParamsSchema, query: applicationListQuerySchema },
  responses: { 200: json(applicationListSchema, 'The applications'), ...errorResponses(401, 403, 404, 422) },
});
const applyRoute = createRoute({
  method: 'post', path: '/api/v1/rounds/{id}/applications', tags, summary: 'Apply to a round (a resident, or staff on their behalf)',
  description: 'Only during the application window. For a child-related scenario name the child; the spouse on record is scored too.',
  middleware: small, request: { params: roundParamsSchema, ...body(applySchema) },
  responses: { 201: json(applicationSchema, 'The application, submitted'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});
const decide = (outcome: 'accept' | 'reject') =>
  createRoute({
    method: 'post', path: `/api/v1/rounds/{id}/applications/{applicationId}/${outcome}`, tags,
    summary: outcome === 'accept' ? 'Accept an application' : 'Reject an application with a reason',
    middleware: small, request: { params: applicationParamsSchema, ...body(decisionSchema) },
    responses: { 200: json(applicationSchema, 'The application, decided'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
const step = (name: 'close' | 'publish' | 'finalize', summary: string, description: string) =>
  createRoute({
    method: 'post', path: `/api/v1/rounds/{id}/${name}`, tags, summary, description, request: { params: roundParamsSchema },
    responses: { 200: json(roundSchema, 'The round'), ...errorResponses(401, 403, 404, 409, 422) },
  });
const closeRoute = step('close', 'Close the round and rank it', 'After the window, with no application waiting for review: fixes the version in force on `closesOn` and ranks the accepted applicants.');
const publishRoute = step('publish', 'Publish the ranked list (公示)', 'Public from today for 5 working days by the official calendar.');
const finalizeRoute = step('finalize', 'Fix the list (final)', 'After the public notice, with every objection answered. A final list never changes.');
const rankingRoute = createRoute({
  method: 'get', path: '/api/v1/rounds/{id}/ranking', tags, summary: 'The ranked list with resident ids, for staff',
  request: { params: roundParamsSchema },
  responses: { 200: json(rankingSchema, 'The list and its revisions'), ...errorResponses(401, 403, 404, 422) },
});

/**
 * Staff routes of scenario rounds: list, open, review applications, close (rank), publish, finalize, read
 * the list; and applying, which residents do too. Departments are checked by the workflow.
 *
 * @example
 * app.route('/', roundRoutes({ rounds: { client, resolver }, now: () => new Date() }));
 */
export function roundRoutes(deps: RoundRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const repo = () => createLibsqlRoundRepository(deps.rounds.client);

  app.openapi(listRoute, async (c) => c.json({ rounds: await listRoundSummaries(deps.rounds, c.req.valid('query'), deps.now()) }, 200));
  app.openapi(getRoute, async (c) => c.json(await roundSummary(deps.rounds, c.req.valid('param').id, deps.now()), 200));
  app.openapi(openRoute, async (c) => c.json(await openScenarioRound(deps.rounds, c.req.valid('json'), staffActor(c, deps)), 201));

  app.openapi(applicationsRoute, async (c) => {
    const { id } = c.req.valid('param');
    await mustGetRound(repo(), id);
    return c.json({ applications: await repo().listApplications(id, c.req.valid('query')) }, 200);
  });
  app.openapi(applyRoute, async (c) => {
    const request = c.req.valid('json');
    const { who, residentId } = actingFor(c, deps, request.residentId);
    const childId = request.childId ? { childId: request.childId } : {};
    return c.json(await applyToRound(deps.rounds, c.req.valid('param').id, { residentId, ...childId }, who), 201);
  });
  for (const [route, outcome] of [[decide('accept'), 'accepted'], [decide('reject'), 'rejected']] as const) {
    app.openapi(route, async (c) => {
      const { id, applicationId } = c.req.valid('param');
      const reason = c.req.valid('json').reason;
      return c.json(await reviewApplication(deps.rounds, id, applicationId, { outcome, ...(reason ? { reason } : {}) }, staffActor(c, deps)), 200);
    });
  }

  app.openapi(closeRoute, async (c) => c.json(await closeAndRank(deps.rounds, c.req.valid('param').id, staffActor(c, deps)), 200));
  app.openapi(publishRoute, async (c) => c.json(await publishRanking(deps.rounds, c.req.valid('param').id, staffActor(c, deps)), 200));
  app.openapi(finalizeRoute, async (c) => c.json(await finalizeRanking(deps.rounds, c.req.valid('param').id, staffActor(c, deps)), 200));
  app.openapi(rankingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const round = await mustGetRound(repo(), id);
    const [revisions, entries] = await Promise.all([repo().listRevisions(id), repo().getRanking(id)]);
    return c.json({ round, revisions, entries }, 200);
  });
  return app;
}
