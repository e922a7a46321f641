import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import { canSpend } from '../../domain/ledger/ledger';
import { ledgerIndicators } from '../../domain/residents/scoring-facts';
import type { Provenance } from '../../domain/residents/types';
import { earnPoints, exchangeBenefit, ledgerStatement } from './ledger-service';
import { reviewsFor } from '../self-applications';
import { principalOf, staffOf, type AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import { context, mustFind, type ResidentRouteDeps } from '../residents';
import {
  earnRequestSchema,
  exchangeRequestSchema,
  exchangeResultSchema,
  ledgerQuerySchema,
  ledgerStatementSchema,
  residentIdParamSchema,
} from '../residents';
import { STAFF_OR_RESIDENT, STAFF_SESSION } from '../residents';
import { disclosureFor } from '../residents';
import type { Context } from 'hono';

const tags = ['Points ledger'];

const statementRoute = createRoute({
  method: 'get',
  path: '/api/v1/residents/{id}/ledger',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: "A resident's points ledgers as of a date",
  description:
    'For each ledger indicator (social service: exchangeable and time-limited, 兑换制/期限制): the balance valid on `asOf`, the lots still valid ' +
    '(points lapse on 31 December of the last year of their term), every entry, and which benefits the balance affords.',
  request: { params: residentIdParamSchema, query: ledgerQuerySchema },
  responses: { 200: json(ledgerStatementSchema, 'The ledgers'), ...errorResponses(401, 403, 404, 422) },
});

const earnRoute = createRoute({
  method: 'post',
  path: '/api/v1/residents/{id}/ledger',
  tags,
  security: STAFF_SESSION,
  summary: 'Record points earned (service office)',
  description: "A reviewer of the indicator's department (or an admin) records points earned on a date. The resident is re-scored; audited as `ledger-earned`.",
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { params: residentIdParamSchema, body: { required: true, content: { 'application/json': { schema: earnRequestSchema } } } },
  responses: { 201: json(exchangeResultSchema.shape.entry, 'The entry'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

const exchangeRoute = createRoute({
  method: 'post',
  path: '/api/v1/residents/{id}/exchanges',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: 'Exchange points for a benefit (兑换)',
  description:
    "Spends the benefit's cost from its ledger, oldest valid points first, today. Never below zero: with too few points, or when another exchange " +
    'spent them first, the answer is 409 and nothing is spent. The resident is re-scored; audited as `ledger-exchanged`.',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { params: residentIdParamSchema, body: { required: true, content: { 'application/json': { schema: exchangeRequestSchema } } } },
  responses: { 201: json(exchangeResultSchema, 'What was spent'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

/**
 * Points ledger routes: statement, points earned at the office, benefit exchanges.
 *
 * @example
 * app.route('/', ledgerRoutes(deps));
 */
export function ledgerRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(statementRoute, async (c) => {
    const { id } = c.req.valid('param');
    disclosureFor(c, id);
    const { today, rs, residents } = await context(deps);
    const asOf = c.req.valid('query').asOf ?? today;
    const { accounts, entries } = await ledgerStatement(residents, rs, id, asOf);
    const benefits = rs.benefits.map((b) => {
      const term = ledgerIndicators(rs).find((i) => i.id === b.indicator)?.ledger.termYears;
      return { id: b.id, title: b.title, indicator: b.indicator, cost: b.cost, affordable: term !== undefined && canSpend(entries, b.indicator, term, b.cost, asOf) };
    });
    return c.json({ residentId: id, asOf, ruleSetId: rs.id, version: rs.version, accounts, benefits, entries }, 200);
  });

  app.openapi(earnRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { user } = staffOf(c);
    const { now, today, rs, residents } = await context(deps);
    await mustFind(residents, id);
    const department = rs.indicators.find((i) => i.id === body.indicator)?.department;
    if (!user.roles.includes('admin') && !(department && user.roles.includes('reviewer') && reviewsFor(user.departments, department))) {
      throw new JifenError('forbidden', { en: `Ledger: points of ${body.indicator} are recorded by ${department ?? 'its department'}`, zh: `这个指标的积分由${department ?? '所属部门'}登记` });
    }
    const provenance: Provenance = { kind: 'office', source: user.username, at: now.toISOString() };
    const entry = await earnPoints(deps.client, deps.resolver, { residentId: id, rs, asOf: today, provenance, ...body });
    return c.json(entry, 201);
  });

  app.openapi(exchangeRoute, async (c) => {
    const { id } = c.req.valid('param');
    disclosureFor(c, id);
    const { now, today, rs, residents } = await context(deps);
    await mustFind(residents, id);
    const provenance: Provenance = { ...actorOf(c), at: now.toISOString() };
    const result = await exchangeBenefit(deps.client, deps.resolver, { residentId: id, rs, asOf: today, provenance, benefit: c.req.valid('json').benefit });
    return c.json(result, 201);
  });

  return app;
}

/** Who acts, as provenance: the resident themself (online) or staff at the office. */
function actorOf(c: Context<AppEnv>): Pick<Provenance, 'kind' | 'source'> {
  const principal = principalOf(c);
  if (principal?.kind === 'resident') return { kind: 'resident', source: `resident:${principal.id}` };
  return { kind: 'office', source: staffOf(c).user.username };
}
