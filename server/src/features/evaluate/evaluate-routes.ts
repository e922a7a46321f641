import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import { evaluate } from '../../domain/scoring/evaluate';
import { parseFacts } from '../../domain/scoring/facts';
import type { Evaluation } from '../../domain/scoring/types';
import type { RuleSetResolver } from '../rule-sets';
import { errorResponses, validationHook } from '../../platform/http/errors';
import {
  batchRequestSchema,
  batchResponseSchema,
  evaluateRequestSchema,
  evaluationSchema,
  type evaluationSummarySchema,
} from './evaluation-schemas';
import { jsonBody } from '../../platform/http/json-body';
import type { z } from '@hono/zod-openapi';

/** Largest bodies accepted: one resident, and a batch of up to 10,000. */
export const EVALUATE_MAX_BYTES = 256 * 1024;
export const BATCH_MAX_BYTES = 16 * 1024 * 1024;
/** An anonymous caller's batch: about 3,000 residents of ordinary facts. Staff and service credentials get the full size. */
export const ANONYMOUS_BATCH = { maxBytes: 1024 * 1024, maxMembers: 50_000 };
/** Residents evaluated between two turns of the event loop, so a batch does not stall other requests. */
const BATCH_SLICE = 100;

const tags = ['Evaluation'];

const evaluateRoute = createRoute({
  method: 'post',
  path: '/api/v1/evaluate',
  tags,
  summary: "Score one resident's facts",
  description:
    'Evaluates the facts against the version given, or else the version in force at `asOf`. Answers the total, the group scores, ' +
    "every indicator's points with a plain explanation, and the resident's eligibility for each scenario.",
  middleware: [jsonBody({ maxBytes: EVALUATE_MAX_BYTES })],
  request: { body: { required: true, content: { 'application/json': { schema: evaluateRequestSchema } } } },
  responses: {
    200: { description: 'The evaluation', content: { 'application/json': { schema: evaluationSchema } } },
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

const batchRoute = createRoute({
  method: 'post',
  path: '/api/v1/evaluate/batch',
  tags,
  summary: 'Score up to 10,000 residents at once',
  description:
    'Anonymous callers may send up to 1 MB (about 3,000 residents); signed-in staff and service credentials up to 16 MB. ' +
    'Every resident is evaluated on its own: one with invalid facts gets an `error` (its field paths start with `residents.<index>.facts`) ' +
    'and the others still get their result. Results come in request order, each with its `id`.',
  middleware: [jsonBody({ maxBytes: BATCH_MAX_BYTES, anonymous: ANONYMOUS_BATCH })],
  request: { body: { required: true, content: { 'application/json': { schema: batchRequestSchema } } } },
  responses: {
    200: { description: 'One result or error per resident', content: { 'application/json': { schema: batchResponseSchema } } },
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

/**
 * `POST /api/v1/evaluate` (README "HTTP API") and `POST /api/v1/evaluate/batch`.
 *
 * @example
 * app.route('/', evaluateRoutes({ resolver: createRuleSetResolver(repo) }));
 */
export function evaluateRoutes(deps: { resolver: RuleSetResolver }) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(evaluateRoute, async (c) => {
    const body = c.req.valid('json');
    const rs = await deps.resolver.resolve(await deps.resolver.pick(body));
    const facts = parseFacts(rs, body.facts, 'facts');
    return c.json(await evaluate(rs, facts, body.asOf, { engine: body.engine }), 200);
  });

  app.openapi(batchRoute, async (c) => {
    const body = c.req.valid('json');
    const rs = await deps.resolver.resolve(await deps.resolver.pick(body));
    const results: z.infer<typeof batchResponseSchema>['results'] = [];
    let failed = 0;
    for (const [i, resident] of body.residents.entries()) {
      if (i > 0 && i % BATCH_SLICE === 0) await yieldToEventLoop();
      try {
        const evaluation = await evaluate(rs, parseFacts(rs, resident.facts, `residents.${i}.facts`), body.asOf, {
          engine: body.engine,
        });
        results.push(body.detail === 'full' ? { id: resident.id, evaluation } : { id: resident.id, summary: summarize(evaluation) });
      } catch (error) {
        if (!(error instanceof JifenError)) throw error;
        failed += 1;
        const { code, message, fields } = error;
        results.push({ id: resident.id, error: { code, message, ...(fields ? { fields } : {}) } });
      }
    }
    return c.json(
      { ruleSetId: rs.id, version: rs.version, hash: rs.hash, asOf: body.asOf, evaluated: results.length - failed, failed, results },
      200,
    );
  });

  return app;
}

/** The figures of an evaluation without its explanations: what a batch answers by default. */
export function summarize(evaluation: Evaluation): z.infer<typeof evaluationSummarySchema> {
  return {
    total: evaluation.total,
    vetoed: evaluation.vetoed,
    groups: Object.fromEntries(evaluation.groups.map((g) => [g.id, g.score])),
    indicators: Object.fromEntries(evaluation.indicators.map((i) => [i.id, i.points])),
    scenarios: Object.fromEntries(
      evaluation.scenarios.map((s) => [s.id, { eligible: s.eligible, score: s.score, shortBy: s.shortBy }]),
    ),
  };
}
