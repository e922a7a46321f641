import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { JifenError } from '../../domain/errors';
import { planDraftImpact, runDraftImpact, type DraftImpactView } from './draft-impact';
import type { PopulationCache } from './population-cache';
import type { AppEnv } from '../../platform/http/access';
import { draftParamsSchema } from '../drafts';
import { errorBody, errorResponses, validationHook } from '../../platform/http/errors';
import { draftImpactSchema, impactLineSchema, impactRequestSchema } from './impact-schemas';
import { jsonBody } from '../../platform/http/json-body';
import { need, type LifecycleRouteDeps } from '../staff';

const NDJSON = 'application/x-ndjson';

/**
 * The answer: JSON at once, or NDJSON lines (a sequence of JSON values, described by the registered line
 * schema). Typed as any response config, so that the handler may answer the stream as a plain Response.
 */
const answer: RouteConfig['responses'][number] = {
  description: 'The impact, or its NDJSON stream',
  content: {
    'application/json': { schema: draftImpactSchema },
    [NDJSON]: { schema: { $ref: '#/components/schemas/ImpactLine' } },
  },
};

const impactRoute = createRoute({
  method: 'post',
  path: '/api/v1/rule-sets/{id}/drafts/{draftId}/impact',
  tags: ['Drafts and publishing'],
  summary: 'What the draft would do to the population (draft impact)',
  description:
    'Scores every resident in the database under the published version and under the draft (facts as of `asOf`, as each version ' +
    'reads them) and answers how many gain or lose eligibility for each scenario, the distribution of total changes, the biggest ' +
    'movers each way (internal id and masked name) and, with `scenario`, how its open or closed round would be re-ranked. The ' +
    'population\'s facts stay in memory until any resident\'s facts change, so repeated runs are fast. With `Accept: ' +
    `${NDJSON}\` the answer is streamed: \`{"type":"progress","done":N,"total":M}\` lines, then \`{"type":"result",…}\` ` +
    '(or `{"type":"error","error":{…}}` if the run fails after it started).',
  middleware: [jsonBody({ maxBytes: 16 * 1024 })],
  request: { params: draftParamsSchema, body: { required: true, content: { 'application/json': { schema: impactRequestSchema } } } },
  responses: {
    200: answer,
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

/** What the impact route needs besides the lifecycle: the population held in memory between runs. */
export interface ImpactRouteDeps extends LifecycleRouteDeps {
  population: PopulationCache;
  /** Where a run that fails after its answer started streaming is reported. */
  log: (message: string, error: unknown) => void;
}

/**
 * `POST /api/v1/rule-sets/{id}/drafts/{draftId}/impact`: a draft's impact on the population, answered at
 * once or streamed with progress (NDJSON) when the caller accepts it.
 *
 * @example
 * app.route('/', impactRoutes({ ...lifecycle, population: createPopulationCache(), log: console.error }));
 */
export function impactRoutes(deps: ImpactRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.register('ImpactLine', impactLineSchema);
  app.openapi(impactRoute, async (c) => {
    const ctx = need(deps);
    const { id, draftId } = c.req.valid('param');
    // Everything that can be refused is checked before the answer starts.
    const plan = await planDraftImpact(ctx, id, draftId, c.req.valid('json'));
    const run = runDraftImpact(ctx, deps.population, plan);
    if (!(c.req.header('accept') ?? '').toLowerCase().includes(NDJSON)) {
      let step = await run.next();
      while (!step.done) step = await run.next();
      return c.json(step.value, 200);
    }
    c.header('Content-Type', `${NDJSON}; charset=utf-8`);
    c.header('Cache-Control', 'no-store');
    // Sent at once: without it the Node adapter holds the answer back to measure its first chunks.
    c.header('Transfer-Encoding', 'chunked');
    return stream(c, async (out) => {
      const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
      let result: DraftImpactView | undefined;
      try {
        for (let step = await run.next(); ; step = await run.next()) {
          // The caller went away: stop scoring (the suspended run holds nothing but memory).
          if (out.aborted) return;
          if (step.done) {
            result = step.value;
            break;
          }
          await line({ type: 'progress', ...step.value });
          // A turn of the event loop lets the line out before the next, possibly long, step runs.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        // The status line is sent already: the failure becomes the last line.
        const known = error instanceof JifenError;
        if (!known) deps.log(`Jifen: impact of ${id}/${draftId} failed while streaming`, error);
        await line({ type: 'error', ...(known ? errorBody(error.code, error.text, error.fields) : errorBody('internal_error', 'Server: unexpected error; it has been logged')) });
        return;
      }
      await line({ type: 'result', ...result });
    });
  });
  return app;
}
