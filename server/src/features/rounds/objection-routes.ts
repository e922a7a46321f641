import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { isOverdue } from '../../domain/rounds/objections';
import type { Objection } from '../../domain/rounds/types';
import { localDate } from '../../domain/local-date';
import { answerRoundObjection, fileRoundObjection } from './round-objection-steps';
import { overdueObjections, recommendationsFor } from './round-queries';
import { mustGetRound } from './round-workflow';
import { createLibsqlRoundRepository } from './rounds-repository';
import type { AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import { actingFor, staffActor, type RoundRouteDeps } from './round-actor';
import {
  answeredSchema,
  dismissSchema,
  fileObjectionSchema,
  objectionListSchema,
  objectionParamsSchema,
  objectionSchema,
  recommendationListSchema,
  residentParamsSchema,
  roundParamsSchema,
  upholdSchema,
} from './round-schemas';

const tags = ['Objections'];
const small = [jsonBody({ maxBytes: 64 * 1024 })];
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const listRoute = createRoute({
  method: 'get', path: '/api/v1/rounds/{id}/objections', tags, summary: "A round's objections, each with its last day to answer",
  request: { params: roundParamsSchema },
  responses: { 200: json(objectionListSchema, 'The objections'), ...errorResponses(401, 403, 404, 422) },
});
const fileRoute = createRoute({
  method: 'post', path: '/api/v1/rounds/{id}/objections', tags, summary: 'Object to a published ranking (异议)',
  description: 'During the public notice only, by an applicant of the round (or staff at the service office on their behalf). It must be answered within 10 working days.',
  middleware: small, request: { params: roundParamsSchema, ...body(fileObjectionSchema) },
  responses: { 201: json(objectionSchema, 'The objection, open'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});
const upholdRoute = createRoute({
  method: 'post', path: '/api/v1/rounds/{id}/objections/{objectionId}/uphold', tags, summary: 'Uphold an objection: correct the facts and re-rank',
  description: "The correction goes into the resident's fact history with the reviewer and the objection as its provenance; the round is re-ranked with its fixed version and the public list shows who moved.",
  middleware: small, request: { params: objectionParamsSchema, ...body(upholdSchema) },
  responses: { 200: json(answeredSchema, 'The objection and the re-ranked round'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});
const dismissRoute = createRoute({
  method: 'post', path: '/api/v1/rounds/{id}/objections/{objectionId}/dismiss', tags, summary: 'Dismiss an objection with a reason',
  middleware: small, request: { params: objectionParamsSchema, ...body(dismissSchema) },
  responses: { 200: json(answeredSchema, 'The objection and the round'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});
const overdueRoute = createRoute({
  method: 'get', path: '/api/v1/objections/overdue', tags, summary: 'Unanswered objections past their last day, across rounds',
  responses: { 200: json(objectionListSchema, 'The overdue objections, oldest deadline first'), ...errorResponses(401, 403) },
});
const recommendationsRoute = createRoute({
  method: 'get', path: '/api/v1/residents/{id}/recommendations', tags: ['Scenario rounds'],
  summary: 'Open rounds the resident already qualifies for (系统推送)',
  description: 'Evaluated with the version in force today. A resident sees their own; staff any.',
  request: { params: residentParamsSchema },
  responses: { 200: json(recommendationListSchema, 'The rounds, best margin first'), ...errorResponses(401, 403, 404, 422) },
});

/**
 * Objections and pushed recommendations: residents object and see the rounds they qualify for; the
 * department answers objections and watches the overdue ones.
 *
 * @example
 * app.route('/', objectionRoutes({ rounds: { client, resolver }, now: () => new Date() }));
 */
export function objectionRoutes(deps: RoundRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const view = (o: Objection) => ({ ...o, overdue: isOverdue(o, localDate(deps.now())) });

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const rounds = createLibsqlRoundRepository(deps.rounds.client);
    await mustGetRound(rounds, id);
    return c.json({ objections: (await rounds.listObjections(id)).map(view) }, 200);
  });
  app.openapi(fileRoute, async (c) => {
    const { residentId: requested, ...request } = c.req.valid('json');
    const { who, residentId } = actingFor(c, deps, requested);
    return c.json(view(await fileRoundObjection(deps.rounds, c.req.valid('param').id, { ...request, residentId }, who)), 201);
  });
  app.openapi(upholdRoute, async (c) => {
    const { id, objectionId } = c.req.valid('param');
    const { answer, correction } = c.req.valid('json');
    const result = await answerRoundObjection(deps.rounds, id, objectionId, { outcome: 'upheld', answer, correction }, staffActor(c, deps));
    return c.json({ objection: view(result.objection), round: result.round }, 200);
  });
  app.openapi(dismissRoute, async (c) => {
    const { id, objectionId } = c.req.valid('param');
    const result = await answerRoundObjection(deps.rounds, id, objectionId, { outcome: 'dismissed', answer: c.req.valid('json').answer }, staffActor(c, deps));
    return c.json({ objection: view(result.objection), round: result.round }, 200);
  });
  app.openapi(overdueRoute, async (c) => c.json({ objections: (await overdueObjections(deps.rounds, deps.now())).map(view) }, 200));
  app.openapi(recommendationsRoute, async (c) => {
    const { residentId } = actingFor(c, deps, c.req.valid('param').id);
    const recommendations = await recommendationsFor(deps.rounds, residentId, deps.now());
    return c.json({ recommendations }, 200);
  });
  return app;
}
