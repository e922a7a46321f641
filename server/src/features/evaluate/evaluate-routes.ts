import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { summarizeEvaluation } from '../../domain/compiled/summaries';
import { explainedAnswerJson, refusalOf, type ExplainedResult } from './batch-answer';
import { summaryAnswer } from './summary-answer';
import { evaluationJson } from './evaluation-json';
import { DEFAULT_ENGINE, evaluate } from '../../domain/scoring/evaluate';
import { parseFacts } from '../../domain/scoring/facts';
import type { RuleSetResolver } from '../rule-sets';
import { errorResponses, validationHook } from '../../platform/http/errors';
import {
  batchRequestSchema,
  batchResponseSchema,
  evaluateRequestSchema,
  evaluationSchema,
} from './evaluation-schemas';
import { jsonBody } from '../../platform/http/json-body';

/** Largest bodies accepted: one resident, and a batch of up to 10,000. */
export const EVALUATE_MAX_BYTES = 256 * 1024;
export const BATCH_MAX_BYTES = 16 * 1024 * 1024;
/**
 * Members and items of a batch: 10,000 residents with up to 100 each (every fact of a large rule set and
 * its lists). The default for other bodies would refuse a full batch of residents whose records are complete.
 */
export const BATCH_MAX_MEMBERS = 1_000_000;
/**
 * An anonymous caller's batch: 1,500 to 3,000 residents, by how many facts each carries (more members per
 * byte than that is no batch of residents). Staff and service credentials get the full size.
 */
export const ANONYMOUS_BATCH = { maxBytes: 1024 * 1024, maxMembers: 100_000 };
/** Residents evaluated one at a time (explained) between two turns of the event loop, so a batch does not stall other requests. */
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
    'Anonymous callers may send up to 1 MB (1,500 to 3,000 residents, by how many facts each carries); signed-in staff and service credentials up to 16 MB, ' +
      'enough for 10,000 residents with every fact. The body is JSON in UTF-8. ' +
    'Every resident is evaluated on its own: one with invalid facts gets an `error` (its field paths start with `residents.<index>.facts`) ' +
    'and the others still get their result. Results come in request order, each with its `id`.',
  middleware: [jsonBody({ maxBytes: BATCH_MAX_BYTES, maxMembers: BATCH_MAX_MEMBERS, anonymous: ANONYMOUS_BATCH })],
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
    const facts = parseFacts(rs, body.facts, 'facts', body.asOf);
    // The bytes `c.json` would write, with remembered results' JSON copied (evaluation-json.ts); the route's
    // typed JSON answer cannot be spelled for bytes, hence the cast.
    const bytes = evaluationJson(await evaluate(rs, facts, body.asOf, { engine: body.engine }));
    return c.body(bytes, 200, { 'content-type': 'application/json' }) as never;
  });

  app.openapi(batchRoute, async (c) => {
    const body = c.req.valid('json');
    const rs = await deps.resolver.resolve(await deps.resolver.pick(body));
    const explained = body.detail === 'full' || (body.engine ?? DEFAULT_ENGINE) !== 'compiled';
    const head = { ruleSetId: rs.id, version: rs.version, hash: rs.hash, asOf: body.asOf };
    // Both answers are written as bytes, a slice of residents at a time, and are exactly the
    // `BatchEvaluateResponse` the route declares (batch-answer.test.ts and summary-answer.test.ts compare
    // them to JSON.stringify); the route's typed JSON answer cannot be spelled for bytes, hence the casts.
    if (explained) {
      const results: ExplainedResult[] = new Array(body.residents.length);
      for (const [i, resident] of body.residents.entries()) {
        if (i > 0 && i % BATCH_SLICE === 0) await yieldToEventLoop();
        try {
          const evaluation = await evaluate(rs, parseFacts(rs, resident.facts, `residents.${i}.facts`, body.asOf), body.asOf, { engine: body.engine });
          results[i] = body.detail === 'full' ? { id: resident.id, evaluation } : { id: resident.id, summary: summarizeEvaluation(evaluation) };
        } catch (error) {
          results[i] = { id: resident.id, error: refusalOf(error) };
        }
      }
      return c.body(await explainedAnswerJson(head, results), 200, { 'content-type': 'application/json' }) as never;
    }
    // The population path (summary-answer.ts): each resident's facts checked on their own into one fact
    // table, then scored and written a slice of residents at a time from the scores' columns.
    return c.body(await summaryAnswer(rs, head, body.residents), 200, { 'content-type': 'application/json' }) as never;
  });

  return app;
}
